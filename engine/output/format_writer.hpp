#pragma once
// One output format, as OutputSet drives it: layers one after another, then finish().
// Each writer writes under StagingFolder::temp_path() and stages its files when they are complete.
#include "output/layer.hpp"

namespace peta::output_detail {

class FormatWriter {
 public:
  virtual ~FormatWriter() = default;
  virtual void begin_layer(const LayerSchema& schema) = 0;
  virtual void write(const Feature& feature) = 0;
  virtual void end_layer() = 0;
  // Closes every file and stages it; no layer is open.
  virtual void finish() = 0;
};

}  // namespace peta::output_detail
