#include "output/field_slots.hpp"

#include "core/error.hpp"

namespace peta {

FieldSlots::FieldSlots(const LayerSchema& schema) : layer_(schema.name), size_(schema.fields.size()) {
  index_.reserve(size_);
  for (std::size_t i = 0; i < size_; ++i)
    if (!index_.emplace(schema.fields[i].name, i).second)
      throw Error("layer " + layer_ + ": field " + schema.fields[i].name + " declared twice");
}

std::optional<std::size_t> FieldSlots::find(std::string_view name) const {
  const auto it = index_.find(std::string(name));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::size_t FieldSlots::operator[](std::string_view name) const {
  if (auto slot = find(name)) return *slot;
  throw Error("layer " + layer_ + " has no field " + std::string(name));
}

Feature FieldSlots::blank() const {
  Feature f;
  f.values.resize(size_);
  return f;
}

}  // namespace peta
