#include "query/trend_query.hpp"

#include <map>

#include "aggregate/period_counts.hpp"
#include "core/admin_unit.hpp"
#include "core/date.hpp"
#include "hotspots/contiguity_weights.hpp"
#include "hotspots/emerging_report.hpp"
#include "hotspots/metric_geometry.hpp"
#include "hotspots/polygon_layer_reader.hpp"
#include "query/query_spec.hpp"

namespace peta::query {

std::string trend_report(const QueryModel& m, PeriodKind kind, const std::string& category, const std::string& lang,
                         const EmergingSettings& settings) {
  if (!m.has_findings || m.findings.date_column.empty())
    throw QueryError("tren: the temuan layer has no date column (tanggal)");
  int only = -1;
  if (!category.empty() && category != "semua" && category != "all") {
    const auto c = m.category(category);
    if (!c) throw QueryError("tren: unknown category '" + category + "'");
    only = int(*c);
  }
  // The desa and kecamatan as Boundaries (codes, names, membership) for the report.
  auto code_of = [](const std::string& kode) {
    const auto c = AdminCode::parse(kode);
    if (!c) throw QueryError("tren: '" + kode + "' is no Kemendagri code");
    return *c;
  };
  Boundaries b;
  for (std::size_t k = 0; k < m.kecamatan.size(); ++k)
    b.kecamatan.push_back({code_of(m.kecamatan.kode[k]), m.kecamatan.nama[k], "", {}, 0});
  for (std::size_t d = 0; d < m.desa.size(); ++d) {
    b.desa.push_back({code_of(m.desa.kode[d]), m.desa.nama[d], m.desa.jenis[d], {}, 0});
    b.desa_kecamatan.push_back(d < m.desa_kecamatan.size() && m.desa_kecamatan[d] >= 0 ? m.desa_kecamatan[d] : 0);
  }
  // Queen weights in the model's desa order.
  const PolygonLayer layer = read_polygon_layer(m.source, "desa", "kode");
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < layer.ids.size(); ++i) position[code_digits(layer.ids[i])] = i;
  std::vector<MultiPolygon> polygons(m.desa.size());
  for (std::size_t d = 0; d < m.desa.size(); ++d) {
    auto it = position.find(code_digits(m.desa.kode[d]));
    if (it != position.end()) polygons[d] = layer.polygons[it->second];
  }
  const SpatialWeights queen = contiguity_weights(project_to_metric(polygons));

  PeriodCounts counts(kind);
  const auto& f = m.findings;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.category[i] < 0 || (only >= 0 && f.category[i] != only)) continue;
    const auto day = f.date[i] ? Date::from_ymd(f.date[i] / 10000, f.date[i] / 100 % 100, f.date[i] % 100) : std::nullopt;
    if (!day || f.desa[i] < 0) {
      counts.add_undated(false);
      continue;
    }
    counts.add(f.desa[i], m.categories[std::size_t(f.category[i])].code, *day);
  }
  counts.settle();
  if (counts.empty()) throw QueryError("tren: no dated finding in the project");
  const int first = counts.first_period(), last = counts.last_period();
  std::vector<EmergingResult> results;
  results.reserve(m.categories.size());
  std::vector<EmergingCategory> cats;
  for (std::size_t c = 0; c < m.categories.size(); ++c) {
    if (only >= 0 && int(c) != only) continue;
    const Category& cat = m.categories[c];
    const EmergingResult* r = nullptr;
    if (last - first + 1 >= 3) {
      results.push_back(emerging_hotspots(counts.cube(m.desa.size(), cat.code, first, last), queen, settings));
      r = &results.back();
    }
    cats.push_back({cat.code, cat.label_id, cat.label_en, r});
  }
  return emerging_report_text(b, counts, first, last, cats, lang);
}

}  // namespace peta::query
