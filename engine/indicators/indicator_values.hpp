#pragma once
// Per-unit indicators by name, for the indicator statistics (indicator_statistics.hpp). One value per unit (desa
// in Boundaries::desa order, or kecamatan in Boundaries::kecamatan order: kecamatan_indicators.hpp);
// std::nullopt where a unit has no value (such units are left out of the statistics). At desa level:
//
// Built in (from the desa boundaries and the hotspot statistics of the run, whose counts already honour the
// public profile: a sensitive category's withheld counts are never seen):
//   luas_km2                        area of the desa
//   n_total, n_<category>           finding counts (n_total: all categories, as the desa layer's n_total)
//   rate_<category>, rate_total     crude rates (per km², or per `per` inhabitants with a population table)
//   eb_<category>, eb_total         Empirical Bayes rates (the hotspot fields eb_<category>)
// A count or rate indicator also carries its events and base, so that the statistics can add what only rates
// have (spatial EB rates, the EB-standardised Moran of Assunção & Reis).
// Anything else (e.g. the numeric fields of desa profile tables) is looked up in an IndicatorRegistry, to which
// the pipeline adds named vectors. luas_km2 is the units' own area at every level.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "hotspots/desa_hotspots.hpp"
#include "indicators/indicator_settings.hpp"

namespace peta {

using IndicatorVector = std::vector<std::optional<double>>;

// The events and base of a rate (or a count) indicator.
struct RateParts {
  std::vector<double> events, base;
  double per = 1;  // rate = events / base * per
};

// Extra per-unit vectors by name (profile fields and the like; at kecamatan level the counts and rates too).
class IndicatorRegistry {
 public:
  // Adds or replaces `name`; `values` must have one entry per unit (checked when looked up). A count or rate
  // gives its events and base, so that the statistics can add what only rates have.
  void add(std::string name, IndicatorVector values, std::optional<RateParts> rate = std::nullopt) {
    entries_[std::move(name)] = {std::move(values), std::move(rate)};
  }
  const IndicatorVector* find(const std::string& name) const;
  const RateParts* rate(const std::string& name) const;  // null for a plain value
  std::vector<std::string> names() const;

 private:
  struct Entry {
    IndicatorVector values;
    std::optional<RateParts> rate;
  };
  std::map<std::string, Entry> entries_;
};

struct IndicatorSources {
  const std::vector<AdminUnit>& units;     // the analysis units: b.desa, or b.kecamatan
  const DesaHotspots* hotspots = nullptr;  // desa counts and rates; null when disabled (and at kecamatan level)
  const IndicatorRegistry* registry = nullptr;
  AnalysisLevel level = AnalysisLevel::desa;
};

struct Indicator {
  std::string name;
  IndicatorVector values;
  std::optional<RateParts> rate;  // for n_*, rate_*, eb_*
};

// The finite values of `v`; NaN and infinities (e.g. a rate over a zero base) as no value.
IndicatorVector present(const std::vector<double>& v);

// Throws peta::Error naming the indicator and the names available when it is unknown.
Indicator resolve_indicator(const std::string& name, const IndicatorSources& sources);

// The values alone.
inline IndicatorVector indicator_values(const std::string& name, const IndicatorSources& sources) {
  return resolve_indicator(name, sources).values;
}

}  // namespace peta
