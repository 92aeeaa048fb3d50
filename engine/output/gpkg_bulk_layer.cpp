#include "output/gpkg_bulk_layer.hpp"

#include <cpl_error.h>

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "output/ogr_feature_conversion.hpp"
#include "store/gpkg_geometry.hpp"
#include "store/sqlite_rtree_bulk.hpp"

namespace peta::output_detail {
namespace {

std::string quoted(const std::string& name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string literal(const std::string& text) {
  std::string q = "'";
  for (char c : text) {
    if (c == '\'') q += '\'';
    q += c;
  }
  return q + "'";
}

const char* kind_name(FieldType kind) { return field_type_name(kind); }

}  // namespace

GpkgBulkLayer::GpkgBulkLayer(GDALDataset& dataset, const LayerSchema& schema, std::string where)
    : table_(schema.name), where_(std::move(where)), geometry_(schema.geometry),
      spatial_(schema.geometry != GeometryKind::none) {
  const char* options[] = {"SPATIAL_INDEX=YES", "FID=fid", "GEOMETRY_NAME=geom", nullptr};
  OGRLayer* layer = dataset.CreateLayer(table_.c_str(), spatial_ ? wgs84_lonlat() : nullptr,
                                        ogr_geometry_type(schema.geometry), const_cast<char**>(options));
  if (!layer) throw Error(where_ + ": cannot create layer: " + CPLGetLastErrorMsg());
  const auto fields = full_name_fields(schema, OFTDate);
  create_fields(*layer, fields, where_);
  // GDAL creates the table, and for a spatial layer its (empty) R-tree and triggers, when the layer is synced.
  if (layer->SyncToDisk() != OGRERR_NONE) throw Error(where_ + ": cannot create the table: " + CPLGetLastErrorMsg());
  db_ = static_cast<sqlite3*>(dataset.GetInternalHandle("SQLITE_HANDLE"));
  if (!db_) throw Error(where_ + ": GDAL gave no SQLite handle for the GeoPackage");
  for (const auto& f : fields) {
    types_.push_back(f.kind);
    names_.push_back(f.name);
  }

  // Held back: the R-tree's insert trigger and the feature count trigger (a statement each per row).
  for (const std::string& name : {"rtree_" + table_ + "_geom_insert", "trigger_insert_feature_count_" + table_}) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", -1, &s,
                           nullptr) != SQLITE_OK)
      fail("reading its triggers");
    sqlite3_bind_text(s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW) held_triggers_.emplace_back(name, reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
  }
  for (const auto& [name, sql] : held_triggers_) exec("DROP TRIGGER " + quoted(name));

  std::string columns, values;
  int n = 0;
  if (spatial_) {
    columns = "geom";
    values = "?1";
    n = 1;
  }
  for (const auto& f : fields) {
    columns += (n ? ", " : "") + quoted(f.name);
    values += (n ? ", ?" : "?") + std::to_string(n + 1);
    ++n;
  }
  const std::string sql = "INSERT INTO " + quoted(table_) + " (" + columns + ") VALUES (" + values + ")";
  if (n == 0) {
    if (sqlite3_prepare_v2(db_, ("INSERT INTO " + quoted(table_) + " DEFAULT VALUES").c_str(), -1, &insert_, nullptr) != SQLITE_OK)
      fail("preparing the insert");
  } else if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &insert_, nullptr) != SQLITE_OK) {
    fail("preparing the insert");
  }
}

GpkgBulkLayer::~GpkgBulkLayer() { sqlite3_finalize(insert_); }

void GpkgBulkLayer::write(const Feature& feature) {
  if (feature.values.size() != types_.size())
    throw Error(where_ + ": feature has " + std::to_string(feature.values.size()) + " values, schema has " +
                std::to_string(types_.size()) + " fields");
  int index = 1;
  std::optional<store::Envelope> envelope;
  if (spatial_) {
    envelope = bind_geometry(feature.geometry);
    ++index;
  }
  for (std::size_t i = 0; i < types_.size(); ++i, ++index) {
    const FieldValue& value = feature.values[i];
    if (std::holds_alternative<std::monostate>(value)) {
      sqlite3_bind_null(insert_, index);
      continue;
    }
    bool fits = false;
    switch (types_[i]) {
      case FieldType::integer:
        if (auto* v = std::get_if<std::int64_t>(&value)) fits = sqlite3_bind_int64(insert_, index, *v) == SQLITE_OK;
        break;
      case FieldType::real:
        if (auto* d = std::get_if<double>(&value)) fits = sqlite3_bind_double(insert_, index, *d) == SQLITE_OK;
        else if (auto* v = std::get_if<std::int64_t>(&value))
          fits = sqlite3_bind_double(insert_, index, static_cast<double>(*v)) == SQLITE_OK;
        break;
      case FieldType::text:
        if (auto* s = std::get_if<std::string>(&value))
          fits = sqlite3_bind_text(insert_, index, s->data(), static_cast<int>(s->size()), SQLITE_STATIC) == SQLITE_OK;
        break;
      case FieldType::date:
        if (auto* s = std::get_if<std::string>(&value)) {
          int year = 0, month = 0, day = 0;
          fits = true;
          if (!parse_iso_date(*s, year, month, day)) {
            sqlite3_bind_null(insert_, index);  // not a date: NULL, as OGR writes it
          } else {
            char iso[32];
            std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
            sqlite3_bind_text(insert_, index, iso, -1, SQLITE_TRANSIENT);
          }
        }
        break;
    }
    if (!fits)
      throw Error(where_ + ", field " + names_[i] + ": value does not fit a " + kind_name(types_[i]) + " field");
  }
  const int rc = sqlite3_step(insert_);
  sqlite3_reset(insert_);
  if (rc != SQLITE_DONE) fail("cannot write a feature");
  ++rows_;
  if (envelope) {
    rtree_.add(sqlite3_last_insert_rowid(db_), *envelope);
    extent_[0] = std::min(extent_[0], envelope->minx);
    extent_[1] = std::min(extent_[1], envelope->miny);
    extent_[2] = std::max(extent_[2], envelope->maxx);
    extent_[3] = std::max(extent_[3], envelope->maxy);
  }
}

std::optional<store::Envelope> GpkgBulkLayer::bind_geometry(const FeatureGeometry& geometry) {
  constexpr int kSrs = 4326;
  std::optional<store::Envelope> envelope;
  if (std::holds_alternative<std::monostate>(geometry)) {
    sqlite3_bind_null(insert_, 1);
    return envelope;
  }
  if (const Coord* c = std::get_if<Coord>(&geometry); c && geometry_ == GeometryKind::point) {
    blob_ = store::gpkg_point(c->x, c->y, kSrs);
    envelope = store::Envelope{c->x, c->x, c->y, c->y};
  } else if (const auto* mp = std::get_if<MultiPolygon>(&geometry); mp && geometry_ == GeometryKind::multipolygon) {
    envelope = store::gpkg_multipolygon(*mp, kSrs, blob_);
  } else if (const auto* ml = std::get_if<MultiLineString>(&geometry);
             ml && geometry_ == GeometryKind::multilinestring) {
    envelope = store::gpkg_multilinestring(*ml, kSrs, blob_);
  } else {
    throw Error(where_ + ": feature geometry does not match the layer's geometry kind");
  }
  sqlite3_bind_blob(insert_, 1, blob_.data(), static_cast<int>(blob_.size()), SQLITE_STATIC);
  return envelope;
}

void GpkgBulkLayer::finish() {
  if (finished_) return;
  finished_ = true;
  sqlite3_finalize(insert_);
  insert_ = nullptr;
  if (spatial_ && rows_ > 0)
    store::pack_gpkg_rtree(db_, "rtree_" + table_ + "_geom", rtree_, static_cast<std::size_t>(rows_));
  rtree_.clear();
  // What the held-back triggers and GDAL's CreateFeature would have kept: the feature count and the extent.
  exec("UPDATE gpkg_ogr_contents SET feature_count = " + std::to_string(rows_) +
       " WHERE lower(table_name) = lower(" + literal(table_) + ")");
  if (extent_[0] <= extent_[2]) {
    // Formatted as GDAL's SaveExtent formats it (SQLite's printf, "%.18g"), so the extent is GDAL's to the bit.
    char* sql = sqlite3_mprintf(
        "UPDATE gpkg_contents SET min_x = %.18g, min_y = %.18g, max_x = %.18g, max_y = %.18g "
        "WHERE lower(table_name) = lower('%q')",
        extent_[0], extent_[1], extent_[2], extent_[3], table_.c_str());
    const std::string text = sql ? sql : "";
    sqlite3_free(sql);
    exec(text);
  }
  for (const auto& [name, sql] : held_triggers_) exec(sql);
  held_triggers_.clear();
}

void GpkgBulkLayer::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string m = message ? message : "";
    sqlite3_free(message);
    throw Error(where_ + ": " + sql.substr(0, 120) + ": " + m);
  }
}

void GpkgBulkLayer::fail(const std::string& what) { throw Error(where_ + ": " + what + ": " + sqlite3_errmsg(db_)); }

}  // namespace peta::output_detail
