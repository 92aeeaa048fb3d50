#pragma once
// A layer's field names resolved to their positions once, so that features are filled by name: a writer of
// features asks for the slot of "n_total" when the layer is set up, not for "the seventh value".
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "output/layer.hpp"

namespace peta {

class FieldSlots {
 public:
  explicit FieldSlots(const LayerSchema& schema);
  // The position of field `name`; throws Error naming the layer and the field when the schema has none.
  std::size_t operator[](std::string_view name) const;
  std::optional<std::size_t> find(std::string_view name) const;
  // A feature with one NULL value per field, to be filled by slot.
  Feature blank() const;

 private:
  std::string layer_;
  std::size_t size_ = 0;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace peta
