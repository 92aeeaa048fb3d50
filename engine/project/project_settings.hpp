#pragma once
// The project file, validated into plain settings. Paths are resolved against the project file's folder.
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "boundaries/boundary_source.hpp"
#include "findings/column_detection.hpp"
#include "geocode/point_locator.hpp"
#include "hotspots/dbscan.hpp"
#include "hotspots/desa_hotspots.hpp"
#include "hotspots/kde.hpp"
#include "query/priority_score.hpp"

namespace peta {

struct FindingSourceSettings {
  std::string path;
  FindingColumns columns;
  char delimiter = 0;  // 0: detect
};

struct OutputSettings {
  std::string folder = "out";
  bool geojson = true, shapefile = true, geopackage = true;
  std::string geopackage_name = "peta.gpkg";
  std::vector<std::string> layers = {"desa", "kecamatan", "temuan", "ditolak"};
  std::string language = "id";  // "id" or "en": labels in summaries and reports
  bool has_layer(const std::string& name) const;
};

// Point hotspots over the findings themselves (off unless the project file asks for them).
struct PointHotspotSettings {
  bool kde = false;
  KdeSettings kde_settings;
  bool dbscan = false;
  DbscanSettings dbscan_settings;
};

struct ProjectSettings {
  std::string name;
  std::string file;  // the project file itself
  BoundarySettings boundaries;
  std::vector<FindingSourceSettings> findings;
  CategoryTaxonomy categories = CategoryTaxonomy::defaults();
  LocatorOptions geocode;
  OutputSettings output;
  query::PrioritySettings priority;  // weights of the priority score (peta query / serve)
  HotspotSettings hotspots;
  PointHotspotSettings point_hotspots;
};

// Reads and validates a project file. An unknown key or a value of the wrong type throws peta::Error
// naming the file and the key path (e.g. "project.json: boundaries.desa.paht: unknown key").
ProjectSettings load_project(const std::string& path);

}  // namespace peta
