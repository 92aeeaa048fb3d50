#pragma once
// The layers a run writes, as schemas and features: desa and kecamatan with their counts, the kabupaten
// outline, temuan (the located findings) and ditolak (the rejected rows).
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

// The desa layer's own fields: identity, area, the counts per category and, with `hotspots`, per category code c
// (and "semua" for all): rate_<c>, eb_<c>, gi_z_<c>, gi_p_<c>, gi_bin_<c>, lisa_i_<c>, lisa_p_<c>, lisa_q_<c>
// (shapefile: rt/eb/gz/gp/gb/li/lp/lq + the category's short code). Features are filled by field name
// (core/layer_fields.hpp), resolved to positions once.
class DesaLayer {
 public:
  explicit DesaLayer(const CategoryTaxonomy& categories, const DesaHotspots* hotspots = nullptr);
  const LayerSchema& schema() const { return schema_; }
  Feature feature(const Boundaries& b, std::size_t desa, const UnitCounts& counts) const;

  struct CountSlots {
    std::size_t total = 0, other = 0;
    std::vector<std::size_t> category;  // per category of the taxonomy: n_<code>
  };
  struct HotspotSlots {
    std::size_t rate, eb, gi_z, gi_p, gi_bin, lisa_i, lisa_p, lisa_q;
  };

 private:
  LayerSchema schema_;
  const DesaHotspots* hotspots_;
  std::size_t kode_, nama_, jenis_, kode_kec_, nama_kec_, luas_;
  CountSlots counts_;
  std::vector<HotspotSlots> hotspot_slots_;  // per hotspot category
};
LayerSchema desa_schema(const CategoryTaxonomy& categories, const DesaHotspots* hotspots = nullptr);

class KecamatanLayer {
 public:
  explicit KecamatanLayer(const CategoryTaxonomy& categories);
  const LayerSchema& schema() const { return schema_; }
  // `row` from UnitCounts::by_kecamatan.
  Feature feature(const Boundaries& b, std::size_t kecamatan, const std::vector<std::int64_t>& row) const;

 private:
  LayerSchema schema_;
  std::size_t kode_, nama_, luas_, n_desa_;
  DesaLayer::CountSlots counts_;
};
LayerSchema kecamatan_schema(const CategoryTaxonomy& categories);

// DBSCAN clusters of findings: one convex hull each, numbered as DBSCAN labels them, with its counts.
LayerSchema klaster_schema(const CategoryTaxonomy& categories);
Feature klaster_feature(const DbscanCluster& c, const DbscanResult& result, const CategoryTaxonomy& categories);

// The kabupaten outline: code, name, area, number of kecamatan and desa, and the findings in it. When
// the kabupaten was not given as a boundary layer (empty geometry), its outline is dissolved from its
// kecamatan (holes under 1 ha dropped). With `leave_out_sensitive` (public profile) the findings count leaves
// the sensitive categories out, as the n_total of desa and kecamatan does.
class KabupatenLayer {
 public:
  explicit KabupatenLayer(const CategoryTaxonomy* leave_out_sensitive = nullptr);
  const LayerSchema& schema() const { return schema_; }
  Feature feature(const Boundaries& b, std::size_t kabupaten, const UnitCounts& counts) const;

 private:
  LayerSchema schema_;
  const CategoryTaxonomy* leave_out_sensitive_;
  std::size_t kode_, nama_, luas_, n_kecamatan_, n_desa_, n_total_;
};
LayerSchema kabupaten_schema(bool leaves_out_sensitive = false);

// How a finding was placed, beyond its Assignment.
struct TemuanPlacement {
  bool by_name_or_code = false;  // presisi "desa" (the desa's point on surface), else "titik"
  int named_desa = -1;           // the desa the row names when it disagrees with the coordinates (flag nama_beda)
  double named_distance_m = -1;  // distance from the point to that desa (EPSG:32749)
  double confidence = -1;        // placed by name: the gazetteer's confidence 0..1 (1 by code); -1: by coordinates
};

// The point layer of located findings. Pass-through columns are the source columns that may be published
// (never the coordinates). The date column among them (`date_column`, else found by find_date_column:
// tanggal, tgl, date, waktu, Kobo's today/start/_submission_time) is a Date field: ISO in GeoJSON, Date in
// GeoPackage and Shapefile; a cell that is no real date (core/date.hpp) is NULL there, keeps its text in
// `tanggal_teks` and flags the finding `tanggal_tidak_valid` in `tanda`.
class TemuanLayer {
 public:
  TemuanLayer(std::vector<std::string> passthrough_columns, const std::string& date_column = "");
  int date_field() const { return date_field_; }  // index among the pass-through fields, -1 when none
  const LayerSchema& schema() const { return schema_; }
  // `column_map[i]` is the index in the finding's attributes of pass-through column i, or -1.
  Feature feature(const Finding& f, const std::vector<int>& column_map, const Assignment& a, const Boundaries& b,
                  const std::string& category_code, const std::string& source,
                  const TemuanPlacement& placement = {}) const;

 private:
  LayerSchema schema_;
  std::size_t passthrough_;
  int date_field_ = -1;
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
