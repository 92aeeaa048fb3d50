#include "query/period_comparison.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "aggregate/period_counts.hpp"
#include "core/date.hpp"
#include "core/date_text.hpp"

namespace peta::query {

PeriodComparisonResult compare_periods(const QueryModel& m, const std::string& a, const std::string& b,
                                       const std::string& category, Level level) {
  const auto pa = parse_period(a), pb = parse_period(b);
  if (!pa) throw QueryError("banding: '" + a + "' is no period (2025-06, 2025-W23 or 2025-Q2)");
  if (!pb) throw QueryError("banding: '" + b + "' is no period (2025-06, 2025-W23 or 2025-Q2)");
  if (pa->kind != pb->kind) throw QueryError("banding: '" + a + "' and '" + b + "' are periods of different kinds");
  if (!m.has_findings) throw QueryError("banding needs the temuan layer, which this GeoPackage lacks");
  if (m.findings.date_column.empty()) throw QueryError("banding: the temuan layer has no date column (tanggal)");
  int code = -1;
  if (!category.empty() && category != "semua" && category != "all") {
    const auto c = m.category(category);
    if (!c) throw QueryError("banding: unknown category '" + category + "'");
    code = int(*c);
  }
  PeriodComparisonResult r;
  r.kind = pa->kind;
  r.label_a = a;
  r.label_b = b;
  r.level = level;
  r.category = code >= 0 ? m.categories[std::size_t(code)].code : "";
  PeriodCounts counts(pa->kind);
  const auto& f = m.findings;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (code >= 0 && f.category[i] != code) continue;
    if (!f.date[i]) {
      ++r.undated;
      continue;
    }
    const auto day = Date::from_ymd(f.date[i] / 10000, f.date[i] / 100 % 100, f.date[i] % 100);
    if (!day || f.desa[i] < 0) continue;
    const int p = period_of(pa->kind, *day);
    if (p != pa->period && p != pb->period) continue;
    int unit = f.desa[i];
    if (level == Level::kecamatan) {
      unit = std::size_t(unit) < m.desa_kecamatan.size() ? m.desa_kecamatan[std::size_t(unit)] : -1;
      if (unit < 0) continue;
    }
    counts.add(unit, "", *day);
  }
  for (const auto& c : peta::compare_periods(counts, pa->period, pb->period)) {
    r.rows.push_back({std::size_t(c.unit), c.a, c.b, c.change, c.p_value});
    r.total_a += c.a;
    r.total_b += c.b;
  }
  return r;
}

std::string format_period_comparison(const PeriodComparisonResult& r, const QueryModel& m, Format format,
                                     const std::string& lang, std::size_t top) {
  const bool en = lang == "en";
  const UnitTable& units = r.level == Level::desa ? m.desa : m.kecamatan;
  const std::size_t shown = top ? std::min(top, r.rows.size()) : r.rows.size();
  char p[32];
  if (format == Format::json || format == Format::geojson) {
    nlohmann::json j;
    j["periode_a"] = r.label_a;
    j["periode_b"] = r.label_b;
    j["kategori"] = r.category.empty() ? nlohmann::json("semua") : nlohmann::json(r.category);
    j["total_a"] = r.total_a;
    j["total_b"] = r.total_b;
    j["tanpa_tanggal"] = r.undated;
    j["baris"] = nlohmann::json::array();
    for (std::size_t k = 0; k < shown; ++k) {
      const auto& row = r.rows[k];
      j["baris"].push_back({{"kode", units.kode[row.unit]}, {"nama", units.nama[row.unit]}, {"a", row.a},
                            {"b", row.b}, {"perubahan", row.change}, {"p", row.p_value}});
    }
    if (r.rows.empty()) j["pesan"] = en ? "no dated findings in either period" : "tidak ada temuan bertanggal pada kedua periode";
    return j.dump(2) + "\n";
  }
  std::string out;
  if (format == Format::csv) {
    out = "peringkat,kode,nama," + r.label_a + "," + r.label_b + ",perubahan,p\n";
    for (std::size_t k = 0; k < shown; ++k) {
      const auto& row = r.rows[k];
      std::snprintf(p, sizeof p, "%.6g", row.p_value);
      std::string name = units.nama[row.unit];
      if (name.find_first_of(",\"") != std::string::npos) {
        std::string q = "\"";
        for (char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        name = q + "\"";
      }
      out += std::to_string(k + 1) + "," + units.kode[row.unit] + "," + name + "," + std::to_string(row.a) + "," +
             std::to_string(row.b) + "," + std::to_string(row.change) + "," + p + "\n";
    }
    return out;
  }
  const std::string what = r.category.empty() ? (en ? "all categories" : "semua kategori") : r.category;
  out = (en ? "Comparison " : "Perbandingan ") + r.label_a + " → " + r.label_b + " (" + what + "): " +
        std::to_string(r.total_a) + " → " + std::to_string(r.total_b) + (en ? " findings\n" : " temuan\n");
  if (r.rows.empty()) {
    out += en ? "No dated findings in either period." : "Tidak ada temuan bertanggal pada kedua periode.";
    if (m.date_min)
      out += (en ? " The project's dated findings run from " : " Temuan bertanggal di proyek ini: ") +
             format_date(m.date_min) + (en ? " to " : " sampai ") + format_date(m.date_max) + ".";
    else
      out += en ? " The project holds no dated findings." : " Proyek ini tidak memuat temuan bertanggal.";
    return out + "\n";
  }
  if (r.undated)
    out += (en ? "Findings without a usable date (not compared): " : "Temuan tanpa tanggal yang sah (tidak dibandingkan): ") +
           std::to_string(r.undated) + "\n";
  out += en ? "p: exact conditional test of equal daily rates (binomial, given the two counts)\n"
            : "p: uji eksak bersyarat laju harian sama (binomial, diberikan kedua jumlah)\n";
  char header[256];
  std::snprintf(header, sizeof header, "%-4s %-14s %-28s %8s %8s %9s %10s\n", "#", en ? "code" : "kode", en ? "name" : "nama",
                r.label_a.c_str(), r.label_b.c_str(), en ? "change" : "ubah", "p");
  out += header;
  for (std::size_t k = 0; k < shown; ++k) {
    const auto& row = r.rows[k];
    char line[256];
    std::snprintf(line, sizeof line, "%-4zu %-14s %-28.28s %8lld %8lld %+9lld %10.4g\n", k + 1,
                  units.kode[row.unit].c_str(), units.nama[row.unit].c_str(), static_cast<long long>(row.a),
                  static_cast<long long>(row.b), static_cast<long long>(row.change), row.p_value);
    out += line;
  }
  return out;
}

}  // namespace peta::query
