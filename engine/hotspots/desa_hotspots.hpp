#pragma once
// The area statistics of a run, per category and for all categories together, on the desa:
// rates (per population when a denominator is given, else per km²), Empirical Bayes smoothed rates, and,
// on the EB rates, global Moran's I, Local Moran's I and Getis-Ord Gi* over queen weights with a tolerance.
//
// Why EB rates: counts follow village size, and crude rates of small villages are unstable; Marshall's EB
// shrinks each rate towards the regional mean in proportion to how little its base supports it.
#include <cstdint>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/suppression.hpp"
#include "aggregate/unit_counts.hpp"
#include "core/admin_unit.hpp"
#include "hotspots/contiguity_weights.hpp"
#include "hotspots/getis_ord.hpp"
#include "hotspots/local_moran.hpp"
#include "hotspots/moran.hpp"

namespace peta {

struct HotspotSettings {
  bool enabled = true;
  ContiguitySettings weights;     // queen, 1 m tolerance
  int permutations = 999;
  std::uint64_t seed = 20261128;  // same seed, same pseudo p-values, whatever the thread count
  double alpha = 0.05;            // Local Moran significance
  bool fdr = false;               // Benjamini-Hochberg for Local Moran and Gi* bins
  double per = 1000;              // rate multiplier with a population (per 1,000 inhabitants)
};

// One category's statistics, one value per desa (in Boundaries::desa order).
struct CategoryHotspots {
  std::string code;        // category code, or "semua" for all categories together
  std::string short_code;  // for shapefile names
  std::string label_id, label_en;
  std::vector<std::int64_t> count;  // the findings counted (the rates' events)
  std::vector<double> rate;  // crude rate
  std::vector<double> eb;    // Empirical Bayes smoothed rate
  GlobalMoran moran;         // on eb
  std::vector<double> gi_z, gi_p;
  std::vector<int> gi_bin;   // -3..3
  std::vector<double> lisa_i, lisa_p;
  std::vector<int> lisa_q;   // quadrant 1..4 when significant, else 0
};

struct DesaHotspots {
  std::string base;                     // "penduduk" or "km2"
  double per = 1;                       // multiplier of the rates
  std::vector<double> base_values;      // the rates' base per desa (inhabitants or km²)
  std::size_t neighbour_links = 0;
  std::vector<std::string> islands;     // desa without neighbours: "35.13.21.2013 Gili Ketapang"
  std::vector<CategoryHotspots> categories;  // the taxonomy's order, then "semua"
  SpatialWeights weights;               // binary queen weights, desa order (for the GAL export)
};

// `population`: the rates' base per desa (Boundaries::desa order; the project reads it, profile/population_table);
// empty: rates per km². With `public_profile`, "semua" (all categories) leaves the sensitive categories out, as n_total does, and
// a sensitive category's statistics see its counts as `withheld` lets them be seen (a withheld count reads
// as a constant), so that the published Gi*, Local Moran and EB of a desa carry no withheld neighbour count.
DesaHotspots desa_hotspots(const Boundaries& b, const UnitCounts& counts, const CategoryTaxonomy& taxonomy,
                           const HotspotSettings& settings, bool public_profile = false,
                           const Suppression& withheld = Suppression(), const std::vector<double>& population = {});

// The categories that may be published in a report: all, or (public profile) all but the sensitive ones.
DesaHotspots publishable(const DesaHotspots& h, const CategoryTaxonomy& taxonomy, bool public_profile);

}  // namespace peta
