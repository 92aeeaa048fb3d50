#include "project/statistics_stage.hpp"

#include "indicators/kecamatan_indicators.hpp"

namespace peta {

Statistics run_statistics_stage(const ProjectSettings& settings, const Boundaries& b, const FindingsResult& findings,
                                const PublicationPolicy& policy, RunSummary& summary, const profile::ProfileRun* profile) {
  Statistics s;
  // What the public profile withholds of the sensitive counts, complementary suppression included.
  if (policy.public_profile()) s.withheld = Suppression(b, findings.counts, settings.categories, policy.k());
  if (settings.hotspots.enabled) {
    StageTimer t(summary, "hotspots");
    const std::vector<double> population =
        settings.population.path.empty() ? std::vector<double>() : profile::read_population_table(b, settings.population);
    s.hotspots = std::make_unique<DesaHotspots>(desa_hotspots(b, findings.counts, settings.categories, settings.hotspots,
                                                              policy.public_profile(), s.withheld, population));
  }
  if (s.hotspots && !findings.periods.empty()) {
    StageTimer t(summary, "trends");
    s.trends = std::make_unique<DesaTrends>(desa_trends(findings.periods, settings.categories, s.hotspots->weights,
                                                        settings.time.emerging, settings.time.min_periods));
  }
  if (!settings.indicator_statistics.empty()) {
    StageTimer t(summary, "statistik");
    // The counts and rates as the policy lets them be published (no sensitive category in the public profile).
    const std::unique_ptr<DesaHotspots> published =
        s.hotspots ? std::make_unique<DesaHotspots>(publishable(*s.hotspots, settings.categories, policy.public_profile()))
                   : nullptr;
    IndicatorRegistry registry;  // per-desa vectors beyond counts and rates: the desa profile's numeric fields
    if (profile)
      for (const auto& field : profile->profile.fields)
        if (field.numeric() && !(field.sensitive && policy.public_profile()))
          registry.add(field.name, profile::numeric_profile_field(profile->profile, field.name));
    const IndicatorSources sources{b.desa, published.get(), &registry};
    // "tingkat": "kecamatan": the kecamatan layer's counts and rates, the profile's kecamatan fields.
    const IndicatorRegistry kecamatan_registry =
        kecamatan_indicators(b, published.get(), profile ? &profile->kecamatan : nullptr);
    const IndicatorSources kecamatan{b.kecamatan, nullptr, &kecamatan_registry, AnalysisLevel::kecamatan};
    const IndicatorStatisticsOptions options{settings.hotspots.permutations, settings.hotspots.seed,
                                             settings.hotspots.alpha, settings.hotspots.fdr, settings.hotspots.weights.threads};
    s.indicators = std::make_unique<IndicatorStatistics>(
        run_indicator_statistics(settings.indicator_statistics, sources, &kecamatan, settings.hotspots.weights, options));
    for (const auto& r : s.indicators->results)
      summary.warnings.insert(summary.warnings.end(), r.warnings.begin(), r.warnings.end());
    summary.indicator_statistics = indicator_statistics_json(*s.indicators);
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
