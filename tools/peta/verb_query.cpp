// peta query PROJECT.json: top N desa or kecamatan by count, rate, Gi* z or priority, with filters.
// The options become the same parameters the HTTP API takes, so both validate alike.
#include <cstdio>
#include <fstream>

#include "model_source.hpp"
#include "query/date_range_note.hpp"
#include "query/period_comparison.hpp"
#include "query/trend_query.hpp"
#include "query/query_engine.hpp"
#include "query/query_format.hpp"
#include "query/store_query.hpp"
#include "verbs.hpp"

namespace peta::cli {

void add_query(CLI::App& app) {
  auto* sub = app.add_subcommand("query", "Tanya proyek yang sudah dibangun: desa/kecamatan teratas (top N over a built project)");
  static ModelSource source;
  static std::string level, category, sort, top, from, to, significance, spot, statistic, format, lang, out;
  static std::vector<std::string> kecamatan, severity, status, banding, opd, filters;
  static bool per_kecamatan = false, ascending = false, trend = false, overdue = false, per_opd = false, list = false;
  static std::string as_of, kind;
  static std::string period;
  source.add_options(sub);
  sub->add_option("--level,--wilayah", level, "desa | kecamatan (default desa)");
  sub->add_option("-k,--kategori,--category", category, "Kode kategori, atau 'semua' (category code or all)");
  sub->add_option("-u,--urut,--sort", sort, "count | rate | gi_z | priority | nama kolom angka (numeric field)");
  sub->add_option("-n,--top", top, "Jumlah baris, atau 'semua' (rows; default 10)");
  sub->add_option("--kecamatan", kecamatan, "Kode atau nama kecamatan (code or name; repeatable)");
  sub->add_option("--filter,--saring", filters,
                  "Syarat pada kolom lapisan, mis. status_idm=Tertinggal atau penduduk>=5000 (field condition; repeatable)");
  sub->add_option("--tingkat,--severity", severity, "Tingkat temuan, mis. berat (severity; repeatable)");
  sub->add_option("--status", status, "Status temuan (status; repeatable)");
  sub->add_option("--opd", opd, "OPD penanggung jawab, mis. \"Dinas PUPR\" (responsible department; store; repeatable)");
  sub->add_flag("--lewat-target,--overdue", overdue,
                "Hanya temuan terbuka yang lewat tenggat (open and past the due date; store)");
  sub->add_option("--per-tanggal,--as-of", as_of, "Tanggal acuan YYYY-MM-DD untuk lewat target (as-of date; default today)");
  sub->add_flag("--per-opd", per_opd,
                "Tabel lewat target per OPD dan kecamatan (overdue per department and district; store)");
  sub->add_flag("--temuan,--findings", list,
                "Daftar temuan satu per satu: id, kategori, desa, status, OPD, tenggat (list the findings; store)");
  sub->add_option("--jenis,--kind", kind,
                  "Untuk --temuan: titik | ruas | semua (points, line segments or both; default semua)");
  sub->add_option("--dari,--from", from, "Tanggal awal YYYY-MM-DD (from date)");
  sub->add_option("--sampai,--to", to, "Tanggal akhir YYYY-MM-DD (to date)");
  sub->add_option("--signifikan,--significance", significance, "Hanya titik panas: 90 | 95 | 99 (hot spots at %)");
  sub->add_option("--spot", spot, "panas | dingin (hot | cold; default hot)");
  sub->add_option("--statistik,--statistic", statistic, "gi | lisa (default gi)");
  sub->add_flag("--per-kecamatan", per_kecamatan, "Peringkat di tiap kecamatan (ranked within each kecamatan)");
  sub->add_flag("--naik,--ascending", ascending, "Urut naik (lowest first)");
  sub->add_option("-f,--format", format, "table | csv | json | geojson (default table)");
  sub->add_option("--bahasa,--lang", lang, "id | en (default id)");
  sub->add_option("-o,--out", out, "Tulis ke berkas (write to a file instead of stdout)");
  sub->add_option("--banding,--compare", banding,
                  "Bandingkan dua periode, mis. 2025-06 2025-07 (compare two periods: months, 2025-W23, 2025-Q2)")
      ->expected(2);
  sub->add_flag("--tren,--trend", trend,
                "Titik panas yang muncul per desa (emerging hot spots: space-time Gi*, Mann-Kendall, 17 classes)");
  sub->add_option("--periode,--period", period, "bulan | minggu | triwulan (for --tren; default bulan)");
  register_verb(sub, [] {
    auto write = [](const std::string& text) {
      if (out.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
      }
      std::ofstream file(out, std::ios::binary);
      file << text;
      if (!file) throw Error("cannot write '" + out + "'");
      return 0;
    };
    if (trend) {
      try {
        const auto kind = period_kind_from_name(period.empty() ? "bulan" : period);
        if (!kind) throw query::QueryError("--periode: '" + period + "' (expected bulan, minggu or triwulan)");
        query::QueryModel model = source.load();
        return write(query::trend_report(model, *kind, category, lang == "en" ? "en" : "id"));
      } catch (const query::QueryError& e) {
        std::fprintf(stderr, "peta query: %s\n", e.what());
        return 2;
      }
    }
    if (!banding.empty()) {
      query::Params params = {{"format", format.empty() ? "table" : format}};
      if (!lang.empty()) params.emplace_back("lang", lang);
      if (!level.empty()) params.emplace_back("level", level);
      if (!top.empty()) params.emplace_back("n", top);
      try {
        const query::QuerySpec spec = query::parse_query_spec(params);
        query::QueryModel model = source.load();
        const auto result = query::compare_periods(model, banding[0], banding[1], category, spec.level);
        return write(query::format_period_comparison(result, model, spec.format, spec.lang, top.empty() ? 0 : spec.top));
      } catch (const query::QueryError& e) {
        std::fprintf(stderr, "peta query: %s\n", e.what());
        return 2;
      }
    }
    query::Params params;
    auto put = [&](const char* key, const std::string& value) {
      if (!value.empty()) params.emplace_back(key, value);
    };
    put("level", level);
    put("category", category);
    put("sort", sort);
    put("n", top);
    for (const auto& k : kecamatan) put("kecamatan", k);
    for (const auto& f : filters) put("filter", f);
    for (const auto& s : severity) put("severity", s);
    for (const auto& s : status) put("status", s);
    put("from", from);
    put("to", to);
    for (const auto& o : opd) put("opd", o);
    if (overdue) put("overdue", "true");
    put("as_of", as_of);
  put("kind", kind);
    put("significance", significance);
    put("spot", spot);
    put("statistic", statistic);
    if (per_kecamatan) put("per_kecamatan", "true");
    if (ascending) put("order", "asc");
    put("format", format.empty() ? "table" : format);
    put("lang", lang);
    query::QuerySpec spec;
    try {
      spec = query::parse_query_spec(params);
    } catch (const query::QueryError& e) {
      std::fprintf(stderr, "peta query: %s\n", e.what());
      return 2;
    }
    query::QueryModel model = source.load();
    std::string text;
    try {
      if ((per_opd || list) && spec.format == query::Format::geojson)
        throw query::QueryError("--per-opd/--temuan: give -f table, csv or json");
      if (per_opd && list) throw query::QueryError("--per-opd and --temuan: give one of them");
      if (per_opd) text = query::format_result(query::overdue_per_opd(model, spec), model);
      else if (list) text = query::format_result(query::finding_list(model, spec), model);
      else text = query::format_result(query::run_query(model, spec), model);
      // A date range without dated findings: said in the table, and on stderr for machine formats.
      if (const std::string note = query::empty_date_range_note(model, spec); !note.empty()) {
        if (spec.format == query::Format::table) text = note + "\n" + text;
        else std::fprintf(stderr, "peta query: %s\n", note.c_str());
      }
    } catch (const query::QueryError& e) {
      std::fprintf(stderr, "peta query: %s\n", e.what());
      return 2;
    }
    if (out.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      return 0;
    }
    std::ofstream file(out, std::ios::binary);
    file << text;
    if (!file) throw Error("cannot write '" + out + "'");
    return 0;
  });
}

}  // namespace peta::cli
