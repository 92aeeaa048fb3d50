#pragma once
// Fields for columns passed through from a findings source: text fields named as the source names them,
// "<name>_asli" when a name clashes with a field peta adds, with unique shapefile short names.
#include <string>
#include <vector>

#include "output/layer.hpp"

namespace peta {

// A text field whose full name fits the shapefile (no short name needed).
inline FieldDef text_field(const char* name, int width, const char* id, const char* en) {
  return {name, FieldType::text, "", width, 0, id, en, ""};
}

std::vector<FieldDef> source_fields(const std::vector<std::string>& columns, const std::vector<FieldDef>& fixed);

}  // namespace peta
