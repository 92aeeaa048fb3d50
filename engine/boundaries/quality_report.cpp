#include "boundaries/quality_report.hpp"

#include <chrono>
#include <ctime>

#include "boundaries/quality_checks.hpp"
#include "core/crs.hpp"

namespace peta {
namespace {
class StepClock {
 public:
  explicit StepClock(QualityReport& report)
      : report_(report), start_(now()), last_(start_), cpu_start_(cpu()), cpu_last_(cpu_start_) {}
  void lap(const std::string& step) {
    auto t = now();
    double c = cpu();
    report_.timings.push_back({step, seconds(last_, t), c - cpu_last_});
    last_ = t;
    cpu_last_ = c;
  }
  void finish() {
    report_.total_seconds = seconds(start_, now());
    report_.total_cpu_seconds = cpu() - cpu_start_;
  }

 private:
  using Clock = std::chrono::steady_clock;
  static Clock::time_point now() { return Clock::now(); }
  static double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }
  QualityReport& report_;
  static double cpu() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
  Clock::time_point start_, last_;
  double cpu_start_, cpu_last_;
};

void check_validity(const std::string& level, const std::vector<AdminUnit>& units, QualityReport& report,
                    const GeosUnitIndex* index) {
  auto h = geos_context().get();
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::string reason;
    if (index) {
      reason = index->invalid_reason(i);
    } else {
      GeosGeom g = to_geos(units[i].geometry);
      if (GEOSisValid_r(h, g.get()) == 1) continue;
      char* raw = GEOSisValidReason_r(h, g.get());
      reason = raw ? raw : "unknown";
      if (raw) GEOSFree_r(h, raw);
    }
    if (!reason.empty()) report.still_invalid.push_back({level, {units[i].code.dotted(), units[i].name}, reason});
  }
}
}  // namespace

std::size_t QualityReport::problem_count() const {
  return load.repairs.size() + load.duplicate_codes.size() + load.orphan_desa.size() + load.bad_codes.size() +
         still_invalid.size() + overlaps.size() + gaps.size() + kecamatan_mismatches.size() + overlap_errors.size() +
         (gap_error.empty() ? 0 : 1);
}

QualityReport check_quality(const LoadedBoundaries& loaded, const QualityOptions& options) {
  const Boundaries& b = loaded.boundaries;
  QualityReport report;
  StepClock clock(report);
  report.load = loaded.issues;
  for (const AdminUnit& unit : b.desa) {
    if (unit.code.is_kelurahan()) ++report.kelurahan; else ++report.desa;
    report.desa_area_km2 += unit.area_km2 > 0 ? unit.area_km2 : area_km2(unit.geometry);
    report.desa_area_geodesic_km2 += geodesic_area_km2(unit.geometry);
  }
  report.kecamatan = b.kecamatan.size();
  report.kabupaten = b.kabupaten.size();
  clock.lap("counts_and_areas");

  GeosUnitIndex desa_index(b.desa);
  clock.lap("index");
  check_validity("desa", b.desa, report, &desa_index);
  check_validity("kecamatan", b.kecamatan, report, nullptr);
  check_validity("kabupaten", b.kabupaten, report, nullptr);
  clock.lap("validity");

  if (options.find_overlaps) {
    OverlapResult overlaps = find_overlaps(b.desa, desa_index, options.min_overlap_m2);
    report.overlaps_checked = true;
    report.overlaps = std::move(overlaps.pairs);
    report.touching_pairs = overlaps.touching;
    report.overlap_errors = std::move(overlaps.errors);
    for (const auto& p : report.overlaps) report.overlap_total_m2 += p.area_m2;
    clock.lap("overlaps");
  }
  if (options.find_gaps) {
    GapResult gaps = find_gaps(b.desa, desa_index, options.min_gap_m2);
    report.gaps_checked = true;
    report.gaps = std::move(gaps.gaps);
    report.degenerate_gap_rings = gaps.degenerate;
    report.gap_error = std::move(gaps.error);
    for (const auto& g : report.gaps) report.gap_total_m2 += g.area_m2;
    clock.lap("gaps");
  }
  if (options.check_kecamatan && !loaded.issues.kecamatan_dissolved && !b.kecamatan.empty()) {
    report.kecamatan_checked = true;
    report.kecamatan_mismatches = find_kecamatan_mismatches(b, desa_index);
    clock.lap("kecamatan");
  }
  clock.finish();
  return report;
}

}  // namespace peta
