#pragma once
// The layers a run writes, as schemas and features: desa and kecamatan with their counts, temuan (the
// located findings) and ditolak (the rejected rows).
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/unit_counts.hpp"
#include "core/admin_unit.hpp"
#include "core/finding.hpp"
#include "core/rejection.hpp"
#include "hotspots/dbscan.hpp"
#include "hotspots/desa_hotspots.hpp"
#include "output/layer.hpp"

namespace peta {

// With `hotspots`, the desa layer also carries, per category code c (and "semua" for all): rate_<c>, eb_<c>,
// gi_z_<c>, gi_p_<c>, gi_bin_<c>, lisa_i_<c>, lisa_p_<c>, lisa_q_<c> (shapefile: rt/eb/gz/gp/gb/li/lp/lq +
// the category's short code).
LayerSchema desa_schema(const CategoryTaxonomy& categories, const DesaHotspots* hotspots = nullptr);
Feature desa_feature(const Boundaries& b, std::size_t desa, const UnitCounts& counts,
                     const DesaHotspots* hotspots = nullptr);

LayerSchema kecamatan_schema(const CategoryTaxonomy& categories);
// `rows` from UnitCounts::by_kecamatan.
Feature kecamatan_feature(const Boundaries& b, std::size_t kecamatan, const std::vector<std::int64_t>& row);

// DBSCAN clusters of findings: one convex hull each, numbered as DBSCAN labels them, with its counts.
LayerSchema klaster_schema(const CategoryTaxonomy& categories);
Feature klaster_feature(const DbscanCluster& c, const DbscanResult& result, const CategoryTaxonomy& categories);

// The point layer of located findings. Pass-through columns are every source column but the coordinates.
class TemuanLayer {
 public:
  TemuanLayer(std::vector<std::string> passthrough_columns);
  const LayerSchema& schema() const { return schema_; }
  // `column_map[i]` is the index in the finding's attributes of pass-through column i, or -1.
  Feature feature(const Finding& f, const std::vector<int>& column_map, const Assignment& a, const Boundaries& b,
                  const std::string& category_code, const std::string& source) const;

 private:
  LayerSchema schema_;
  std::size_t passthrough_;
};

// The rejected rows: where they came from, why, and their values under the union of source columns.
class DitolakLayer {
 public:
  explicit DitolakLayer(std::vector<std::string> columns);
  const LayerSchema& schema() const { return schema_; }
  Feature feature(const Rejection& r, const std::vector<int>& column_map) const;

 private:
  LayerSchema schema_;
  std::size_t columns_;
};

}  // namespace peta
