#include "query/query_engine.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "core/layer_fields.hpp"
#include "core/date_text.hpp"
#include "query/priority_score.hpp"
#include "query/unit_counts.hpp"

namespace peta::query {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string folded(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string without_prefix(std::string s) {
  for (const char* p : {"kecamatan", "kec.", "kec"})
    if (s.rfind(p, 0) == 0 && s.size() > std::char_traits<char>::length(p)) return s.substr(std::char_traits<char>::length(p));
  return s;
}

std::string level_word(Level l, bool english) {
  if (l == Level::desa) return english ? "villages" : "desa";
  return english ? "districts" : "kecamatan";
}

struct Metrics {
  std::vector<double> count, rate, priority;
  const std::vector<double>* gi_z = nullptr;
  const std::vector<double>* gi_bin = nullptr;
  const std::vector<double>* sort_field = nullptr;  // a layer field asked for by name
};

// A number as a filter gives it: a decimal point or comma ("0,6"), nothing else.
std::optional<double> condition_number(std::string text) {
  std::replace(text.begin(), text.end(), ',', '.');
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A condition resolved against the unit table: which column it reads and how it tests a unit.
struct ResolvedCondition {
  const FieldCondition* condition = nullptr;
  std::string name;                          // the field's name in the layer
  const std::vector<double>* numbers = nullptr;
  const std::vector<std::string>* texts = nullptr;
  std::vector<double> targets;               // numeric operands
  std::vector<std::string> folded_targets;   // text operands, lower-case
};

ResolvedCondition resolve_condition(const UnitTable& t, const FieldCondition& c, const char* table_name) {
  ResolvedCondition r;
  r.condition = &c;
  std::optional<std::size_t> numeric = t.field(c.field);
  for (std::size_t i = 0; i < t.numeric_names.size() && !numeric; ++i)
    if (lower(t.numeric_names[i]) == c.field) numeric = i;
  if (numeric) {
    r.name = t.numeric_names[*numeric];
    r.numbers = &t.numeric[*numeric];
    if (auto whole = condition_number(c.values[0])) {
      r.targets.push_back(*whole);
      return r;
    }
    for (std::size_t i = c.values.size() > 1 ? 1 : 0; i < c.values.size(); ++i) {
      auto n = condition_number(c.values[i]);
      if (!n) throw QueryError("filter: " + r.name + " is a number, '" + c.values[i] + "' is not");
      r.targets.push_back(*n);
    }
    return r;
  }
  if (auto text = t.text_field(c.field)) {
    r.name = t.text_names[*text];
    r.texts = &t.text[*text];
  } else {
    for (std::size_t i = 0; i < t.trend_names.size() && !r.texts; ++i)
      if (lower(t.trend_names[i]) == c.field) r.name = t.trend_names[i], r.texts = &t.trend[i];
  }
  if (!r.texts) throw QueryError("filter: the " + std::string(table_name) + " layer has no field '" + c.field + "'");
  if (c.op != FieldCondition::Op::eq && c.op != FieldCondition::Op::ne)
    throw QueryError("filter: " + r.name + " is text: only = and != compare it");
  for (const auto& v : c.values) r.folded_targets.push_back(lower(v));
  return r;
}

bool holds(const ResolvedCondition& r, std::size_t u) {
  using Op = FieldCondition::Op;
  const Op op = r.condition->op;
  if (r.numbers) {
    const double v = (*r.numbers)[u];
    if (std::isnan(v)) return false;  // no value passes no condition
    switch (op) {
      case Op::eq: return std::find(r.targets.begin(), r.targets.end(), v) != r.targets.end();
      case Op::ne: return v != r.targets[0];
      case Op::lt: return v < r.targets[0];
      case Op::le: return v <= r.targets[0];
      case Op::gt: return v > r.targets[0];
      case Op::ge: return v >= r.targets[0];
    }
    return false;
  }
  const std::string v = lower((*r.texts)[u]);
  if (v.empty()) return false;
  const bool listed = std::find(r.folded_targets.begin(), r.folded_targets.end(), v) != r.folded_targets.end();
  return op == Op::eq ? listed : !listed;
}

}  // namespace

std::size_t QueryResult::column(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name) return i;
  return columns.size();
}

std::vector<std::size_t> resolve_kecamatan(const QueryModel& m, const std::vector<std::string>& names) {
  std::vector<std::size_t> out;
  for (const auto& name : names) {
    std::optional<std::size_t> hit = m.kecamatan.unit(name);
    if (!hit) {
      const std::string key = without_prefix(folded(name));
      for (std::size_t k = 0; k < m.kecamatan.size() && !hit; ++k)
        if (folded(m.kecamatan.nama[k]) == key) hit = k;
    }
    if (!hit) throw QueryError("kecamatan: no kecamatan '" + name + "' (give a code such as 35.13.01 or a name)");
    out.push_back(*hit);
  }
  return out;
}

QueryResult run_query(const QueryModel& m, const QuerySpec& spec, std::size_t max_rows, const Deadline& deadline) {
  const bool desa_level = spec.level == Level::desa;
  const UnitTable& table = desa_level ? m.desa : m.kecamatan;
  const char* table_name = desa_level ? "desa" : "kecamatan";
  if (spec.per_kecamatan && !desa_level) throw QueryError("per_kecamatan: only for level=desa");

  std::optional<std::size_t> category;
  if (!spec.category.empty()) {
    category = m.category(spec.category);
    if (!category) {
      std::string codes;
      for (const auto& c : m.categories) codes += (codes.empty() ? "" : ", ") + c.code;
      throw QueryError("category: unknown '" + spec.category + "' (codes: " + codes + ", or all)");
    }
  }
  const std::string suffix = category ? spec.category : "semua";  // the pipeline names "all categories" semua
  auto layer_field = [&](const std::string& name) -> const std::vector<double>* {
    auto f = table.field(name);
    return f ? &table.numeric[*f] : nullptr;
  };
  auto required_field = [&](const std::string& name, const char* why) -> const std::vector<double>& {
    if (auto* f = layer_field(name)) return *f;
    throw QueryError(std::string(why) + ": the " + table_name + " layer has no field '" + name +
                     "' (hotspot fields come with a build that computes them)");
  };

  CountMatrix counts = desa_counts(m, spec.findings, deadline);
  if (!desa_level) counts = kecamatan_counts(m, spec.findings, counts);
  const std::size_t column = category ? *category : counts.total_column();

  QueryResult r;
  r.spec = spec;
  Metrics x;
  x.count.resize(table.size());
  x.rate.resize(table.size());
  const std::vector<double>* rate_field = layer_field("rate_" + suffix);
  // The count the layer's rate was computed from (n_total for all categories: the layers have no n_semua).
  const std::vector<double>* layer_count = layer_field(category ? layer_field::count_of(spec.category) : std::string(layer_field::n_total));
  r.rate_basis = rate_field ? "rate_" + suffix : "per_km2";
  for (std::size_t u = 0; u < table.size(); ++u) {
    const double n = counts.at(u, column);
    x.count[u] = n;
    if (rate_field) {
      // rate_<c> is proportional to the count (per population); filtered findings scale it.
      const double full = layer_count ? (*layer_count)[u] : kNaN;
      const double v = (*rate_field)[u];
      x.rate[u] = !spec.findings.active() ? v : (n == 0 ? 0.0 : (full > 0 ? v * n / full : kNaN));
    } else {
      const double area = table.luas_km2[u];
      x.rate[u] = area > 0 ? n / area : kNaN;
    }
  }
  const std::vector<double> weights = effective_priority_weights(counts, m.weights);
  x.priority = priority_scores(counts, weights, (m.privacy_k - 1) / 2.0);
  for (std::size_t c = 0; c < m.categories.size() && c < weights.size(); ++c)
    if (weights[c] > 0) r.priority_categories.push_back(m.categories[c].code);
  r.privacy_k = m.privacy_k;
  bool any_hidden = false;
  for (std::size_t u = 0; u < table.size() && !any_hidden; ++u) any_hidden = counts.hidden_at(u, column) != Hidden::no;
  x.gi_z = layer_field("gi_z_" + suffix);
  x.gi_bin = layer_field("gi_bin_" + suffix);

  const std::vector<double>* sort_values = nullptr;
  std::string sort_column = spec.sort;
  if (spec.sort == "count") sort_values = &x.count, sort_column = "n";
  else if (spec.sort == "rate") sort_values = &x.rate, sort_column = "laju";
  else if (spec.sort == "priority") sort_values = &x.priority, sort_column = "prioritas";
  else if (spec.sort == "gi_z") sort_values = &required_field("gi_z_" + suffix, "sort gi_z"), sort_column = "gi_z";
  else {
    sort_values = x.sort_field = &required_field(spec.sort, "sort");
    if (spec.sort == "gi_z_" + suffix) x.sort_field = nullptr, sort_column = "gi_z";
  }
  r.sort_column = sort_column;

  // Unit filters.
  std::vector<bool> keep(table.size(), true);
  if (!spec.kecamatan.empty()) {
    std::vector<bool> wanted(m.kecamatan.size(), false);
    for (auto k : resolve_kecamatan(m, spec.kecamatan)) wanted[k] = true;
    for (std::size_t u = 0; u < table.size(); ++u) {
      const long k = desa_level ? m.desa_kecamatan[u] : static_cast<long>(u);
      keep[u] = k >= 0 && wanted[static_cast<std::size_t>(k)];
    }
  }
  if (spec.significance) {
    const int level = spec.significance == 99 ? 3 : spec.significance == 95 ? 2 : 1;
    const double alpha = spec.significance == 99 ? 0.01 : spec.significance == 95 ? 0.05 : 0.10;
    if (spec.statistic == Statistic::gi) {
      const auto& bin = required_field("gi_bin_" + suffix, "significance");
      for (std::size_t u = 0; u < table.size(); ++u)
        keep[u] = keep[u] && !std::isnan(bin[u]) && (spec.spot == Spot::hot ? bin[u] >= level : bin[u] <= -level);
    } else {
      const auto& p = required_field("lisa_p_" + suffix, "significance");
      const auto& q = required_field("lisa_q_" + suffix, "significance");
      const double quadrant = spec.spot == Spot::hot ? 1 : 3;  // HH or LL
      for (std::size_t u = 0; u < table.size(); ++u)
        keep[u] = keep[u] && !std::isnan(p[u]) && p[u] <= alpha && q[u] == quadrant;
    }
  }

  // Field conditions (filter=status_idm=Tertinggal, ...): every one must hold; a unit without a value fails.
  std::vector<ResolvedCondition> conditions;
  for (const auto& c : spec.conditions) conditions.push_back(resolve_condition(table, c, table_name));
  for (std::size_t u = 0; u < table.size(); ++u)
    for (const auto& c : conditions) keep[u] = keep[u] && holds(c, u);

  std::vector<std::size_t> order;
  for (std::size_t u = 0; u < table.size(); ++u)
    if (keep[u]) order.push_back(u);
  r.matched = order.size();
  for (auto u : order) {
    const Hidden why = counts.hidden_at(u, column);
    if (why == Hidden::below_k || why == Hidden::complementary) ++r.withheld;
    if (why == Hidden::not_recountable) ++r.not_countable;
  }
  const auto& v = *sort_values;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const bool na = std::isnan(v[a]), nb = std::isnan(v[b]);
    if (na != nb) return nb;  // missing values last
    if (!na && v[a] != v[b]) return spec.ascending ? v[a] < v[b] : v[a] > v[b];
    return table.kode[a] < table.kode[b];
  });

  // Classes for a map of the sort values, as the QGIS styles draw them (engine/output/class_breaks).
  // Only for an answer of every unit (n=all, what a map asks for): Jenks over 330 distinct rates costs more than
  // the rest of a top-10 query.
  if (spec.top == 0 && sort_column != "gi_z" && sort_column != "gi_bin") {
    std::vector<double> sorted_values;
    for (auto u : order) sorted_values.push_back(v[u]);
    r.classes = sort_column == "n" ? count_classes(sorted_values) : rate_classes(sorted_values, 5, sort_column == "prioritas" ? 1 : 2);
  }

  // Columns.
  auto add = [&](std::string name, std::string id, std::string en, bool numeric, int decimals) {
    r.columns.push_back({std::move(name), std::move(id), std::move(en), numeric, decimals});
  };
  add("peringkat", "Peringkat", "Rank", true, 0);
  if (spec.per_kecamatan) add("peringkat_kab", "Peringkat kab.", "Rank in regency", true, 0);
  add("kode", "Kode", "Code", false, 0);
  add("nama", desa_level ? "Desa" : "Kecamatan", desa_level ? "Village" : "District", false, 0);
  if (desa_level) {
    add(layer_field::kode_kec, "Kode kec.", "District code", false, 0);
    add(layer_field::nama_kec, "Kecamatan", "District", false, 0);
  }
  add("n", "Jumlah", "Count", true, 0);
  if (any_hidden) {  // why a count is not shown: 1 below k, 2 withheld as a complement, 3 not countable under the filter
    add("disembunyikan", "Disembunyikan", "Withheld", true, 0);
    add("n_keterangan", "Keterangan jumlah", "Count note", false, 0);
  }
  add("laju", r.rate_basis == "per_km2" ? "Per km²" : "Laju", r.rate_basis == "per_km2" ? "Per km²" : "Rate", true, 2);
  add("prioritas", "Prioritas", "Priority", true, 1);
  if (x.gi_z) add("gi_z", "Gi* z", "Gi* z", true, 2);
  if (x.gi_bin) add("gi_bin", "Kelas Gi*", "Gi* bin", true, 0);
  if (x.sort_field) add(spec.sort, spec.sort, spec.sort, true, 3);
  std::vector<const ResolvedCondition*> shown;  // each filtered field once, unless it is the sort field already
  for (const auto& c : conditions) {
    const bool seen = std::any_of(shown.begin(), shown.end(), [&](const ResolvedCondition* s) { return s->name == c.name; });
    if (seen || (x.sort_field && c.name == spec.sort)) continue;
    shown.push_back(&c);
    add(c.name, c.name, c.name, c.numbers != nullptr, c.numbers ? 3 : 0);
  }

  auto emit = [&](std::size_t u, std::size_t rank, std::size_t overall) {
    std::vector<Cell> row;
    row.emplace_back(static_cast<double>(rank));
    if (spec.per_kecamatan) row.emplace_back(static_cast<double>(overall));
    row.emplace_back(table.kode[u]);
    row.emplace_back(table.nama[u]);
    if (desa_level) {
      row.emplace_back(table.kode_kec[u]);
      row.emplace_back(table.nama_kec[u]);
    }
    auto number = [](double d) { return std::isnan(d) ? Cell{} : Cell{d}; };
    row.push_back(number(x.count[u]));
    if (any_hidden) {
      const Hidden why = counts.hidden_at(u, column);
      row.emplace_back(static_cast<double>(why));
      row.emplace_back(hidden_text(why, m.privacy_k, spec.lang == "en"));
    }
    row.push_back(number(x.rate[u]));
    row.push_back(number(x.priority[u]));
    if (x.gi_z) row.push_back(number((*x.gi_z)[u]));
    if (x.gi_bin) row.push_back(number((*x.gi_bin)[u]));
    if (x.sort_field) row.push_back(number((*x.sort_field)[u]));
    for (const auto* c : shown) {
      if (c->numbers) row.push_back(number((*c->numbers)[u]));
      else row.emplace_back((*c->texts)[u]);
    }
    r.rows.push_back(std::move(row));
    r.units.push_back(u);
  };
  const std::size_t top = spec.top ? spec.top : order.size();
  if (!spec.per_kecamatan) {
    for (std::size_t i = 0; i < order.size() && i < top; ++i) emit(order[i], i + 1, i + 1);
  } else {
    std::map<std::string, std::vector<std::size_t>> by_kecamatan;  // by kecamatan code: the camat's lists in code order
    std::map<std::size_t, std::size_t> overall;
    for (std::size_t i = 0; i < order.size(); ++i) {
      overall[order[i]] = i + 1;
      auto& list = by_kecamatan[m.desa.kode_kec[order[i]]];
      if (list.size() < top) list.push_back(order[i]);
    }
    for (const auto& [code, list] : by_kecamatan)
      for (std::size_t i = 0; i < list.size(); ++i) emit(list[i], i + 1, overall[list[i]]);
  }
  if (r.rows.size() > max_rows) {
    r.rows.resize(max_rows);
    r.units.resize(max_rows);
    r.truncated = true;
  }

  // The title: what was asked, in both languages.
  auto describe = [&](bool en) {
    std::string t;
    if (spec.top) t += std::to_string(spec.top) + " ";
    t += level_word(spec.level, en);
    t += en ? (spec.ascending ? " with the lowest " : " with the highest ") : (spec.ascending ? " terendah menurut " : " teratas menurut ");
    std::string what = sort_column == "n" ? (en ? "count" : "jumlah") : sort_column == "laju" ? (en ? "rate" : "laju")
                     : sort_column == "prioritas" ? (en ? "priority score" : "skor prioritas") : sort_column;
    t += what;
    const Category* c = category ? &m.categories[*category] : nullptr;
    t += ": " + (c ? (en ? c->label_en : c->label_id) : std::string(en ? "all categories" : "semua kategori"));
    if (spec.per_kecamatan) t += en ? ", per district" : ", per kecamatan";
    for (std::size_t i = 0; i < spec.kecamatan.size(); ++i) t += (i ? ", " : " · Kec. ") + spec.kecamatan[i];
    for (const auto& c : spec.conditions) {
      static const char* ops[] = {"=", "!=", "<", "<=", ">", ">="};
      t += " · " + c.field + ops[static_cast<int>(c.op)];
      t += c.values[0];
    }
    if (!spec.findings.severity.empty()) {
      t += en ? " · severity " : " · tingkat ";
      for (std::size_t i = 0; i < spec.findings.severity.size(); ++i) t += (i ? "," : "") + spec.findings.severity[i];
    }
    if (!spec.findings.status.empty()) {
      t += " · status ";
      for (std::size_t i = 0; i < spec.findings.status.size(); ++i) t += (i ? "," : "") + spec.findings.status[i];
    }
    for (std::size_t i = 0; i < spec.findings.opd.size(); ++i) t += (i ? "," : " · OPD ") + spec.findings.opd[i];
    if (spec.findings.overdue) t += en ? " · overdue" : " · lewat target";
    if (spec.findings.as_of && (spec.findings.overdue || !spec.findings.status.empty() || !spec.findings.opd.empty()))
      t += (en ? " as of " : " per ") + format_date(spec.findings.as_of);
    if (spec.findings.date_from) t += (en ? " · from " : " · dari ") + format_date(spec.findings.date_from);
    if (spec.findings.date_to) t += (en ? " · to " : " · sampai ") + format_date(spec.findings.date_to);
    if (spec.significance) {
      t += " · " + std::string(spec.spot == Spot::hot ? (en ? "hot spots " : "titik panas ") : (en ? "cold spots " : "titik dingin "));
      t += (spec.statistic == Statistic::gi ? "Gi* " : "LISA ") + std::to_string(spec.significance) + " %";
    }
    return t;
  };
  r.title_id = describe(false);
  r.title_en = describe(true);
  return r;
}

}  // namespace peta::query
