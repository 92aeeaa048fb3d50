// peta query PROJECT.json: top N desa or kecamatan by count, rate, Gi* z or priority, with filters.
// The options become the same parameters the HTTP API takes, so both validate alike.
#include <cstdio>
#include <fstream>

#include "aggregate/period.hpp"
#include "model_source.hpp"
#include "query/date_range_note.hpp"
#include "query/period_comparison.hpp"
#include "query/trend_query.hpp"
#include "query/query_engine.hpp"
#include "query/query_format.hpp"
#include "query/store_query.hpp"
#include "verbs.hpp"

namespace peta::cli {
namespace {

// The spelling of a choice as the query parser reads the parameter `key` (the HTTP API's parser is the one
// authority on what a value means): `name` names what it parsed to; a value it refuses stays as typed, and the
// option's choices then refuse it too.
template <class Name>
Spelling as_query_parses(const char* key, Name name) {
  return [key, name](const std::string& value) -> std::string {
    try {
      return name(query::parse_query_spec({{key, value}}));
    } catch (const query::QueryError&) {
      return value;
    }
  };
}

std::string period_spelling(const std::string& value) {
  const auto kind = period_kind_from_name(folded(value));
  return kind ? period_kind_name(*kind) : value;
}

class QueryVerb : public Verb {
 public:
  explicit QueryVerb(CLI::App& app)
      : Verb(app, "query", "Tanya proyek yang sudah dibangun: desa/kecamatan teratas (top N over a built project)") {
    CLI::App& c = command();
    source_.add_options(&c);
    c.add_option("--level,--wilayah", level_, "Tingkat wilayah (unit level; default desa)")
        ->check(choices({"desa", "kecamatan"}, as_query_parses("level", [](const query::QuerySpec& q) {
                          return std::string(query::to_string(q.level));
                        })));
    c.add_option("-k,--kategori,--category", category_, "Kode kategori, atau 'semua' (category code or all)");
    c.add_option("-u,--urut,--sort", sort_, "count | rate | gi_z | priority | nama kolom angka (numeric field)");
    c.add_option("-n,--top", top_, "Jumlah baris, atau 'semua' (rows; default 10)");
    c.add_option("--kecamatan", kecamatan_, "Kode atau nama kecamatan (code or name; repeatable)");
    c.add_option("--filter,--saring", filters_,
                 "Syarat pada kolom lapisan, mis. status_idm=Tertinggal atau penduduk>=5000 (field condition; repeatable)");
    c.add_option("--tingkat,--severity", severity_, "Tingkat temuan, mis. berat (severity; repeatable)");
    c.add_option("--status", status_, "Status temuan (status; repeatable)");
    c.add_option("--opd", opd_, "OPD penanggung jawab, mis. \"Dinas PUPR\" (responsible department; store; repeatable)");
    c.add_flag("--lewat-target,--overdue", overdue_,
               "Hanya temuan terbuka yang lewat tenggat (open and past the due date; store)");
    c.add_option("--per-tanggal,--as-of", as_of_, "Tanggal acuan YYYY-MM-DD untuk lewat target (as-of date; default today)");
    c.add_flag("--per-opd", per_opd_, "Tabel lewat target per OPD dan kecamatan (overdue per department and district; store)");
    c.add_flag("--temuan,--findings", list_,
               "Daftar temuan satu per satu: id, kategori, desa, status, OPD, tenggat (list the findings; store)");
    c.add_option("--jenis,--kind", kind_,
                 "Untuk --temuan: titik | ruas | semua (points, line segments or both; default semua)")
        ->check(choices({"titik", "ruas", "semua"}));
    c.add_option("--dari,--from", from_, "Tanggal awal YYYY-MM-DD (from date)");
    c.add_option("--sampai,--to", to_, "Tanggal akhir YYYY-MM-DD (to date)");
    c.add_option("--signifikan,--significance", significance_,
                 "Hanya titik panas pada tingkat ini, %; tidak = semua (hot spots at %; tidak = all)")
        ->check(choices({"90", "95", "99", "tidak"}, as_query_parses("significance", [](const query::QuerySpec& q) {
                          return q.significance ? std::to_string(q.significance) : std::string("tidak");
                        })));
    c.add_option("--spot", spot_, "Titik panas atau dingin (hot or cold; default panas)")
        ->check(choices({"panas", "dingin"}, as_query_parses("spot", [](const query::QuerySpec& q) {
                          return std::string(q.spot == query::Spot::hot ? "panas" : "dingin");
                        })));
    c.add_option("--statistik,--statistic", statistic_, "Statistik titik panas (hot spot statistic; default gi)")
        ->check(choices({"gi", "lisa"}, as_query_parses("statistic", [](const query::QuerySpec& q) {
                          return std::string(q.statistic == query::Statistic::gi ? "gi" : "lisa");
                        })));
    c.add_flag("--per-kecamatan", per_kecamatan_, "Peringkat di tiap kecamatan (ranked within each kecamatan)");
    c.add_flag("--naik,--ascending", ascending_, "Urut naik (lowest first)");
    c.add_option("-f,--format", format_, "Bentuk keluaran (output format; default table)")
        ->check(choices({"table", "csv", "json", "geojson"}, as_query_parses("format", [](const query::QuerySpec& q) {
                          return std::string(query::to_string(q.format));
                        })));
    c.add_option("--bahasa,--lang", lang_, "Bahasa label (label language; default id)")
        ->check(choices({"id", "en"}, as_query_parses("lang", [](const query::QuerySpec& q) { return q.lang; })));
    c.add_option("-o,--out", out_, "Tulis ke berkas (write to a file instead of stdout)");
    c.add_option("--banding,--compare", compare_,
                 "Bandingkan dua periode, mis. 2025-06 2025-07 (compare two periods: months, 2025-W23, 2025-Q2)")
        ->expected(2);
    c.add_flag("--tren,--trend", trend_,
               "Titik panas yang muncul per desa (emerging hot spots: space-time Gi*, Mann-Kendall, 17 classes)");
    c.add_option("--periode,--period", period_, "Periode untuk --tren (period for --tren; default bulan)")
        ->check(choices({"bulan", "minggu", "triwulan"}, period_spelling));
  }

  int run() override {
    try {
      if (trend_) return write(trend());
      if (!compare_.empty()) return write(comparison());
      return write(ranking());
    } catch (const query::QueryError& e) {
      std::fprintf(stderr, "peta query: %s\n", e.what());
      return 2;
    }
  }

 private:
  std::string trend() const {
    const auto kind = period_kind_from_name(period_.empty() ? "bulan" : period_);
    if (!kind) throw query::QueryError("--periode: '" + period_ + "' (expected bulan, minggu or triwulan)");
    query::QueryModel model = source_.load();
    return query::trend_report(model, *kind, category_, lang_ == "en" ? "en" : "id");
  }

  std::string comparison() const {
    query::Params params = {{"format", format_.empty() ? "table" : format_}};
    if (!lang_.empty()) params.emplace_back("lang", lang_);
    if (!level_.empty()) params.emplace_back("level", level_);
    if (!top_.empty()) params.emplace_back("n", top_);
    const query::QuerySpec spec = query::parse_query_spec(params);
    query::QueryModel model = source_.load();
    const auto result = query::compare_periods(model, compare_[0], compare_[1], category_, spec.level);
    return query::format_period_comparison(result, model, spec.format, spec.lang, top_.empty() ? 0 : spec.top);
  }

  std::string ranking() const {
    const query::QuerySpec spec = query::parse_query_spec(params());
    query::QueryModel model = source_.load();
    if ((per_opd_ || list_) && spec.format == query::Format::geojson)
      throw query::QueryError("--per-opd/--temuan: give -f table, csv or json");
    if (per_opd_ && list_) throw query::QueryError("--per-opd and --temuan: give one of them");
    std::string text;
    if (per_opd_) text = query::format_result(query::overdue_per_opd(model, spec), model);
    else if (list_) text = query::format_result(query::finding_list(model, spec), model);
    else text = query::format_result(query::run_query(model, spec), model);
    // A date range without dated findings: said in the table, and on stderr for machine formats.
    if (const std::string note = query::empty_date_range_note(model, spec); !note.empty()) {
      if (spec.format == query::Format::table) text = note + "\n" + text;
      else std::fprintf(stderr, "peta query: %s\n", note.c_str());
    }
    return text;
  }

  // The options as the HTTP API's parameters.
  query::Params params() const {
    query::Params params;
    auto put = [&](const char* key, const std::string& value) {
      if (!value.empty()) params.emplace_back(key, value);
    };
    put("level", level_);
    put("category", category_);
    put("sort", sort_);
    put("n", top_);
    for (const auto& k : kecamatan_) put("kecamatan", k);
    for (const auto& f : filters_) put("filter", f);
    for (const auto& s : severity_) put("severity", s);
    for (const auto& s : status_) put("status", s);
    put("from", from_);
    put("to", to_);
    for (const auto& o : opd_) put("opd", o);
    if (overdue_) put("overdue", "true");
    put("as_of", as_of_);
    put("kind", kind_);
    put("significance", significance_);
    put("spot", spot_);
    put("statistic", statistic_);
    if (per_kecamatan_) put("per_kecamatan", "true");
    if (ascending_) put("order", "asc");
    put("format", format_.empty() ? "table" : format_);
    put("lang", lang_);
    return params;
  }

  int write(const std::string& text) const {
    if (out_.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      return 0;
    }
    std::ofstream file(out_, std::ios::binary);
    file << text;
    if (!file) throw Error("cannot write '" + out_ + "'");
    return 0;
  }

  ModelSource source_;
  std::string level_, category_, sort_, top_, from_, to_, significance_, spot_, statistic_, format_, lang_, out_;
  std::string as_of_, period_, kind_;
  std::vector<std::string> kecamatan_, severity_, status_, compare_, opd_, filters_;
  bool per_kecamatan_ = false, ascending_ = false, trend_ = false, overdue_ = false, per_opd_ = false, list_ = false;
};

}  // namespace

void add_query(CLI::App& app) { add_verb<QueryVerb>(app); }

}  // namespace peta::cli
