#include "query/store_query.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "core/layer_fields.hpp"
#include "output/class_breaks.hpp"
#include "core/date_text.hpp"
#include "store/finding_status.hpp"
#include "store/store_aggregates.hpp"

namespace peta::query {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

Cell text_or_null(const std::string& s) { return s.empty() ? Cell{} : Cell{s}; }

// The category index a spec names (nullopt: all), as run_query reads it.
std::optional<std::size_t> spec_category(const QueryModel& m, const QuerySpec& spec) {
  if (spec.category.empty()) return std::nullopt;
  auto c = m.category(spec.category);
  if (!c) {
    std::string codes;
    for (const auto& cat : m.categories) codes += (codes.empty() ? "" : ", ") + cat.code;
    throw QueryError("category: unknown '" + spec.category + "' (codes: " + codes + ", or all)");
  }
  return c;
}

// Kecamatan codes (digits only) a spec restricts to; empty: every kecamatan.
std::set<std::string> spec_kecamatan(const QueryModel& m, const QuerySpec& spec) {
  std::set<std::string> out;
  for (auto k : resolve_kecamatan(m, spec.kecamatan)) out.insert(code_digits(m.kecamatan.kode[k]));
  return out;
}

void add_column(QueryResult& r, std::string name, std::string id, std::string en, bool numeric, int decimals = 0) {
  r.columns.push_back({std::move(name), std::move(id), std::move(en), numeric, decimals});
}

std::string filter_words(const QuerySpec& spec, bool en) {
  std::string t;
  const auto& f = spec.findings;
  if (!spec.category.empty()) t += (en ? " · category " : " · kategori ") + spec.category;
  for (std::size_t i = 0; i < spec.kecamatan.size(); ++i) t += (i ? ", " : " · Kec. ") + spec.kecamatan[i];
  if (!f.status.empty()) t += " · status " + joined(f.status);
  if (!f.opd.empty()) t += " · OPD " + joined(f.opd);
  if (!f.severity.empty()) t += (en ? " · severity " : " · tingkat ") + joined(f.severity);
  if (f.date_from) t += (en ? " · from " : " · dari ") + format_date(f.date_from);
  if (f.date_to) t += (en ? " · to " : " · sampai ") + format_date(f.date_to);
  return t;
}

}  // namespace

void require_store(const QueryModel& m, const std::string& what) {
  if (!m.store)
    throw QueryError("proyek ini tidak punya store: " + what +
                     " dihitung dari store temuan (kunci \"store\" di berkas proyek, lalu peta import)");
}

StoreFilter::StoreFilter(const StoreTable& table, const FindingFilter& filter) : t_(table), f_(filter) {
  for (const auto& s : filter.status)
    if (!store::is_status(s))
      throw QueryError("status: '" + s + "' is not a status of the store (" + joined(store::all_statuses()) + ")");
  opd_.assign(table.opd_names.size(), false);
  for (const auto& name : filter.opd) {
    bool found = false;
    for (std::size_t i = 0; i < table.opd_names.size(); ++i)
      if (lower(table.opd_names[i]) == lower(name)) opd_[i] = found = true;
    if (!found) throw QueryError("opd: no category answers to '" + name + "' (OPD: " + joined(table.opd_names) + ")");
  }
  as_of_ = filter.as_of ? day_of(filter.as_of) : table.today;
  if (as_of_ == INT_MIN) throw QueryError("as_of: not a date the store can use");
}

std::optional<int> StoreFilter::days_late(const StoreRow& row) const {
  if (!store::is_open_status(t_.status_on(row, as_of_)) || !row.has_due()) return std::nullopt;
  return as_of_ - row.due_day();
}

bool StoreFilter::operator()(const StoreRow& row) const {
  if (row.start_day != INT_MIN && row.start_day > as_of_) return false;  // not seen yet on that day
  const std::string& status = t_.status_on(row, as_of_);  // the status it had on that day
  if (f_.status.empty() ? store::is_excluded_status(status)
                        : std::find(f_.status.begin(), f_.status.end(), status) == f_.status.end())
    return false;
  if (!f_.opd.empty() && (row.opd < 0 || !opd_[static_cast<std::size_t>(row.opd)])) return false;
  if (f_.overdue) {
    auto late = days_late(row);
    if (!late || *late <= 0) return false;
  }
  if (!f_.severity.empty() && std::find(f_.severity.begin(), f_.severity.end(), row.severity) == f_.severity.end())
    return false;
  if (f_.date_from || f_.date_to) {
    if (!row.date || (f_.date_from && row.date < f_.date_from) || (f_.date_to && row.date > f_.date_to)) return false;
  }
  return true;
}

StoreCounts store_counts(const QueryModel& m, const FindingFilter& filter, const Deadline& deadline) {
  require_store(m, "saringan status/OPD/lewat target");
  const StoreTable& t = *m.store;
  StoreFilter pass(t, filter);
  const std::size_t C = m.categories.size(), columns = C + 1;
  auto empty = [&](std::size_t units) {
    return CountMatrix{units, columns, std::vector<double>(units * columns, 0.0),
                       std::vector<Hidden>(units * columns, Hidden::no)};
  };
  StoreCounts out{empty(m.desa.size()), empty(m.kecamatan.size())};
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if ((i & 0xFFFF) == 0) deadline.check();
    const StoreRow& row = t.rows[i];
    if (row.desa < 0 || !pass(row)) continue;
    const auto d = static_cast<std::size_t>(row.desa);
    if (row.category_index >= 0) out.desa.at(d, static_cast<std::size_t>(row.category_index)) += 1;
    // n_total leaves out what the public profile withholds, as the layers' n_total does.
    if (!(t.public_profile && row.sensitive)) out.desa.at(d, C) += 1;
  }
  std::vector<std::vector<std::size_t>> members(m.kecamatan.size());
  for (std::size_t d = 0; d < m.desa.size(); ++d)
    if (d < m.desa_kecamatan.size() && m.desa_kecamatan[d] >= 0) members[static_cast<std::size_t>(m.desa_kecamatan[d])].push_back(d);
  for (std::size_t k = 0; k < members.size(); ++k)
    for (auto d : members[k])
      for (std::size_t c = 0; c < columns; ++c) out.kecamatan.at(k, c) += out.desa.at(d, c);
  if (!t.public_profile) return out;

  // The public profile's withholding (aggregate/suppression.cpp), applied to these counts: it works on the
  // build's Boundaries and UnitCounts, which a query does not have, so the same two rules are restated here.
  const double k_min = t.k;
  for (std::size_t c = 0; c < C; ++c) {
    if (!m.categories[c].sensitive) continue;
    const CountMatrix raw = out.desa;
    for (std::size_t d = 0; d < m.desa.size(); ++d)
      if (raw.at(d, c) < k_min) out.desa.hide(d, c, Hidden::below_k);
    for (std::size_t kec = 0; kec < members.size(); ++kec) {
      const double total = out.kecamatan.at(kec, c);
      if (total < k_min) {
        out.kecamatan.hide(kec, c, Hidden::below_k);
        continue;
      }
      double withheld_sum = 0;
      std::size_t withheld = 0;
      for (auto d : members[kec])
        if (out.desa.hidden_at(d, c) != Hidden::no) ++withheld, withheld_sum += raw.at(d, c);
      if (withheld == 0 || (withheld >= 2 && withheld_sum >= k_min)) continue;
      std::optional<std::size_t> cover;
      for (auto d : members[kec])
        if (out.desa.hidden_at(d, c) == Hidden::no && (!cover || raw.at(d, c) < raw.at(*cover, c))) cover = d;
      if (cover) out.desa.hide(*cover, c, Hidden::complementary);
    }
  }
  return out;
}

QueryResult overdue_per_opd(const QueryModel& m, const QuerySpec& spec, std::size_t max_rows, const Deadline& deadline) {
  require_store(m, "--lewat-target --per-opd");
  const StoreTable& t = *m.store;
  FindingFilter filter = spec.findings;
  filter.overdue = false;  // n_terbuka counts every open finding; overdue_by_opd picks the overdue ones
  StoreFilter pass(t, filter);
  const auto category = spec_category(m, spec);
  const auto kecamatan = spec_kecamatan(m, spec);

  std::vector<store::StoredFinding> kept;
  // Per (OPD, kecamatan): open and overdue findings of sensitive categories, to withhold small numbers of them.
  std::map<std::pair<std::string, std::string>, std::pair<long long, long long>> sensitive;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if ((i & 0xFFFF) == 0) deadline.check();
    const StoreRow& row = t.rows[i];
    if (!pass(row)) continue;
    if (category && row.category_index != static_cast<int>(*category)) continue;
    if (!kecamatan.empty() && !kecamatan.count(code_digits(row.kecamatan_code))) continue;
    kept.push_back(t.stored(row, pass.as_of_day()));
    if (t.public_profile && row.sensitive && row.opd >= 0 && store::is_open_status(t.status_on(row, pass.as_of_day()))) {
      auto& s = sensitive[{t.opd_names[static_cast<std::size_t>(row.opd)], row.kecamatan_code}];
      ++s.first;
      if (auto late = pass.days_late(row); late && *late > 0) ++s.second;
    }
  }
  const auto table = store::overdue_by_opd(kept, day_text(pass.as_of_day()), t.opd);

  QueryResult r;
  r.spec = spec;
  r.privacy_k = t.k;
  r.row_noun_id = "baris OPD × kecamatan";
  r.row_noun_en = "OPD × district rows";
  r.sort_column = "opd";
  r.rate_basis = "";
  add_column(r, "opd", "OPD", "Department (OPD)", false);
  add_column(r, layer_field::kode_kec, "Kode kec.", "District code", false);
  add_column(r, layer_field::nama_kec, "Kecamatan", "District", false);
  add_column(r, layer_field::n_terbuka, "Terbuka", "Open", true);
  add_column(r, layer_field::n_lewat_target, "Lewat target", "Overdue", true);
  add_column(r, "hari_lewat_maks", "Hari lewat maks.", "Max days overdue", true);
  bool any_hidden = false;
  std::vector<std::vector<Cell>> rows;
  for (const auto& row : table) {
    std::vector<Cell> cells;
    cells.emplace_back(row.opd);
    auto k = m.kecamatan.unit(row.kecamatan_code);  // the layer's spelling of the code (dotted)
    cells.emplace_back(k ? m.kecamatan.kode[*k] : row.kecamatan_code);
    cells.push_back(k ? Cell{m.kecamatan.nama[*k]} : Cell{});
    Cell open = static_cast<double>(row.n_terbuka), late = static_cast<double>(row.n_lewat_target),
         days = row.hari_lewat_maks;
    std::string why;
    if (auto s = sensitive.find({row.opd, row.kecamatan_code}); s != sensitive.end()) {
      const auto [s_open, s_late] = s->second;
      // The sensitive part of a count could be worked out from the other categories' findings: withheld below k.
      if (s_open > 0 && s_open < t.k) open = Cell{}, why = "< " + std::to_string(t.k);
      if (s_late > 0 && s_late < t.k) late = Cell{}, days = Cell{}, why = "< " + std::to_string(t.k);
    }
    if (!why.empty()) {
      any_hidden = true;
      ++r.withheld;
    }
    cells.push_back(open);
    cells.push_back(late);
    cells.push_back(days);
    cells.emplace_back(why);
    rows.push_back(std::move(cells));
  }
  if (any_hidden) add_column(r, "n_keterangan", "Keterangan", "Note", false);
  for (auto& cells : rows) {
    if (!any_hidden) cells.pop_back();
    else if (std::get<std::string>(cells.back()).empty()) cells.back() = Cell{};
    r.rows.push_back(std::move(cells));
  }
  r.matched = r.rows.size();
  if (r.rows.size() > max_rows) {
    r.rows.resize(max_rows);
    r.truncated = true;
  }
  const std::string date = day_text(pass.as_of_day());
  r.title_id = "Temuan lewat target per OPD dan kecamatan, per " + date + filter_words(spec, false);
  r.title_en = "Overdue findings per department (OPD) and district, as of " + date + filter_words(spec, true);
  if (r.withheld) {
    r.notes_id.push_back(std::to_string(r.withheld) + " baris dengan angka disembunyikan (privasi: temuan kategori sensitif di bawah k = " +
                         std::to_string(t.k) + "); bukan 0");
    r.notes_en.push_back(std::to_string(r.withheld) + " rows with numbers withheld (privacy: sensitive findings below k = " +
                         std::to_string(t.k) + "); never 0");
  }
  return r;
}

QueryResult finding_list(const QueryModel& m, const QuerySpec& spec, std::size_t max_rows, const Deadline& deadline) {
  require_store(m, "--temuan");
  const StoreTable& t = *m.store;
  StoreFilter pass(t, spec.findings);
  const auto category = spec_category(m, spec);
  const auto kecamatan = spec_kecamatan(m, spec);
  std::vector<const StoreRow*> kept;
  std::size_t left_out = 0;
  // Points and segments (`jenis`: titik, ruas, or both), one list.
  const std::string& kind = spec.findings.kind;
  const std::size_t points = kind == "ruas" ? 0 : t.rows.size(), all = points + (kind == "titik" ? 0 : t.segments.size());
  for (std::size_t i = 0; i < all; ++i) {
    if ((i & 0xFFFF) == 0) deadline.check();
    const StoreRow& row = i < points ? t.rows[i] : t.segments[i - points];
    if (!pass(row)) continue;
    if (category && row.category_index != static_cast<int>(*category)) continue;
    if (!kecamatan.empty() && !kecamatan.count(code_digits(row.kecamatan_code))) continue;
    if (t.public_profile && row.sensitive) {  // never one by one in the public profile
      ++left_out;
      continue;
    }
    kept.push_back(&row);
  }
  auto late_of = [&](const StoreRow* row) { return pass.days_late(*row); };
  std::stable_sort(kept.begin(), kept.end(), [&](const StoreRow* a, const StoreRow* b) {
    const auto la = late_of(a), lb = late_of(b);
    if (la.has_value() != lb.has_value()) return la.has_value();
    if (la && *la != *lb) return *la > *lb;
    if (a->start_day != b->start_day) return a->start_day < b->start_day;
    return a->id < b->id;
  });

  QueryResult r;
  r.spec = spec;
  r.privacy_k = t.k;
  r.row_noun_id = "temuan";
  r.row_noun_en = "findings";
  r.sort_column = "hari_lewat";
  add_column(r, "id", "Id", "Id", false);
  add_column(r, "kategori", "Kategori", "Category", false);
  add_column(r, "kode_desa", "Kode desa", "Village code", false);
  add_column(r, "desa", "Desa", "Village", false);
  add_column(r, "kecamatan", "Kecamatan", "District", false);
  add_column(r, "status", "Status", "Status", false);
  add_column(r, "opd", "OPD", "Department (OPD)", false);
  add_column(r, "pertama_dilihat", "Pertama dilihat", "First seen", false);
  add_column(r, "tenggat", "Tenggat", "Due", false);
  add_column(r, "hari_lewat", "Hari lewat", "Days overdue", true);
  add_column(r, "jenis", "Jenis", "Kind", false);
  add_column(r, "panjang_m", "Panjang (m)", "Length (m)", true);
  r.matched = kept.size();
  const std::size_t top = std::min(spec.top ? spec.top : kept.size(), max_rows);
  for (std::size_t i = 0; i < kept.size() && i < top; ++i) {
    const StoreRow& row = *kept[i];
    std::vector<Cell> cells;
    cells.emplace_back(row.id);
    cells.emplace_back(row.category);
    cells.push_back(row.desa >= 0 ? Cell{m.desa.kode[static_cast<std::size_t>(row.desa)]} : text_or_null(row.desa_code));
    cells.push_back(row.desa >= 0 ? Cell{m.desa.nama[static_cast<std::size_t>(row.desa)]} : Cell{});
    cells.push_back(row.desa >= 0 ? Cell{m.desa.nama_kec[static_cast<std::size_t>(row.desa)]} : Cell{});
    cells.emplace_back(t.status_on(row, pass.as_of_day()));
    cells.push_back(row.opd >= 0 ? Cell{t.opd_names[static_cast<std::size_t>(row.opd)]} : Cell{});
    cells.push_back(row.start_day != INT_MIN ? Cell{day_text(row.start_day)} : Cell{});
    cells.push_back(row.has_due() ? Cell{day_text(row.due_day())} : Cell{});
    const auto late = late_of(&row);
    cells.push_back(late ? Cell{static_cast<double>(std::max(0, *late))} : Cell{});
    cells.emplace_back(std::string(row.segment ? "ruas" : "titik"));
    cells.push_back(row.segment ? Cell{row.length_m} : Cell{});
    r.rows.push_back(std::move(cells));
  }
  r.truncated = kept.size() > top && top == max_rows;
  const std::string date = day_text(pass.as_of_day());
  const bool overdue = spec.findings.overdue;
  r.title_id = std::string(overdue ? "Temuan lewat target" : "Temuan") + ", per " + date + filter_words(spec, false);
  r.title_en = std::string(overdue ? "Overdue findings" : "Findings") + ", as of " + date + filter_words(spec, true);
  if (left_out) {
    r.notes_id.push_back(std::to_string(left_out) +
                         " temuan kategori sensitif tidak dicantumkan satu per satu (profil publik; hanya jumlah per desa)");
    r.notes_en.push_back(std::to_string(left_out) +
                         " findings of sensitive categories not listed one by one (public profile; counts per village only)");
  }
  return r;
}

nlohmann::json status_view(const QueryModel& m, const QuerySpec& spec, const Deadline& deadline) {
  require_store(m, "tampilan status");
  const StoreTable& t = *m.store;
  FindingFilter filter;
  filter.opd = spec.findings.opd;
  filter.as_of = spec.findings.as_of;
  StoreFilter pass(t, filter);
  const auto category = spec_category(m, spec);
  std::vector<store::StoredFinding> kept;
  std::set<std::string> left_out;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if ((i & 0xFFFF) == 0) deadline.check();
    const StoreRow& row = t.rows[i];
    if (row.desa < 0 || !pass(row)) continue;
    if (category && row.category_index != static_cast<int>(*category)) continue;
    if (t.public_profile && row.sensitive) {
      left_out.insert(row.category);
      continue;
    }
    kept.push_back(t.stored(row, pass.as_of_day()));
  }
  if (t.public_profile)
    for (const auto& c : m.categories)
      if (c.sensitive) left_out.insert(c.code);
  const std::string as_of = day_text(pass.as_of_day());
  const auto aggregates = store::aggregate_status(kept, as_of, t.opd);
  nlohmann::json desa = nlohmann::json::object();
  std::map<std::string, std::vector<double>> values;
  for (std::size_t d = 0; d < m.desa.size(); ++d) {
    store::StatusCounts c;
    auto it = aggregates.desa.find(code_digits(m.desa.kode[d]));
    if (it == aggregates.desa.end()) it = aggregates.desa.find(m.desa.kode[d]);
    if (it != aggregates.desa.end()) c = it->second;
    const bool any = c.n_terbuka + c.n_selesai > 0;
    desa[m.desa.kode[d]] = {{layer_field::n_terbuka, c.n_terbuka},
                            {layer_field::n_selesai, c.n_selesai},
                            {layer_field::persen_selesai, any ? nlohmann::json(c.persen_selesai) : nlohmann::json(nullptr)},
                            {layer_field::umur_median_hari, c.n_terbuka ? nlohmann::json(c.umur_median_hari) : nlohmann::json(nullptr)},
                            {layer_field::n_lewat_target, c.n_lewat_target}};
    values[layer_field::n_terbuka].push_back(static_cast<double>(c.n_terbuka));
    values[layer_field::n_selesai].push_back(static_cast<double>(c.n_selesai));
    values[layer_field::n_lewat_target].push_back(static_cast<double>(c.n_lewat_target));
    if (any) values[layer_field::persen_selesai].push_back(c.persen_selesai);
  }
  nlohmann::json measures = nlohmann::json::object();
  for (const auto& [name, v] : values) {
    const auto classes = name == layer_field::persen_selesai ? rate_classes(v, 5, 0) : count_classes(v);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : classes) list.push_back({{"lower", c.lower}, {"upper", c.upper}, {"label", c.label}});
    measures[name] = {{"classes", std::move(list)}};
  }
  return {{"as_of", as_of},
          {"category", spec.category.empty() ? nlohmann::json("all") : nlohmann::json(spec.category)},
          {"leaves_out", std::vector<std::string>(left_out.begin(), left_out.end())},
          {"n_temuan", kept.size()},
          {"measures", std::move(measures)},
          {"desa", std::move(desa)}};
}

}  // namespace peta::query
