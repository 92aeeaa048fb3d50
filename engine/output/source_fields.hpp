#pragma once
// Fields for columns passed through from a findings source: text fields named as the source names them,
// "<name>_asli" when a name clashes with a field peta adds, with unique shapefile short names.
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "core/finding.hpp"
#include "output/layer.hpp"

namespace peta {

// A text field whose full name fits the shapefile (no short name needed).
inline FieldDef text_field(const char* name, int width, const char* id, const char* en) {
  return {name, FieldType::text, "", width, 0, id, en, ""};
}

std::vector<FieldDef> source_fields(const std::vector<std::string>& columns, const std::vector<FieldDef>& fixed);

// The fields that say where a finding (or a piece of it) lies and what it is: kode_desa (labelled with the
// given texts), nama_desa, kode_kec, nama_kec, kat_kode.
std::vector<FieldDef> place_fields(const char* kode_desa_id, const char* kode_desa_en);

// Values of the pass-through fields: the finding's cell of each mapped source column (-1: none), NULL
// when absent or empty.
void append_passthrough_values(Feature& out, const Finding& f, const std::vector<int>& column_map, std::size_t count);

// Values of place_fields for desa `desa`.
void append_place_values(Feature& out, const Boundaries& b, int desa, const std::string& category_code);

}  // namespace peta
