#include "project/statistics_stage.hpp"

namespace peta {

Statistics run_statistics_stage(const ProjectSettings& settings, const Boundaries& b, const FindingsResult& findings,
                                const PublicationPolicy& policy, RunSummary& summary) {
  Statistics s;
  // What the public profile withholds of the sensitive counts, complementary suppression included.
  if (policy.public_profile()) s.withheld = Suppression(b, findings.counts, settings.categories, policy.k());
  if (settings.hotspots.enabled) {
    StageTimer t(summary, "hotspots");
    s.hotspots = std::make_unique<DesaHotspots>(
        desa_hotspots(b, findings.counts, settings.categories, settings.hotspots, policy.public_profile(), s.withheld));
  }
  if (s.hotspots && !findings.periods.empty()) {
    StageTimer t(summary, "trends");
    s.trends = std::make_unique<DesaTrends>(desa_trends(findings.periods, settings.categories, s.hotspots->weights,
                                                        settings.time.emerging, settings.time.min_periods));
  }
  if (settings.point_hotspots.dbscan) {
    StageTimer t(summary, "dbscan");
    s.clusters = std::make_unique<DbscanResult>(
        dbscan(findings.points, findings.point_categories, settings.point_hotspots.dbscan_settings));
    summary.point_clusters = static_cast<std::int64_t>(s.clusters->clusters.size());
    summary.point_noise = static_cast<std::int64_t>(s.clusters->noise_count);
  }
  return s;
}

}  // namespace peta
