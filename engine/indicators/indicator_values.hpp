#pragma once
// Per-desa indicators by name, for the indicator statistics (indicator_statistics.hpp). One value per desa in
// Boundaries::desa order; std::nullopt where a desa has no value (such desa are left out of the statistics).
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
// the pipeline adds named vectors.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "hotspots/desa_hotspots.hpp"

namespace peta {

using IndicatorVector = std::vector<std::optional<double>>;

// Extra per-desa vectors by name (profile fields and the like).
class IndicatorRegistry {
 public:
  // Adds or replaces `name`; `values` must have one entry per desa (checked when looked up).
  void add(std::string name, IndicatorVector values) { vectors_[std::move(name)] = std::move(values); }
  const IndicatorVector* find(const std::string& name) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, IndicatorVector> vectors_;
};

struct IndicatorSources {
  const Boundaries& boundaries;
  const DesaHotspots* hotspots = nullptr;  // counts and rates; null when the hotspots are disabled
  const IndicatorRegistry* registry = nullptr;
};

// The events and base of a rate (or a count) indicator.
struct RateParts {
  std::vector<double> events, base;
  double per = 1;  // rate = events / base * per
};

struct Indicator {
  std::string name;
  IndicatorVector values;
  std::optional<RateParts> rate;  // for n_*, rate_*, eb_*
};

// Throws peta::Error naming the indicator and the names available when it is unknown.
Indicator resolve_indicator(const std::string& name, const IndicatorSources& sources);

// The values alone.
inline IndicatorVector indicator_values(const std::string& name, const IndicatorSources& sources) {
  return resolve_indicator(name, sources).values;
}

}  // namespace peta
