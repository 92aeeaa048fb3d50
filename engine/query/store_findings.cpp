#include "query/store_findings.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "core/date_text.hpp"
#include "query/query_model.hpp"
#include "store/finding_store.hpp"
#include "store/store_aggregates.hpp"
#include "store/store_dates.hpp"

namespace peta::query {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trimmed_lower(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return lower(s.substr(a, b - a));
}

int day_or_unknown(const std::string& text) {
  auto d = store::day_number(text);
  return d ? *d : INT_MIN;
}

// The source values a finding may show: its severity, and a note from a column the project publishes.
void read_values(const std::string& values_json, const std::set<std::string>& published, bool sensitive, StoreRow& row) {
  if (values_json.empty()) return;
  const auto values = nlohmann::json::parse(values_json, nullptr, false);
  if (!values.is_object()) return;
  auto value_of = [&](std::initializer_list<const char*> names, bool must_be_published) -> std::string {
    for (const char* name : names)
      for (const auto& [key, v] : values.items())
        if (lower(key) == name && v.is_string() && (!must_be_published || published.count(name)))
          return v.get<std::string>();
    return "";
  };
  row.severity = trimmed_lower(value_of({"tingkat", "severity", "keparahan", "tingkat_keparahan"}, false));
  // Notes of sensitive categories may name a child or a household: never shown.
  if (!sensitive) row.note = value_of({"keterangan", "deskripsi", "description", "catatan"}, true);
}

}  // namespace

int day_of(int yyyymmdd) { return day_or_unknown(format_date(yyyymmdd)); }

std::string day_text(int day) { return store::date_text(day); }

int yyyymmdd_of(int day) {
  auto d = parse_date(store::date_text(day));
  return d ? *d : 0;
}

const StoreRow* StoreTable::find(const std::string& id) const {
  auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : &rows[it->second];
}

const std::string& StoreTable::status_on(const StoreRow& row, int day) const {
  if (row.history < 0 || row.last_change <= day) return row.status;  // no change after the day
  const auto& steps = histories[static_cast<std::size_t>(row.history)];
  for (const auto& step : steps)
    if (step.day > day) return step.from;  // store::status_on, without copying the status
  return row.status;
}

store::StoredFinding StoreTable::stored(const StoreRow& row, int day) const {
  store::StoredFinding f;
  f.id = row.id;
  f.category = row.category;
  f.status = status_on(row, day);
  f.desa_code = row.desa_code;
  f.kecamatan_code = row.kecamatan_code;
  if (row.start_day != INT_MIN) f.first_seen = store::date_text(row.start_day);
  return f;
}

std::shared_ptr<const StoreTable> read_store_table(const std::vector<store::StoredFinding>& findings,
                                                   const QueryModel& model, const StoreReadOptions& options,
                                                   const store::StatusTimeline& timeline) {
  auto table = std::make_shared<StoreTable>();
  table->public_profile = options.public_profile;
  table->k = options.k;
  table->opd = options.opd;
  const std::string today = options.today.empty() ? store::today_utc() : options.today;
  table->today = day_or_unknown(today);
  std::set<std::string> published;
  for (const auto& c : options.published_columns) published.insert(lower(c));
  std::set<std::string> opd_names;
  for (const auto& [category, target] : options.opd.entries()) opd_names.insert(target.opd);
  for (const auto& f : findings)
    if (!options.opd.find(f.category) && !f.opd.empty()) opd_names.insert(f.opd);
  table->opd_names.assign(opd_names.begin(), opd_names.end());
  auto opd_index = [&](const std::string& name) {
    auto it = std::lower_bound(table->opd_names.begin(), table->opd_names.end(), name);
    return it != table->opd_names.end() && *it == name ? static_cast<int>(it - table->opd_names.begin()) : -1;
  };

  table->rows.reserve(findings.size());
  for (const auto& f : findings) {
    StoreRow row;
    row.id = f.id;
    row.category = f.category;
    if (auto c = model.category(f.category)) {
      row.category_index = static_cast<int>(*c);
      row.sensitive = model.categories[*c].sensitive;
    }
    if (auto d = model.desa.unit(f.desa_code)) row.desa = static_cast<std::int32_t>(*d);
    row.desa_code = f.desa_code;
    row.kecamatan_code = f.kecamatan_code;
    row.status = f.status;
    if (auto d = parse_date(f.date)) row.date = *d;
    // The store's one clock (store_aggregates.hpp), as the build's layers count it.
    row.start_day = store::start_day(f).value_or(INT_MIN);
    row.due = store::due_day(f, options.opd).value_or(INT_MIN);
    row.status_day = day_or_unknown(f.status_date);
    if (const auto* steps = timeline.steps(f.id)) {
      row.history = static_cast<int>(table->histories.size());
      table->histories.push_back(*steps);
      for (const auto& step : *steps) row.last_change = std::max(row.last_change, step.day);
    }
    if (auto target = options.opd.find(f.category)) {
      row.opd = opd_index(target->opd);
    } else if (!f.opd.empty()) {
      row.opd = opd_index(f.opd);  // an OPD recorded at import for a category the mapping no longer lists
    }
    read_values(f.values_json, published, row.sensitive, row);
    row.lon = f.lon;
    row.lat = f.lat;
    row.has_point = f.placed_by == "titik";
    row.segment = f.kind == store::FindingKind::line;
    row.length_m = f.length_m;
    (row.segment ? table->segments : table->rows).push_back(std::move(row));
  }
  std::sort(table->rows.begin(), table->rows.end(), [](const StoreRow& a, const StoreRow& b) { return a.id < b.id; });
  std::sort(table->segments.begin(), table->segments.end(), [](const StoreRow& a, const StoreRow& b) { return a.id < b.id; });
  for (std::size_t i = 0; i < table->rows.size(); ++i) table->by_id.emplace(table->rows[i].id, i);
  return table;
}

}  // namespace peta::query
