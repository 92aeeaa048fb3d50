#include "project/report_files_stage.hpp"

#include "core/atomic_write.hpp"
#include "hotspots/hotspot_report.hpp"
#include "hotspots/kde.hpp"
#include "hotspots/weights_io.hpp"

namespace peta {

std::vector<std::string> write_report_files(const ProjectSettings& settings, const Boundaries& b,
                                            const FindingsResult& findings, const Statistics& statistics,
                                            const PublicationPolicy& policy, RunSummary& summary) {
  std::vector<std::string> files;
  const OutputSettings& out = settings.output;
  if (statistics.hotspots) {
    StageTimer t(summary, "write_reports");
    std::string base = out.folder + "/titik_panas";
    const DesaHotspots report = publishable(*statistics.hotspots, settings.categories, policy.public_profile());
    write_atomically(base + ".json", [&](std::ostream& o) { o << hotspot_report_json(b, findings.counts, report).dump(2) << '\n'; });
    write_atomically(base + ".csv", [&](std::ostream& o) { o << hotspot_report_csv(b, findings.counts, report); });
    write_atomically(base + ".txt", [&](std::ostream& o) { o << hotspot_report_text(b, findings.counts, report, out.language); });
    std::string gal = out.folder + "/bobot_queen.gal";
    std::vector<std::string> ids;
    for (const auto& d : b.desa) ids.push_back(d.code.dotted());
    write_via_temporary(gal, [&](const std::string& tmp) { write_gal(tmp, statistics.hotspots->weights, ids); });
    for (const char* ext : {".json", ".csv", ".txt"}) files.push_back(base + ext);
    files.push_back(gal);
  }
  if (settings.point_hotspots.kde && findings.points.size() >= 2) {
    StageTimer t(summary, "kde");
    std::vector<MultiPolygon> polygons;
    for (const auto& d : b.desa) polygons.push_back(d.geometry);
    std::string tif = out.folder + "/kepadatan.tif";
    write_density_geotiff(kernel_density(findings.points, metric_extent(polygons), settings.point_hotspots.kde_settings), tif);
    files.push_back(tif);
  }
  return files;
}

}  // namespace peta
