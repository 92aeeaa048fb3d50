#include "hotspots/hotspot_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/csv_quote.hpp"

namespace peta {
namespace {

struct Entry {
  std::size_t desa;
  double z;
  int bin;
};

// Significant desa of one category and direction, grouped by kecamatan index, each group ranked by |z|.
std::map<int, std::vector<Entry>> significant(const Boundaries& b, const CategoryHotspots& c, bool hot) {
  std::map<int, std::vector<Entry>> groups;
  for (std::size_t d = 0; d < b.desa.size(); ++d) {
    int bin = c.gi_bin[d];
    if ((hot && bin > 0) || (!hot && bin < 0)) groups[b.desa_kecamatan[d]].push_back({d, c.gi_z[d], bin});
  }
  for (auto& [k, list] : groups)
    std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& e) { return std::fabs(a.z) > std::fabs(e.z); });
  return groups;
}

int confidence_percent(int bin) { return std::abs(bin) == 3 ? 99 : std::abs(bin) == 2 ? 95 : 90; }

std::int64_t count_of(const UnitCounts&, const DesaHotspots& h, std::size_t cat, std::size_t d) {
  return h.categories[cat].count[d];
}

std::string number(double v, int decimals, bool indonesian) {
  if (!std::isfinite(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (indonesian) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

}  // namespace

nlohmann::json hotspot_report_json(const Boundaries& b, const UnitCounts& counts, const DesaHotspots& h) {
  nlohmann::json j;
  j["dasar_laju"] = h.base;
  j["per"] = h.per;
  j["tautan_tetangga"] = h.neighbour_links;
  j["pulau_tanpa_tetangga"] = h.islands;
  j["kategori"] = nlohmann::json::array();
  for (std::size_t c = 0; c < h.categories.size(); ++c) {
    const auto& cat = h.categories[c];
    nlohmann::json jc;
    jc["kode"] = cat.code;
    jc["label_id"] = cat.label_id;
    jc["label_en"] = cat.label_en;
    auto finite = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    jc["moran_global"] = {{"I", finite(cat.moran.I)},         {"harapan", finite(cat.moran.expected)},
                          {"z_normal", finite(cat.moran.z_normal)}, {"p_normal", finite(cat.moran.p_normal)},
                          {"p_sim", finite(cat.moran.p_sim)}, {"permutasi", cat.moran.permutations}};
    for (bool hot : {true, false}) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& [k, entries] : significant(b, cat, hot)) {
        int rank = 0;
        for (const auto& e : entries)
          list.push_back({{"kode_kec", b.kecamatan_at(k).code.dotted()},
                          {"nama_kec", b.kecamatan_at(k).name},
                          {"peringkat", ++rank},
                          {"kode", b.desa[e.desa].code.dotted()},
                          {"nama", b.desa[e.desa].name},
                          {"gi_z", e.z},
                          {"gi_bin", e.bin},
                          {"tingkat_persen", confidence_percent(e.bin)},
                          {"laju_eb", finite(cat.eb[e.desa])},
                          {"jumlah", count_of(counts, h, c, e.desa)}});
      }
      jc[hot ? "titik_panas" : "titik_dingin"] = list;
    }
    std::map<std::string, int> quadrants;
    for (int q : cat.lisa_q)
      if (q) quadrants[q == 1 ? "HH" : q == 2 ? "LH" : q == 3 ? "LL" : "HL"]++;
    jc["lisa_kuadran"] = quadrants;
    j["kategori"].push_back(jc);
  }
  return j;
}

std::string hotspot_report_csv(const Boundaries& b, const UnitCounts& counts, const DesaHotspots& h) {
  std::string out = "kategori,arah,kode_kec,nama_kec,peringkat,kode,nama,gi_z,gi_bin,tingkat_persen,laju_eb,jumlah\n";
  for (std::size_t c = 0; c < h.categories.size(); ++c) {
    const auto& cat = h.categories[c];
    for (bool hot : {true, false})
      for (const auto& [k, entries] : significant(b, cat, hot)) {
        int rank = 0;
        for (const auto& e : entries) {
          const auto& kec = b.kecamatan_at(k);
          out += cat.code + "," + (hot ? "panas" : "dingin") + "," + kec.code.dotted() + "," + csv_quote(kec.name) + "," +
                 std::to_string(++rank) + "," + b.desa[e.desa].code.dotted() + "," + csv_quote(b.desa[e.desa].name) + "," +
                 number(e.z, 4, false) + "," + std::to_string(e.bin) + "," + std::to_string(confidence_percent(e.bin)) +
                 "," + number(cat.eb[e.desa], 6, false) + "," + std::to_string(count_of(counts, h, c, e.desa)) + "\n";
        }
      }
  }
  return out;
}

std::string hotspot_report_text(const Boundaries& b, const UnitCounts& counts, const DesaHotspots& h,
                                 const std::string& language) {
  const bool id = language != "en";
  std::string unit = h.base == "km2" ? (id ? "per km²" : "per km²")
                                     : (id ? "per " + number(h.per, 0, true) + " penduduk" : "per " + number(h.per, 0, false) + " inhabitants");
  std::string out = id ? "RINGKASAN TITIK PANAS (Getis-Ord Gi*, laju Empirical Bayes " + unit + ")\n"
                       : "HOTSPOT SUMMARY (Getis-Ord Gi*, Empirical Bayes rates " + unit + ")\n";
  out += id ? "Bobot: ketetanggaan queen (toleransi 1 m), " + std::to_string(h.neighbour_links) + " tautan"
            : "Weights: queen contiguity (1 m tolerance), " + std::to_string(h.neighbour_links) + " links";
  if (!h.islands.empty()) {
    out += id ? "; tanpa tetangga: " : "; no neighbours: ";
    for (std::size_t i = 0; i < h.islands.size(); ++i) out += (i ? ", " : "") + h.islands[i];
  }
  out += "\n";
  for (std::size_t c = 0; c < h.categories.size(); ++c) {
    const auto& cat = h.categories[c];
    out += "\n== " + (id ? cat.label_id : cat.label_en) + " ==\n";
    std::string pattern = !std::isfinite(cat.moran.I) ? (id ? "tidak dapat dihitung (tanpa temuan)" : "not computable (no findings)")
                          : cat.moran.p_sim <= 0.05 ? (cat.moran.I > 0 ? (id ? "mengelompok" : "clustered") : (id ? "menyebar" : "dispersed"))
                                                    : (id ? "acak (tidak signifikan)" : "random (not significant)");
    out += "Moran's I = " + number(cat.moran.I, 3, id) + ", p = " + number(cat.moran.p_sim, 3, id) + ": " + pattern + "\n";
    for (bool hot : {true, false}) {
      auto groups = significant(b, cat, hot);
      std::size_t total = 0;
      for (const auto& [k, list] : groups) total += list.size();
      out += hot ? (id ? "Titik panas: " : "Hot spots: ") : (id ? "Titik dingin: " : "Cold spots: ");
      out += std::to_string(total) + (id ? " desa\n" : " villages\n");
      for (const auto& [k, list] : groups) {
        out += k < 0 ? std::string("  (tanpa kecamatan / no kecamatan)\n") : "  Kec. " + b.kecamatan_at(k).name + "\n";
        int rank = 0;
        for (const auto& e : list) {
          char line[256];
          std::snprintf(line, sizeof line, "    %2d. %-28s z = %7s  %d%%  %s = %s  n = %lld\n", ++rank,
                        b.desa[e.desa].name.c_str(), number(e.z, 2, id).c_str(), confidence_percent(e.bin),
                        id ? "laju" : "rate", number(cat.eb[e.desa], 2, id).c_str(),
                        static_cast<long long>(count_of(counts, h, c, e.desa)));
          out += line;
        }
      }
    }
  }
  return out;
}

}  // namespace peta
