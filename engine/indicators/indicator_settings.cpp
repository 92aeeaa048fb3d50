#include "indicators/indicator_settings.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "core/json_object_reader.hpp"

namespace peta {

std::string WeightsChoice::describe() const {
  std::string s;
  switch (kind) {
    case WeightsKind::queen: s = "queen"; break;
    case WeightsKind::rook: s = "rook"; break;
    case WeightsKind::knn: s = "knn k=" + std::to_string(k); break;
    case WeightsKind::distance_band: s = "jarak " + std::to_string(static_cast<long long>(distance_m)) + " m"; break;
    case WeightsKind::file: s = "file " + std::filesystem::path(path).filename().string(); break;
  }
  return s + (row_standardised ? ", baris" : ", biner");
}

const char* level_name(AnalysisLevel level) { return level == AnalysisLevel::kecamatan ? "kecamatan" : "desa"; }

bool IndicatorAnalysisSettings::has(IndicatorMethod m) const {
  return std::find(methods.begin(), methods.end(), m) != methods.end();
}

namespace {

WeightsChoice read_weights(const nlohmann::json& j, const std::string& where, const std::string& base) {
  JsonObjectReader r(j, where, {"jenis", "k", "jarak_m", "path", "standar"});
  WeightsChoice w;
  const std::string kind = r.text("jenis").value_or("queen");
  if (kind == "queen") w.kind = WeightsKind::queen;
  else if (kind == "rook") w.kind = WeightsKind::rook;
  else if (kind == "knn") w.kind = WeightsKind::knn;
  else if (kind == "jarak") w.kind = WeightsKind::distance_band;
  else if (kind == "file") w.kind = WeightsKind::file;
  else throw Error(r.where("jenis") + ": '" + kind + "' is not one of queen, rook, knn, jarak, file");
  w.k = static_cast<int>(r.integer("k").value_or(w.k));
  if (w.k < 1) throw Error(r.where("k") + ": must be >= 1");
  w.distance_m = r.number("jarak_m").value_or(w.distance_m);
  if (!(w.distance_m > 0)) throw Error(r.where("jarak_m") + ": must be > 0");
  if (w.kind == WeightsKind::file) {
    const std::filesystem::path p(r.required_text("path"));
    w.path = p.is_absolute() ? p.string() : (std::filesystem::path(base) / p).lexically_normal().string();
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".gal" && ext != ".gwt") throw Error(r.where("path") + ": must be a GeoDa .gal or .gwt file");
  } else if (r.has("path")) {
    throw Error(r.where("path") + ": only for \"jenis\": \"file\"");
  }
  const std::string standard = r.text("standar").value_or("baris");
  if (standard != "baris" && standard != "biner") throw Error(r.where("standar") + ": must be \"baris\" or \"biner\"");
  w.row_standardised = standard == "baris";
  return w;
}

}  // namespace

std::vector<IndicatorAnalysisSettings> read_indicator_settings(const nlohmann::json& j, const std::string& base) {
  if (!j.is_array()) throw Error("statistik: must be an array of analyses");
  std::vector<IndicatorAnalysisSettings> out;
  std::set<std::string> keys;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string where = "statistik[" + std::to_string(i) + "]";
    JsonObjectReader r(j[i], where, {"indikator", "bivariat", "kunci", "bobot", "metode", "tingkat"});
    IndicatorAnalysisSettings a;
    if (r.has("indikator") == r.has("bivariat"))
      throw Error(where + ": give either \"indikator\" or \"bivariat\" (exactly one)");
    if (r.has("indikator")) {
      a.indicator = r.required_text("indikator");
      if (a.indicator.empty()) throw Error(r.where("indikator") + ": empty");
    } else {
      JsonObjectReader b(r.at("bivariat"), r.where("bivariat"), {"x", "y"});
      a.x = b.required_text("x");
      a.y = b.required_text("y");
      if (a.x.empty() || a.y.empty()) throw Error(r.where("bivariat") + ": x and y must name indicators");
      a.methods = {IndicatorMethod::moran, IndicatorMethod::lisa};
    }
    a.key = r.text("kunci").value_or("s" + std::to_string(i + 1));
    if (a.key.empty() || a.key.size() > 5 || !std::isalpha(static_cast<unsigned char>(a.key[0])) ||
        !std::all_of(a.key.begin(), a.key.end(), [](unsigned char c) { return std::islower(c) || std::isdigit(c); }))
      throw Error(r.where("kunci") + ": '" + a.key + "' must be 1 to 5 lower-case letters or digits, starting with a letter");
    if (!keys.insert(a.key).second) throw Error(r.where("kunci") + ": '" + a.key + "' is used twice");
    const std::string level = r.text("tingkat").value_or("desa");
    if (level == "kecamatan") a.level = AnalysisLevel::kecamatan;
    else if (level != "desa") throw Error(r.where("tingkat") + ": '" + level + "' is not one of desa, kecamatan");
    if (r.has("bobot")) a.weights = read_weights(r.at("bobot"), r.where("bobot"), base);
    if (r.has("metode")) {
      a.methods.clear();
      for (const auto& m : r.texts("metode").value_or(std::vector<std::string>{})) {
        IndicatorMethod method;
        if (m == "moran") method = IndicatorMethod::moran;
        else if (m == "lisa") method = IndicatorMethod::lisa;
        else if (m == "gi") method = IndicatorMethod::gi;
        else if (m == "geary") method = IndicatorMethod::geary;
        else throw Error(r.where("metode") + ": '" + m + "' is not one of moran, lisa, gi, geary");
        if (a.bivariate() && (method == IndicatorMethod::gi || method == IndicatorMethod::geary))
          throw Error(r.where("metode") + ": a bivariate analysis has moran and lisa only");
        if (!a.has(method)) a.methods.push_back(method);
      }
      if (a.methods.empty()) throw Error(r.where("metode") + ": empty");
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace peta
