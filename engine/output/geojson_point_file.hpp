#pragma once
// One GeoJSON layer of points (or of no geometry) written as text directly, byte for byte what GDAL 3.6's
// GeoJSON driver writes with RFC7946=YES, COORDINATE_PRECISION=7, WRITE_NAME=NO (geojson_layer_writer.cpp).
//
// Why by hand: GDAL builds a json-c object tree per feature and serialises it: ~15 us a feature, 15 s of CPU
// for the 1 M-finding point layer, the largest single cost of a three-format build (BENCHMARKS.md); this writes
// the same text in about a tenth of that. It follows GDAL's rules (json-c string escaping without escaping '/',
// integers as %lld, reals through GDAL's %.17g-then-fewer-digits rule with ".0" added, coordinates fixed to 7
// decimals with trailing zeros dropped). Every feature it cannot be sure of (a text value GDAL would parse
// as embedded JSON, a NaN or infinite real GDAL leaves out, a coordinate outside lon/lat or one whose digits
// GDAL's intelliround would rework) goes through GDAL's own writer on a /vsimem/ layer with the same options,
// and GDAL's text for it is copied in: the file is GDAL's in every case. Tests compare the two byte for byte.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "output/layer.hpp"

namespace peta::output_detail {

// GDAL's text of a real property (finite) and of a coordinate (false: not finite); exposed for the tests.
std::string geojson_real(double value);
bool geojson_coordinate(double value, std::string& out);

class GeoJsonPointFile {
 public:
  // Whether a layer goes this way: points and tables without geometry.
  static bool suits(const LayerSchema& schema);

  // Creates `path`; `where` names file and layer in errors.
  GeoJsonPointFile(const std::string& path, const LayerSchema& schema, std::string where);
  ~GeoJsonPointFile();
  GeoJsonPointFile(const GeoJsonPointFile&) = delete;
  GeoJsonPointFile& operator=(const GeoJsonPointFile&) = delete;

  void write(const Feature& feature);
  // Writes the end of the collection and closes the file; throws on a write error.
  void close();

 private:
  bool append_fast(const Feature& feature);  // false: a value only GDAL may write; nothing appended then
  void append_through_gdal(const Feature& feature);
  void flush();

  struct GdalFallback;
  LayerSchema schema_;
  std::string where_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  std::vector<std::string> keys_;  // `"name": ` per field, escaped
  std::size_t features_ = 0;
  std::unique_ptr<GdalFallback> gdal_;
};

}  // namespace peta::output_detail
