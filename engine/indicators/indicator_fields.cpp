#include "indicators/indicator_fields.hpp"

#include <cmath>

#include "core/error.hpp"

namespace peta {
namespace {

bool has_lisa(const IndicatorResult& r) { return r.settings.has(IndicatorMethod::lisa); }
bool has_gi(const IndicatorResult& r) { return r.gi.has_value(); }

}  // namespace

void IndicatorFields::extend(LayerSchema& schema, const IndicatorStatistics& s, AnalysisLevel level) {
  for (const auto& r : s.results) {
    if (r.settings.level != level) continue;
    const std::string& k = r.settings.key;
    const std::string what = r.settings.bivariate() ? r.settings.x + " ~ " + r.settings.y : r.settings.indicator;
    auto add = [&](const std::string& prefix, const std::string& abbreviation, FieldType type, const std::string& id,
                   const std::string& en, const std::string& unit) {
      const std::string name = prefix + k;
      for (const auto& f : schema.fields)
        if (f.name == name || (!f.short_name.empty() && f.short_name == abbreviation + k))
          throw Error("statistik: kunci '" + k + "' gives the field " + name + ", which the " + level_name(level) +
                      " layer already has");
      schema.fields.push_back({name, type, abbreviation + k, type == FieldType::real ? 18 : 4,
                               type == FieldType::real ? 6 : 0, id + ": " + what, en + ": " + what, unit});
    };
    add("nilai_", "nv", FieldType::real, r.settings.bivariate() ? "Nilai x" : "Nilai indikator",
        r.settings.bivariate() ? "Value of x" : "Indicator value", "");
    if (r.settings.bivariate()) add("nilai2_", "nw", FieldType::real, "Nilai y", "Value of y", "");
    add("mz_", "mz", FieldType::real, "Nilai baku (sumbu x diagram Moran)", "Standardised value (Moran scatterplot x)", "z");
    add("mlag_", "ml", FieldType::real, "Lag spasial nilai baku (sumbu y diagram Moran)",
        "Spatial lag of the standardised values (Moran scatterplot y)", "z");
    if (has_lisa(r)) {
      add("lisa_i_", "li", FieldType::real, "Moran lokal Ii", "Local Moran's Ii", "");
      add("lisa_p_", "lp", FieldType::real, "Moran lokal nilai p semu", "Local Moran pseudo p-value", "p");
      add("lisa_q_", "lq", FieldType::integer, "Kuadran LISA signifikan: 1 HH, 2 LH, 3 LL, 4 HL, 0 tidak signifikan",
          "Significant LISA quadrant: 1 HH, 2 LH, 3 LL, 4 HL, 0 not significant", "");
      add("lisa_s_", "ls", FieldType::integer, "Kelas signifikansi LISA: 1 p<=0,05, 2 p<=0,01, 3 p<=0,001, 0 tidak",
          "LISA significance class: 1 p<=0.05, 2 p<=0.01, 3 p<=0.001, 0 not significant", "");
    }
    if (has_gi(r)) {
      add("gi_z_", "gz", FieldType::real, "Gi* skor z", "Gi* z-score", "z");
      add("gi_p_", "gp", FieldType::real, "Gi* nilai p semu (permutasi)", "Gi* pseudo p-value (permutations)", "p");
      add("gi_bin_", "gb", FieldType::integer,
          "Gi* kelas: +3/+2/+1 titik panas 99/95/90%, -3/-2/-1 titik dingin, 0 tidak signifikan",
          "Gi* bin: +3/+2/+1 hot spot 99/95/90%, -3/-2/-1 cold spot, 0 not significant", "");
    }
    if (!r.spatial_eb.empty())
      add("seb_", "se", FieldType::real, "Laju Empirical Bayes spasial", "Spatial Empirical Bayes rate", "");
  }
}

void IndicatorFields::apply(Feature& f, std::size_t d, const IndicatorStatistics& s, AnalysisLevel level) {
  // One emplace per branch: a FieldValue ternary draws a false -Wmaybe-uninitialized from GCC 12.
  auto real = [&](double v) {
    if (std::isfinite(v)) f.values.emplace_back(v);
    else f.values.emplace_back();
  };
  auto integer = [&](long long v) { f.values.emplace_back(static_cast<std::int64_t>(v)); };
  for (const auto& r : s.results) {
    if (r.settings.level != level) continue;
    const long p = r.position[d];
    std::size_t count = 3 + (r.settings.bivariate() ? 1 : 0);  // nilai, [nilai2], mz, mlag
    if (has_lisa(r)) count += 4;
    if (has_gi(r)) count += 3;
    if (!r.spatial_eb.empty()) count += 1;
    if (p < 0) {
      for (std::size_t k = 0; k < count; ++k) f.values.emplace_back();
      continue;
    }
    const auto i = static_cast<std::size_t>(p);
    real(r.x[i]);
    if (r.settings.bivariate()) real(r.y[i]);
    real(r.local.z[i]);
    real(r.local.lag[i]);
    if (has_lisa(r)) {
      real(r.local.Ii[i]);
      real(r.local.p_sim[i]);
      integer(r.local.cluster[i]);
      integer(lisa_significance_class(r.local.p_sim[i]));
    }
    if (has_gi(r)) {
      real(r.gi->z[i]);
      real(r.gi->p_sim[i]);
      integer(r.gi->bin[i]);
    }
    if (!r.spatial_eb.empty()) real(r.spatial_eb[i]);
  }
}

}  // namespace peta
