#include "indicators/indicator_run.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "core/atomic_write.hpp"
#include "core/error.hpp"
#include "hotspots/metric_geometry.hpp"
#include "indicators/indicator_weights.hpp"

namespace peta {

IndicatorStatistics run_indicator_statistics(const std::vector<IndicatorAnalysisSettings>& analyses,
                                             const IndicatorSources& desa, const IndicatorSources* kecamatan,
                                             const ContiguitySettings& contiguity,
                                             const IndicatorStatisticsOptions& options) {
  IndicatorStatistics out;
  std::map<AnalysisLevel, std::vector<MultiPolygon>> metric;  // per level, projected when first needed
  std::map<std::string, SpatialWeights> built;                // by level and choice, the standardisation aside
  for (const auto& a : analyses) {
    const bool at_kecamatan = a.level == AnalysisLevel::kecamatan;
    if (at_kecamatan && (!kecamatan || kecamatan->units.empty()))
      throw Error("statistik " + a.key + ": \"tingkat\": \"kecamatan\" needs the kecamatan boundaries");
    const IndicatorSources& sources = at_kecamatan ? *kecamatan : desa;
    auto polygons = metric.find(a.level);
    if (polygons == metric.end()) {
      std::vector<MultiPolygon> lonlat;
      for (const auto& u : sources.units) lonlat.push_back(u.geometry);
      polygons = metric.emplace(a.level, project_to_metric(lonlat, contiguity.threads)).first;
    }
    WeightsChoice binary = a.weights;
    binary.row_standardised = false;
    const std::string id = std::string(level_name(a.level)) + "|" + binary.describe() + "|" + binary.path;
    auto it = built.find(id);
    if (it == built.end())
      it = built.emplace(id, unit_weights(a.weights, sources.units, polygons->second, contiguity)).first;
    out.results.push_back(analyse_indicator(a, sources, it->second, options));
  }
  return out;
}

namespace {

nlohmann::json finite(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

nlohmann::json moran_json(const GlobalMoran& m) {
  nlohmann::json j = {{"I", finite(m.I)}, {"E_I", finite(m.expected)}, {"var_normal", finite(m.variance_normal)},
                      {"z_normal", finite(m.z_normal)}, {"p_normal", finite(m.p_normal)},
                      {"z_randomisasi", finite(m.z_randomisation)}, {"p_randomisasi", finite(m.p_randomisation)}};
  if (m.permutations > 0) {
    j["permutasi"] = m.permutations;
    j["p_sim"] = finite(m.p_sim);
    j["z_sim"] = finite(m.z_sim);
  }
  return j;
}

std::string quadrant_name(int q) {
  static const char* names[] = {"", "HH", "LH", "LL", "HL"};
  return q >= 1 && q <= 4 ? names[q] : "";
}

}  // namespace

nlohmann::json indicator_statistics_json(const IndicatorStatistics& s) {
  nlohmann::json all = nlohmann::json::array();
  for (const auto& r : s.results) {
    nlohmann::json j;
    j["kunci"] = r.settings.key;
    if (r.settings.bivariate()) j["bivariat"] = {{"x", r.settings.x}, {"y", r.settings.y}};
    else j["indikator"] = r.settings.indicator;
    if (r.settings.level != AnalysisLevel::desa) j["tingkat"] = level_name(r.settings.level);
    j["bobot"] = r.weights;
    j["n"] = r.n();
    j["tautan"] = r.links;
    j["tanpa_nilai"] = r.missing;
    j["pulau"] = r.islands;
    if (r.moran) j["moran"] = moran_json(*r.moran);
    if (r.moran_rate) j["moran_laju_eb"] = moran_json(*r.moran_rate);
    if (r.geary) {
      const GearyC& g = *r.geary;
      j["geary"] = {{"C", finite(g.C)},           {"E_C", 1.0},
                    {"z_normal", finite(g.z_normal)}, {"p_normal", finite(g.p_normal)},
                    {"z_randomisasi", finite(g.z_randomisation)}, {"p_randomisasi", finite(g.p_randomisation)}};
      if (g.permutations > 0) j["geary"]["p_sim"] = finite(g.p_sim);
    }
    if (r.moran_bv) {
      j["moran_bivariat"] = {{"I", finite(r.moran_bv->I)}};
      if (r.moran_bv->permutations > 0) {
        j["moran_bivariat"]["permutasi"] = r.moran_bv->permutations;
        j["moran_bivariat"]["p_sim"] = finite(r.moran_bv->p_sim);
        j["moran_bivariat"]["z_sim"] = finite(r.moran_bv->z_sim);
      }
    }
    if (r.settings.has(IndicatorMethod::lisa)) {
      std::map<std::string, int> clusters = {{"HH", 0}, {"LH", 0}, {"LL", 0}, {"HL", 0}};
      for (int c : r.local.cluster)
        if (c) ++clusters[quadrant_name(c)];
      j["lisa_klaster"] = clusters;
    }
    if (r.gi) {
      std::map<std::string, int> bins;
      for (int b : r.gi->bin) ++bins[std::to_string(b)];
      j["gi_kelas"] = bins;
    }
    if (!r.warnings.empty()) j["peringatan"] = r.warnings;
    all.push_back(std::move(j));
  }
  return all;
}

std::string indicator_statistics_text(const IndicatorStatistics& s, const std::string& language) {
  const bool en = language == "en";
  std::string out = en ? "Indicator statistics\n" : "Statistik indikator\n";
  char line[512];
  for (const auto& r : s.results) {
    const std::string what = r.settings.bivariate() ? r.settings.x + " ~ lag " + r.settings.y : r.settings.indicator;
    const std::string unit = level_name(r.settings.level);
    std::snprintf(line, sizeof line, "  [%s] %s (%s; n = %zu%s%s)\n", r.settings.key.c_str(), what.c_str(),
                  r.weights.c_str(), r.n(), r.settings.level == AnalysisLevel::desa ? "" : (" " + unit).c_str(),
                  r.missing.empty() ? "" : ((en ? ", some " : ", sebagian ") + unit + (en ? " without a value" : " tanpa nilai")).c_str());
    out += line;
    if (r.moran) {
      std::snprintf(line, sizeof line, "      Moran I = %.4f (z = %.2f, %s = %.3g)\n", r.moran->I, r.moran->z_normal,
                    r.moran->permutations > 0 ? "p_sim" : "p", r.moran->permutations > 0 ? r.moran->p_sim : r.moran->p_normal);
      out += line;
    }
    if (r.moran_rate) {
      std::snprintf(line, sizeof line, "      Moran I %s = %.4f (z = %.2f)\n", en ? "of EB-standardised rates" : "laju baku EB",
                    r.moran_rate->I, r.moran_rate->z_normal);
      out += line;
    }
    if (r.geary) {
      std::snprintf(line, sizeof line, "      Geary C = %.4f (z = %.2f, p = %.3g)\n", r.geary->C, r.geary->z_randomisation,
                    r.geary->p_randomisation);
      out += line;
    }
    if (r.moran_bv) {
      std::snprintf(line, sizeof line, "      %s I = %.4f (p_sim = %.3g)\n", en ? "Bivariate Moran" : "Moran bivariat",
                    r.moran_bv->I, r.moran_bv->p_sim);
      out += line;
    }
  }
  return out;
}

std::string moran_scatter_csv(const std::vector<AdminUnit>& units, const IndicatorResult& r) {
  std::string out = r.settings.bivariate() ? "kode,nama,x,y,zx,lag_zy,kuadran,ii,p_sim,kelas_sig\n"
                                           : "kode,nama,nilai,z,lag_z,kuadran,ii,p_sim,kelas_sig\n";
  const bool inference = r.settings.has(IndicatorMethod::lisa);
  char buf[512];
  for (std::size_t d = 0; d < units.size(); ++d) {
    if (r.position[d] < 0) continue;
    const auto i = static_cast<std::size_t>(r.position[d]);
    std::string name = units[d].name;
    if (name.find_first_of(",\"\n") != std::string::npos) {
      std::string q = "\"";
      for (char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      name = q + "\"";
    }
    out += units[d].code.dotted() + "," + name + ",";
    if (r.settings.bivariate()) std::snprintf(buf, sizeof buf, "%.17g,%.17g,", r.x[i], r.y[i]);
    else std::snprintf(buf, sizeof buf, "%.17g,", r.x[i]);
    out += buf;
    std::snprintf(buf, sizeof buf, "%.17g,%.17g,%s,%.17g,", r.local.z[i], r.local.lag[i],
                  quadrant_name(r.local.quadrant[i]).c_str(), r.local.Ii[i]);
    out += buf;
    if (inference) {
      std::snprintf(buf, sizeof buf, "%.6g,%d\n", r.local.p_sim[i],
                    lisa_significance_class(r.local.p_sim[i]));
      out += buf;
    } else {
      out += ",\n";
    }
  }
  return out;
}

std::vector<std::string> write_indicator_files(const std::string& folder, const Boundaries& b,
                                               const IndicatorStatistics& s) {
  std::vector<std::string> files;
  if (s.results.empty()) return files;
  const std::string json_path = folder + "/statistik.json";
  write_atomically(json_path, [&](std::ostream& o) { o << indicator_statistics_json(s).dump(2) << '\n'; });
  files.push_back(json_path);
  for (const auto& r : s.results) {
    const std::string path = folder + "/moran_" + r.settings.key + ".csv";
    const auto& units = r.settings.level == AnalysisLevel::kecamatan ? b.kecamatan : b.desa;
    write_atomically(path, [&](std::ostream& o) { o << moran_scatter_csv(units, r); });
    files.push_back(path);
  }
  return files;
}

}  // namespace peta
