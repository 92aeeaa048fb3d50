#include "project/report_files_stage.hpp"

#include "core/atomic_write.hpp"
#include "hotspots/emerging_report.hpp"
#include "hotspots/hotspot_report.hpp"
#include "hotspots/kde.hpp"
#include "hotspots/weights_io.hpp"

namespace peta {

std::string density_raster_name(const ProjectSettings& settings, const FindingsResult& findings) {
  return settings.point_hotspots.kde && findings.points.size() >= 2 ? "kepadatan.tif" : "";
}

std::vector<std::string> write_report_files(const ProjectSettings& settings, const Boundaries& b,
                                            const FindingsResult& findings, const Statistics& statistics,
                                            const PublicationPolicy& policy, RunSummary& summary) {
  std::vector<std::string> files;
  const OutputSettings& out = settings.output;
  if (statistics.hotspots) {
    StageTimer t(summary, "write_reports");
    std::string base = out.folder + "/titik_panas";
    const DesaHotspots report = publishable(*statistics.hotspots, settings.categories, policy.public_profile());
    // The time section: the trend line per period and the emerging hot spot classes (categories the policy
    // lets be counted per period only).
    std::vector<EmergingCategory> trend_categories;
    if (statistics.trends)
      for (std::size_t c = 0; c < settings.categories.size(); ++c) {
        if (!policy.counts_in_detail(static_cast<int>(c))) continue;
        const auto& cat = settings.categories.categories()[c];
        const auto& r = statistics.trends->results[c];
        trend_categories.push_back({cat.code, cat.label_id, cat.label_en, r ? &*r : nullptr});
      }
    const DesaTrends* trends = statistics.trends.get();
    write_atomically(base + ".json", [&](std::ostream& o) {
      nlohmann::json j = hotspot_report_json(b, findings.counts, report);
      if (trends) j["tren"] = emerging_report_json(b, findings.periods, trends->first, trends->last, trend_categories);
      if (statistics.indicators) j["statistik"] = indicator_statistics_json(*statistics.indicators);
      o << j.dump(2) << '\n';
    });
    write_atomically(base + ".csv", [&](std::ostream& o) { o << hotspot_report_csv(b, findings.counts, report); });
    write_atomically(base + ".txt", [&](std::ostream& o) {
      o << hotspot_report_text(b, findings.counts, report, out.language);
      if (trends)
        o << '\n' << emerging_report_text(b, findings.periods, trends->first, trends->last, trend_categories, out.language);
      if (statistics.indicators) o << '\n' << indicator_statistics_text(*statistics.indicators, out.language);
    });
    std::string gal = out.folder + "/bobot_queen.gal";
    std::vector<std::string> ids;
    for (const auto& d : b.desa) ids.push_back(d.code.dotted());
    write_via_temporary(gal, [&](const std::string& tmp) { write_gal(tmp, statistics.hotspots->weights, ids); });
    for (const char* ext : {".json", ".csv", ".txt"}) files.push_back(base + ext);
    files.push_back(gal);
  }
  if (statistics.indicators)
    for (auto& f : write_indicator_files(out.folder, b, *statistics.indicators)) files.push_back(std::move(f));
  if (!density_raster_name(settings, findings).empty()) {
    StageTimer t(summary, "kde");
    std::vector<MultiPolygon> polygons;
    for (const auto& d : b.desa) polygons.push_back(d.geometry);
    std::string tif = out.folder + "/" + density_raster_name(settings, findings);
    write_density_geotiff(kernel_density(findings.points, metric_extent(polygons), settings.point_hotspots.kde_settings), tif);
    files.push_back(tif);
  }
  return files;
}

}  // namespace peta
