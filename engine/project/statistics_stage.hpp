#pragma once
// The statistics stage: what the counts of the findings stage say beyond themselves.
//   takes:   the boundaries, FindingsResult, the policy, the project's hotspot settings
//   returns: Statistics: what the public profile withholds (suppression), the desa hotspot statistics (rates,
//            EB, Gi*, Local Moran), the emerging hot spots per category over the periods (with the hotspots'
//            queen weights), the DBSCAN clusters of the points and the indicator statistics ("statistik",
//            indicators/indicator_run.hpp), each only when asked for.
#include <memory>

#include "aggregate/suppression.hpp"
#include "hotspots/dbscan.hpp"
#include "hotspots/desa_hotspots.hpp"
#include "hotspots/desa_trends.hpp"
#include "indicators/indicator_run.hpp"
#include "profile/profile_stage.hpp"
#include "project/findings_stage.hpp"

namespace peta {

struct Statistics {
  Suppression withheld;  // empty in the internal profile
  std::unique_ptr<DesaHotspots> hotspots;
  std::unique_ptr<DbscanResult> clusters;
  std::unique_ptr<DesaTrends> trends;  // with hotspots and dated findings
  std::unique_ptr<IndicatorStatistics> indicators;  // the project's "statistik", when it has any
};

// `profile`: the desa profile tables, whose numeric fields (public ones in the public profile) the project's
// "statistik" may name as indicators (at kecamatan level their kecamatan values); nullptr when the project has none.
Statistics run_statistics_stage(const ProjectSettings& settings, const Boundaries& b, const FindingsResult& findings,
                                const PublicationPolicy& policy, RunSummary& summary,
                                const profile::ProfileRun* profile = nullptr);

}  // namespace peta
