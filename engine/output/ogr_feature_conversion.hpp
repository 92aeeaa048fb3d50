#pragma once
// Plain peta features -> OGR features, for the writers in engine/output only.
// One OgrFeatureBuilder per open layer reuses a single OGRFeature (and, for points, its OGRPoint)
// so millions of features cost no per-feature allocation beyond the geometry of lines and polygons.
#include <memory>
#include <string>
#include <vector>

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "output/layer.hpp"

namespace peta::output_detail {

// One field as a given format writes it.
struct OgrFieldSpec {
  std::string name;
  FieldType kind = FieldType::text;
  OGRFieldType type = OFTString;
  int width = 0;
  int precision = 0;
  std::size_t max_text_bytes = 0;  // 0: unlimited; else text is cut on a UTF-8 character boundary
};

// Full-name fields for a format with types (GeoJSON, GeoPackage): integers as Integer64, reals, text, and
// dates as `date_type` (OFTDate, or OFTString where the format has no date type).
std::vector<OgrFieldSpec> full_name_fields(const LayerSchema& schema, OGRFieldType date_type);
// EPSG:4326 with longitude first (OAMS_TRADITIONAL_GIS_ORDER); one per thread (the format writers run on
// their own threads), never modified (GDAL 3.6's CreateLayer takes a non-const pointer and clones it).
OGRSpatialReference* wgs84_lonlat();
OGRwkbGeometryType ogr_geometry_type(GeometryKind kind);
// The driver by short name; throws peta::Error if GDAL lacks it.
GDALDriver& ogr_driver(const char* name);

// "YYYY-MM-DD" (or with '/', optionally followed by a time, ignored); false when it is not a plausible date
// (such a value is written as NULL by every writer).
bool parse_iso_date(const std::string& text, int& year, int& month, int& day);

// Creates each field on `layer` and checks the driver kept the name exactly (no laundering).
void create_fields(OGRLayer& layer, const std::vector<OgrFieldSpec>& fields, const std::string& where);

class OgrFeatureBuilder {
 public:
  // `where` names the file and layer in error messages.
  OgrFeatureBuilder(GeometryKind geometry, std::vector<OgrFieldSpec> fields, OGRFeatureDefn* defn,
                    std::string where);
  // Fills the reused feature (FID reset to null) from `feature`; valid until the next call.
  // Throws peta::Error on a value count or type that does not match the schema (a caller bug).
  OGRFeature& build(const Feature& feature);

 private:
  void set_geometry(const FeatureGeometry& geometry);
  void set_value(int index, const FieldValue& value);

  GeometryKind geometry_;
  std::vector<OgrFieldSpec> fields_;
  std::string where_;
  OGRFeatureUniquePtr feature_;
  std::string scratch_;
};

}  // namespace peta::output_detail
