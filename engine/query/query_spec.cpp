#include "query/query_spec.hpp"

#include <cstring>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/date_text.hpp"

namespace peta::query {
namespace {

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void append_list(std::vector<std::string>& out, const std::string& value, const char* key, bool lower) {
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    std::string item = lower_trimmed(std::string_view(value).substr(start, comma - start));
    if (!lower) {  // keep the case of names, trim only
      std::string_view raw = std::string_view(value).substr(start, comma - start);
      while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.front()))) raw.remove_prefix(1);
      while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.back()))) raw.remove_suffix(1);
      item = std::string(raw);
    }
    if (item.empty()) throw QueryError(std::string(key) + ": empty item in '" + value + "'");
    if (out.size() >= 64) throw QueryError(std::string(key) + ": more than 64 values");
    out.push_back(std::move(item));
    start = comma + 1;
  }
}

bool boolean(const std::string& key, const std::string& v) {
  std::string s = lower_trimmed(v);
  if (s == "1" || s == "true" || s == "ya" || s == "yes" || s.empty()) return true;
  if (s == "0" || s == "false" || s == "tidak" || s == "no") return false;
  throw QueryError(key + ": expected true or false, got '" + v + "'");
}

int date(const std::string& key, const std::string& v) {
  auto d = parse_date(v);
  if (!d) throw QueryError(key + ": expected a date like 2024-03-31, got '" + v + "'");
  return *d;
}

std::size_t row_count(const std::string& v, const SpecLimits& limits) {
  std::string s = lower_trimmed(v);
  if (s == "all" || s == "semua") return 0;
  if (s == "0") throw QueryError("n: 0 rows asked; give a positive whole number, or 'all' for every row");
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size() || n == 0)
    throw QueryError("n: expected a positive whole number or 'all', got '" + v + "'");
  if (n > limits.max_rows) throw QueryError("n: at most " + std::to_string(limits.max_rows) + " rows, got " + v);
  return n;
}

int significance(const std::string& v) {
  std::string s = lower_trimmed(v);
  if (!s.empty() && s.back() == '%') s.pop_back();
  if (s == "90" || s == "0.9" || s == "0.90" || s == "0.1" || s == "0.10") return 90;
  if (s == "95" || s == "0.95" || s == "0.05") return 95;
  if (s == "99" || s == "0.99" || s == "0.01") return 99;
  if (s == "0" || s == "none" || s == "tidak") return 0;
  throw QueryError("significance: expected 90, 95 or 99 (%), got '" + v + "'");
}

// A field name for `sort`: letters, digits and '_' only (it is looked up in the layer, never evaluated).
std::string sort_key(const std::string& v) {
  std::string s = lower_trimmed(v);
  if (s == "jumlah" || s == "n") return "count";
  if (s == "laju" || s == "kepadatan") return "rate";
  if (s == "prioritas" || s == "skor") return "priority";
  if (s == "gi" || s == "gi*" || s == "giz") return "gi_z";
  if (s.empty() || s.size() > 64 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
    throw QueryError("sort: expected count, rate, gi_z, priority or a numeric field name, got '" + v + "'");
  return s;
}

std::string category_code(const std::string& v) {
  std::string s = lower_trimmed(v);
  if (s == "all" || s == "semua" || s == "total") return "";
  if (s.size() > 64 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
    throw QueryError("category: expected a category code (e.g. jalan_rusak) or 'all', got '" + v + "'");
  return s;
}

// "field=value", "field>=3", ...: the field name as sort_key checks it, the value kept as given (trimmed).
FieldCondition field_condition(const std::string& v) {
  static const std::pair<const char*, FieldCondition::Op> ops[] = {{">=", FieldCondition::Op::ge}, {"<=", FieldCondition::Op::le},
                                                                   {"!=", FieldCondition::Op::ne}, {"=", FieldCondition::Op::eq},
                                                                   {">", FieldCondition::Op::gt},  {"<", FieldCondition::Op::lt}};
  std::size_t at = std::string::npos, length = 0;
  FieldCondition c;
  for (const auto& [text, op] : ops) {
    const std::size_t p = v.find(text);
    if (p != std::string::npos && (at == std::string::npos || p < at)) at = p, length = std::strlen(text), c.op = op;
  }
  if (at == std::string::npos || at == 0)
    throw QueryError("filter: expected field=value (or !=, <, <=, >, >=), e.g. status_idm=Tertinggal, got '" + v + "'");
  c.field = lower_trimmed(v.substr(0, at));
  if (c.field.size() > 64 ||
      !std::all_of(c.field.begin(), c.field.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; }))
    throw QueryError("filter: '" + v.substr(0, at) + "' is no field name (letters, digits and _)");
  std::string value = v.substr(at + length);
  const auto a = value.find_first_not_of(' '), b = value.find_last_not_of(' ');
  value = a == std::string::npos ? "" : value.substr(a, b - a + 1);
  c.values.push_back(value);
  if (c.op == FieldCondition::Op::eq && value.find(',') != std::string::npos) {
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = value.find(',', start);
      std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      const auto i = item.find_first_not_of(' '), j = item.find_last_not_of(' ');
      c.values.push_back(i == std::string::npos ? "" : item.substr(i, j - i + 1));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return c;
}

void check_size(const Params& params, const SpecLimits& limits) {
  if (params.size() > limits.max_params)
    throw QueryError("too many parameters (" + std::to_string(params.size()) + ", at most " +
                     std::to_string(limits.max_params) + ")");
  for (const auto& [k, v] : params)
    if (v.size() > limits.max_value_length)
      throw QueryError(k.substr(0, 32) + ": value longer than " + std::to_string(limits.max_value_length) + " characters");
}

bool read_filter_key(const std::string& key, const std::string& value, FindingFilter& f, std::string* lang) {
  if (key == "severity" || key == "tingkat") append_list(f.severity, value, "severity", true);
  else if (key == "status") append_list(f.status, value, "status", true);
  else if (key == "from" || key == "dari") f.date_from = date("from", value);
  else if (key == "to" || key == "sampai") f.date_to = date("to", value);
  else if (key == "opd") append_list(f.opd, value, "opd", false);  // names keep their case (titles); compared folded
  else if (key == "overdue" || key == "lewat_target") f.overdue = boolean("overdue", value);
  else if (key == "as_of" || key == "per_tanggal") f.as_of = date("as_of", value);
  else if (key == "kind" || key == "jenis") {
    f.kind = lower_trimmed(value);
    if (f.kind == "semua" || f.kind == "all") f.kind.clear();
    if (!f.kind.empty() && f.kind != "titik" && f.kind != "ruas")
      throw QueryError("jenis: expected titik (points), ruas (line segments) or semua, got '" + value + "'");
  }
  else if (key == "lang" || key == "bahasa") {
    std::string l = lower_trimmed(value);
    if (l != "id" && l != "en") throw QueryError("lang: expected id or en, got '" + value + "'");
    if (lang) *lang = l;
  } else return false;
  return true;
}

void check_dates(const FindingFilter& f) {
  if (f.date_from && f.date_to && f.date_from > f.date_to)
    throw QueryError("from: " + format_date(f.date_from) + " is after to: " + format_date(f.date_to));
}

std::string printable(const std::string& key) {
  std::string out;
  for (char c : key.substr(0, 40)) out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  return out;
}

}  // namespace

QuerySpec parse_query_spec(const Params& params, const SpecLimits& limits) {
  check_size(params, limits);
  QuerySpec q;
  for (const auto& [key, value] : params) {
    if (read_filter_key(key, value, q.findings, &q.lang)) continue;
    if (key == "level" || key == "tingkat_wilayah") {
      std::string l = lower_trimmed(value);
      if (l == "desa" || l == "village") q.level = Level::desa;
      else if (l == "kecamatan" || l == "district") q.level = Level::kecamatan;
      else throw QueryError("level: expected desa or kecamatan, got '" + value + "'");
    } else if (key == "category" || key == "kategori") q.category = category_code(value);
    else if (key == "sort" || key == "urut") q.sort = sort_key(value);
    else if (key == "n" || key == "top") q.top = row_count(value, limits);
    else if (key == "per_kecamatan") q.per_kecamatan = boolean(key, value);
    else if (key == "order" || key == "arah") {
      std::string o = lower_trimmed(value);
      if (o == "desc" || o == "turun") q.ascending = false;
      else if (o == "asc" || o == "naik") q.ascending = true;
      else throw QueryError("order: expected desc or asc, got '" + value + "'");
    } else if (key == "kecamatan") append_list(q.kecamatan, value, "kecamatan", false);
    else if (key == "filter" || key == "saring") q.conditions.push_back(field_condition(value));
    else if (key == "significance" || key == "signifikan") q.significance = significance(value);
    else if (key == "spot") {
      std::string s = lower_trimmed(value);
      if (s == "hot" || s == "panas") q.spot = Spot::hot;
      else if (s == "cold" || s == "dingin") q.spot = Spot::cold;
      else throw QueryError("spot: expected hot or cold, got '" + value + "'");
    } else if (key == "statistic" || key == "statistik") {
      std::string s = lower_trimmed(value);
      if (s == "gi" || s == "gi*") q.statistic = Statistic::gi;
      else if (s == "lisa" || s == "moran") q.statistic = Statistic::lisa;
      else throw QueryError("statistic: expected gi or lisa, got '" + value + "'");
    } else if (key == "format") {
      std::string f = lower_trimmed(value);
      if (f == "table" || f == "tabel") q.format = Format::table;
      else if (f == "csv") q.format = Format::csv;
      else if (f == "json") q.format = Format::json;
      else if (f == "geojson") q.format = Format::geojson;
      else throw QueryError("format: expected table, csv, json or geojson, got '" + value + "'");
    } else {
      throw QueryError("unknown parameter '" + printable(key) +
                       "' (expected level, category, sort, n, per_kecamatan, order, kecamatan, filter, severity, status, "
                       "from, to, opd, overdue, as_of, significance, spot, statistic, lang, format)");
    }
  }
  check_dates(q.findings);
  return q;
}

FindingFilter parse_finding_filter(const Params& params, const SpecLimits& limits, std::string* lang) {
  check_size(params, limits);
  FindingFilter f;
  for (const auto& [key, value] : params)
    if (!read_filter_key(key, value, f, lang))
      throw QueryError("unknown parameter '" + printable(key) + "' (expected severity, status, from, to, opd, overdue, as_of, lang)");
  check_dates(f);
  return f;
}

const char* to_string(Level level) { return level == Level::desa ? "desa" : "kecamatan"; }
const char* to_string(Format f) {
  switch (f) {
    case Format::table: return "table";
    case Format::csv: return "csv";
    case Format::json: return "json";
    case Format::geojson: return "geojson";
  }
  return "json";
}

}  // namespace peta::query
