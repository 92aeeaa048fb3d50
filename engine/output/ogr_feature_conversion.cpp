#include "output/ogr_feature_conversion.hpp"

#include "core/gdal_init.hpp"

#include <cstdio>
#include <mutex>

#include <gdal_priv.h>

#include "core/error.hpp"
#include "output/utf8_truncate.hpp"

namespace peta::output_detail {
namespace {

const char* kind_name(FieldType kind) {
  switch (kind) {
    case FieldType::integer: return "integer";
    case FieldType::real: return "real";
    case FieldType::text: return "text";
    case FieldType::date: return "date";
  }
  return "?";
}

OGRLinearRing* to_ogr_ring(const Ring& ring) {
  auto* out = new OGRLinearRing();
  out->setNumPoints(static_cast<int>(ring.size()), FALSE);
  for (std::size_t i = 0; i < ring.size(); ++i) out->setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
  return out;
}

OGRMultiPolygon* to_ogr(const MultiPolygon& mp) {
  auto* out = new OGRMultiPolygon();
  for (const Polygon& part : mp.parts) {
    auto* polygon = new OGRPolygon();
    for (const Ring& ring : part.rings) polygon->addRingDirectly(to_ogr_ring(ring));
    out->addGeometryDirectly(polygon);
  }
  return out;
}

OGRMultiLineString* to_ogr(const MultiLineString& lines) {
  auto* out = new OGRMultiLineString();
  for (const LineString& line : lines) {
    auto* ls = new OGRLineString();
    ls->setNumPoints(static_cast<int>(line.size()), FALSE);
    for (std::size_t i = 0; i < line.size(); ++i) ls->setPoint(static_cast<int>(i), line[i].x, line[i].y);
    out->addGeometryDirectly(ls);
  }
  return out;
}

}  // namespace

bool parse_iso_date(const std::string& text, int& year, int& month, int& day) {
  char dash1 = 0, dash2 = 0;
  if (std::sscanf(text.c_str(), "%4d%c%2d%c%2d", &year, &dash1, &month, &dash2, &day) != 5) return false;
  if ((dash1 != '-' && dash1 != '/') || dash2 != dash1) return false;
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::vector<OgrFieldSpec> full_name_fields(const LayerSchema& schema, OGRFieldType date_type) {
  std::vector<OgrFieldSpec> specs;
  for (const FieldDef& f : schema.fields) {
    OgrFieldSpec s{f.name, f.type};
    switch (f.type) {
      case FieldType::integer: s.type = OFTInteger64; break;
      case FieldType::real: s.type = OFTReal; break;
      case FieldType::text: s.type = OFTString; break;
      case FieldType::date: s.type = date_type; break;
    }
    specs.push_back(std::move(s));
  }
  return specs;
}

OGRSpatialReference* wgs84_lonlat() {
  // One per thread: the format writers run on their own threads (format_writers.hpp), and GDAL 3.6's
  // OGRSpatialReference is not safe to share between threads (it refreshes internal state on use).
  thread_local OGRSpatialReference srs = [] {
    OGRSpatialReference s;
    if (s.importFromEPSG(4326) != OGRERR_NONE) throw Error("EPSG:4326: PROJ database not available");
    s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
  }();
  return &srs;
}

OGRwkbGeometryType ogr_geometry_type(GeometryKind kind) {
  switch (kind) {
    case GeometryKind::none: return wkbNone;
    case GeometryKind::point: return wkbPoint;
    case GeometryKind::multilinestring: return wkbMultiLineString;
    case GeometryKind::multipolygon: return wkbMultiPolygon;
  }
  return wkbUnknown;
}

GDALDriver& ogr_driver(const char* name) {
  ensure_gdal_registered();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(name);
  if (!driver) throw Error(std::string("GDAL driver ") + name + " is not available");
  return *driver;
}

void create_fields(OGRLayer& layer, const std::vector<OgrFieldSpec>& fields, const std::string& where) {
  for (const OgrFieldSpec& spec : fields) {
    OGRFieldDefn defn(spec.name.c_str(), spec.type);
    defn.SetWidth(spec.width);
    defn.SetPrecision(spec.precision);
    if (layer.CreateField(&defn, FALSE) != OGRERR_NONE)
      throw Error(where + ": cannot create field " + spec.name + ": " + CPLGetLastErrorMsg());
  }
  OGRFeatureDefn* created = layer.GetLayerDefn();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const char* got = created->GetFieldDefn(static_cast<int>(i))->GetNameRef();
    if (fields[i].name != got)
      throw Error(where + ": field " + fields[i].name + " was renamed to " + got + " by GDAL");
  }
}

OgrFeatureBuilder::OgrFeatureBuilder(GeometryKind geometry, std::vector<OgrFieldSpec> fields,
                                     OGRFeatureDefn* defn, std::string where)
    : geometry_(geometry), fields_(std::move(fields)), where_(std::move(where)),
      feature_(OGRFeature::CreateFeature(defn)) {}

OGRFeature& OgrFeatureBuilder::build(const Feature& feature) {
  if (feature.values.size() != fields_.size())
    throw Error(where_ + ": feature has " + std::to_string(feature.values.size()) + " values, schema has " +
                std::to_string(fields_.size()) + " fields");
  feature_->SetFID(OGRNullFID);
  set_geometry(feature.geometry);
  for (std::size_t i = 0; i < fields_.size(); ++i) set_value(static_cast<int>(i), feature.values[i]);
  return *feature_;
}

void OgrFeatureBuilder::set_geometry(const FeatureGeometry& geometry) {
  if (std::holds_alternative<std::monostate>(geometry)) {
    if (feature_->GetGeometryRef()) feature_->SetGeometryDirectly(nullptr);
    return;
  }
  const bool matches = (geometry_ == GeometryKind::point && std::holds_alternative<Coord>(geometry)) ||
                       (geometry_ == GeometryKind::multilinestring &&
                        std::holds_alternative<MultiLineString>(geometry)) ||
                       (geometry_ == GeometryKind::multipolygon && std::holds_alternative<MultiPolygon>(geometry));
  if (!matches) throw Error(where_ + ": feature geometry does not match the layer's geometry kind");

  if (const Coord* c = std::get_if<Coord>(&geometry)) {
    // Reuse the point the feature already owns.
    OGRGeometry* owned = feature_->GetGeometryRef();
    if (owned && wkbFlatten(owned->getGeometryType()) == wkbPoint) {
      auto* point = owned->toPoint();
      point->setX(c->x);
      point->setY(c->y);
    } else {
      feature_->SetGeometryDirectly(new OGRPoint(c->x, c->y));
    }
  } else if (const auto* lines = std::get_if<MultiLineString>(&geometry)) {
    feature_->SetGeometryDirectly(to_ogr(*lines));
  } else {
    feature_->SetGeometryDirectly(to_ogr(std::get<MultiPolygon>(geometry)));
  }
}

void OgrFeatureBuilder::set_value(int index, const FieldValue& value) {
  const OgrFieldSpec& spec = fields_[static_cast<std::size_t>(index)];
  if (std::holds_alternative<std::monostate>(value)) {
    feature_->SetFieldNull(index);
    return;
  }
  auto mismatch = [&] {
    return Error(where_ + ", field " + spec.name + ": value does not fit a " + kind_name(spec.kind) + " field");
  };
  switch (spec.kind) {
    case FieldType::integer:
      if (auto* i = std::get_if<std::int64_t>(&value)) return feature_->SetField(index, static_cast<GIntBig>(*i));
      throw mismatch();
    case FieldType::real:
      if (auto* d = std::get_if<double>(&value)) return feature_->SetField(index, *d);
      if (auto* i = std::get_if<std::int64_t>(&value)) return feature_->SetField(index, static_cast<double>(*i));
      throw mismatch();
    case FieldType::text: {
      auto* s = std::get_if<std::string>(&value);
      if (!s) throw mismatch();
      if (spec.max_text_bytes == 0 || s->size() <= spec.max_text_bytes)
        return feature_->SetField(index, s->c_str());
      scratch_.assign(truncate_utf8(*s, spec.max_text_bytes));
      return feature_->SetField(index, scratch_.c_str());
    }
    case FieldType::date: {
      auto* s = std::get_if<std::string>(&value);
      if (!s) throw mismatch();
      int year = 0, month = 0, day = 0;
      if (!parse_iso_date(*s, year, month, day)) return feature_->SetFieldNull(index);  // not a date: NULL
      if (spec.type == OFTDate) return feature_->SetField(index, year, month, day);
      char iso[32];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
      return feature_->SetField(index, iso);
    }
  }
}

}  // namespace peta::output_detail
