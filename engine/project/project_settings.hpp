#pragma once
// The project file, validated into plain settings. Paths are resolved against the project file's folder.
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/publication_policy.hpp"
#include "boundaries/boundary_source.hpp"
#include "boundary_cache/boundary_cache.hpp"
#include "findings/column_detection.hpp"
#include "findings/text_encoding.hpp"
#include "geocode/point_locator.hpp"
#include "hotspots/dbscan.hpp"
#include "hotspots/desa_hotspots.hpp"
#include "hotspots/kde.hpp"
#include "indicators/indicator_settings.hpp"
#include "profile/population_table.hpp"
#include "profile/profile_settings.hpp"
#include "project/time_settings.hpp"
#include "query/priority_score.hpp"
#include "store/opd_mapping.hpp"

namespace peta {

enum class SourceFormat { csv, xlsx, vector };

struct FindingSourceSettings {
  std::string path;
  SourceFormat format = SourceFormat::csv;  // from "format", else from the file extension
  std::string layer;                        // XLSX sheet or vector layer; empty: the first
  FindingColumns columns;
  char delimiter = 0;  // 0: detect
  TextEncoding encoding = TextEncoding::detect;
  std::string crs;       // CRS of the coordinates (CSV/XLSX) or override of the layer's CRS; empty: EPSG:4326 / the layer's
  std::string category;  // fixed category for every row (when the source has no category column)
  std::vector<std::string> publish;  // source columns that may reach the outputs besides id, kategori, desa, kecamatan, kode_desa
  // The source key ("kunci"): the store's identity of a finding is (source key, id), so two forms that both
  // number 1, 2, 3 do not collide. Empty: the file name without folder and extension (import_run source_key).
  std::string key;
};



struct OutputSettings {
  std::string folder = "out";
  bool geojson = true, shapefile = true, geopackage = true;
  bool flatgeobuf = false;  // <layer>.fgb with a packed R-tree: the fast choice for a large point layer
  std::string geopackage_name = "peta.gpkg";
  std::vector<std::string> layers = {"desa",    "kecamatan", "kabupaten",        "temuan",
                                     "ditolak", "ruas",      "hitungan_periode", "kunjungan"};
  std::string language = "id";  // "id" or "en": labels in summaries and reports
  bool qgis = true;              // styles, data dictionaries, layer_styles, QGIS project and PNG
  bool has_layer(const std::string& name) const;
};

// Point hotspots over the findings themselves (off unless the project file asks for them).
struct PointHotspotSettings {
  bool kde = false;
  KdeSettings kde_settings;
  bool dbscan = false;
  DbscanSettings dbscan_settings;
};

// The findings store (engine/store): a GeoPackage path (resolved against the project file) or "PG:...".
struct StoreSettings {
  std::string path;  // empty: no store (build works from the sources alone)
};

struct ProjectSettings {
  std::string name;
  std::string file;  // the project file itself
  BoundarySettings boundaries;
  BoundaryCacheOptions boundary_cache;  // "boundaries": {"cache": false | true | "folder"}
  std::vector<FindingSourceSettings> findings;
  CategoryTaxonomy categories = CategoryTaxonomy::defaults();
  LocatorOptions geocode;
  std::vector<std::string> code_lists;  // geocode.code_lists: CSVs like wilayah_3513.csv (names and older spellings)
  PrivacySettings privacy;
  OutputSettings output;
  query::PrioritySettings priority;  // weights of the priority score (peta query / serve)
  HotspotSettings hotspots;
  profile::PopulationTableSettings population;  // "hotspots.population": the hotspot rates' base (else per km²)
  PointHotspotSettings point_hotspots;
  std::vector<IndicatorAnalysisSettings> indicator_statistics;  // "statistik" (indicators/indicator_settings.hpp)
  StoreSettings store;
  TimeSettings time;  // "waktu" (periods, emerging hot spots) and "program" (the visits table)
  store::OpdMapping opd = store::OpdMapping::defaults();  // geodata/opd.json, entries replaced by the project's "opd"
  profile::ProfileSettings profile;  // "profil", "agregasi", "matriks": desa profile tables (engine/profile)
};

// Reads and validates a project file. An unknown key or a value of the wrong type throws peta::Error
// naming the file and the key path (e.g. "project.json: boundaries.desa.paht: unknown key").
ProjectSettings load_project(const std::string& path);

// The format of a findings file from its extension; throws peta::Error naming it when the extension says nothing.
SourceFormat finding_source_format(const std::string& path);

}  // namespace peta
