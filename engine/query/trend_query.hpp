#pragma once
// `peta query --tren`: emerging hot spots over a built project, before the build writes tren_<kat> itself:
// the temuan layer's dated findings counted per desa x period, queen weights from the GeoPackage's desa
// polygons (1 m tolerance, as the build's default), then per category (or one) the space-time Gi*,
// Mann-Kendall and the 17 classes, answered as the hotspot report's time section.
#include <string>

#include "aggregate/period.hpp"
#include "hotspots/emerging_hotspots.hpp"
#include "query/query_model.hpp"

namespace peta::query {

// Throws QueryError for an unknown category or a project without dated findings.
std::string trend_report(const QueryModel& m, PeriodKind kind, const std::string& category, const std::string& lang,
                         const EmergingSettings& settings = {});

}  // namespace peta::query
