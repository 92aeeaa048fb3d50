#include "hotspots/emerging_report.hpp"

#include <map>

namespace peta {
namespace {

std::vector<std::int64_t> totals(const PeriodCounts& counts, int first, int last, const std::string& category) {
  std::vector<std::int64_t> out(last >= first ? std::size_t(last - first + 1) : 0, 0);
  for (const auto& row : counts.rows())
    if (row.period >= first && row.period <= last && row.category == category) out[std::size_t(row.period - first)] += row.n;
  return out;
}

}  // namespace

nlohmann::json emerging_report_json(const Boundaries& b, const PeriodCounts& counts, int first, int last,
                                    const std::vector<EmergingCategory>& categories) {
  nlohmann::json j;
  j["periode"] = {{"jenis", period_kind_name(counts.kind())},
                  {"dari", period_label(counts.kind(), first)},
                  {"sampai", period_label(counts.kind(), last)}};
  j["tanpa_tanggal"] = counts.undated();
  j["tanggal_tidak_valid"] = counts.flagged();
  j["kategori"] = nlohmann::json::array();
  for (const auto& c : categories) {
    nlohmann::json k;
    k["kode"] = c.code;
    k["label"] = c.label_id;
    nlohmann::json series = nlohmann::json::array();
    const auto t = totals(counts, first, last, c.code);
    for (std::size_t s = 0; s < t.size(); ++s)
      series.push_back({{"periode", period_label(counts.kind(), first + int(s))}, {"n", t[s]}});
    k["per_periode"] = series;
    if (c.result) {
      std::map<std::string, nlohmann::json> by_class;
      for (std::size_t d = 0; d < c.result->classes.size(); ++d) {
        const EmergingClass cls = c.result->classes[d];
        if (cls == EmergingClass::no_pattern) continue;
        by_class[emerging_class_value(cls)].push_back(
            {{"kode", b.desa[d].code.dotted()}, {"nama", b.desa[d].name},
             {"kecamatan", b.kecamatan_of(d).name}, {"mk_tau", c.result->mk_tau[d]}, {"mk_p", c.result->mk_p[d]}});
      }
      k["tren"] = by_class;
    } else {
      k["tren"] = nullptr;
    }
    j["kategori"].push_back(std::move(k));
  }
  return j;
}

std::string emerging_report_text(const Boundaries& b, const PeriodCounts& counts, int first, int last,
                                 const std::vector<EmergingCategory>& categories, const std::string& language) {
  const bool en = language == "en";
  std::string out = en ? "TRENDS AND EMERGING HOT SPOTS\n" : "TREN DAN TITIK PANAS YANG MUNCUL\n";
  out += (en ? "Periods: " : "Periode: ") + period_label(counts.kind(), first) + " – " +
         period_label(counts.kind(), last) + " (" + period_kind_name(counts.kind()) + ")\n";
  if (counts.undated())
    out += (en ? "Findings without a usable date (left out): " : "Temuan tanpa tanggal yang dapat dipakai (tidak dihitung): ") +
           std::to_string(counts.undated()) + (en ? ", of which invalid dates: " : ", di antaranya tanggal tidak valid: ") +
           std::to_string(counts.flagged()) + "\n";
  for (const auto& c : categories) {
    out += "\n" + (en ? c.label_en : c.label_id) + " (" + c.code + ")\n";
    out += en ? "  Findings per period:" : "  Temuan per periode:";
    const auto t = totals(counts, first, last, c.code);
    for (std::size_t s = 0; s < t.size(); ++s)
    {
      out += ' ';
      out += period_label(counts.kind(), first + int(s));
      out += '=';
      out += std::to_string(t[s]);
    }
    out += "\n";
    if (!c.result) {
      out += en ? "  Emerging hot spots: not analysed (fewer than 3 periods)\n"
                : "  Titik panas yang muncul: tidak dianalisis (kurang dari 3 periode)\n";
      continue;
    }
    for (int k = 1; k < kEmergingClassCount; ++k) {
      const EmergingClass cls = EmergingClass(k);
      std::map<std::string, std::vector<std::string>> by_kecamatan;
      std::size_t n = 0;
      for (std::size_t d = 0; d < c.result->classes.size(); ++d)
        if (c.result->classes[d] == cls) by_kecamatan[b.kecamatan_of(d).name].push_back(b.desa[d].name), ++n;
      if (!n) continue;
      out += "  " + std::string(en ? emerging_class_label_en(cls) : emerging_class_label_id(cls)) + ": " +
             std::to_string(n) + " desa —";
      bool first_kec = true;
      for (const auto& [kec, names] : by_kecamatan) {
        out += std::string(first_kec ? " " : "; ") + kec + ": ";
        for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
        first_kec = false;
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace peta
