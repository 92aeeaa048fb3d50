#pragma once
// The report files of a run beside its layers: the hotspot report (titik_panas.json/.csv/.txt, without the
// sensitive categories in the public profile), the queen weights (bobot_queen.gal) and the density raster
// (kepadatan.tif). Each is written under a temporary name and renamed when complete.
//   takes:   the boundaries, FindingsResult, Statistics, the policy
//   returns: the files written
#include <string>
#include <vector>

#include "project/statistics_stage.hpp"

namespace peta {

// The density raster's file name when this run writes one (KDE asked for, and at least two points to
// estimate from), else empty.
std::string density_raster_name(const ProjectSettings& settings, const FindingsResult& findings);

std::vector<std::string> write_report_files(const ProjectSettings& settings, const Boundaries& b,
                                            const FindingsResult& findings, const Statistics& statistics,
                                            const PublicationPolicy& policy, RunSummary& summary);

}  // namespace peta
