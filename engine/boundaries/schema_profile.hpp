#pragma once
// Schema profiles: which attribute holds the code, the name, the parent code... of a boundary layer.
// The known profiles ship in geodata/profiles/*.json (peta's own, BIG's); a project file may give an
// explicit FieldMapping instead.
#include <optional>
#include <string>
#include <vector>

#include "boundaries/boundary_source.hpp"

namespace peta {

struct SchemaProfile {
  std::string name;
  FieldMapping desa, kecamatan, kabupaten;
  const FieldMapping& level(const std::string& level_name) const;
};

// Every profile under geodata/profiles/, in name order.
const std::vector<SchemaProfile>& known_profiles();

// The mapping for a layer of `level` ("desa", "kecamatan", "kabupaten") whose attribute names are
// `fields`: the first known profile whose code and name attributes are all present (case-insensitive),
// with every mapped attribute renamed to the layer's own spelling and absent optional ones emptied.
// Returns the profile name and mapping, or nullopt if none fits.
std::optional<std::pair<std::string, FieldMapping>> detect_profile(const std::string& level,
                                                                   const std::vector<std::string>& fields);

// Resolves an explicit mapping against the layer's attribute names (case-insensitive); throws
// peta::Error naming the attribute when a mapped one is missing.
FieldMapping resolve_mapping(const FieldMapping& mapping, const std::vector<std::string>& fields,
                             const std::string& source_name);

}  // namespace peta
