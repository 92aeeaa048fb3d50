#include "query/map_data.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "core/layer_fields.hpp"
#include "hotspots/emerging_hotspots.hpp"
#include "core/date_text.hpp"
#include "query/store_query.hpp"
#include "store/finding_status.hpp"
#include "query/unit_counts.hpp"

namespace peta::query {
namespace {

nlohmann::json number_or_null(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

bool has(const UnitTable& t, const std::string& name) { return t.field(name).has_value(); }

// The popup's severity counts and latest findings from the store (the sensitive categories' findings are never
// listed in the public profile; their notes never).
nlohmann::json with_store_findings(nlohmann::json j, const QueryModel& m, std::vector<const StoreRow*> rows,
                                   const std::string& lang, std::size_t latest) {
  const bool en = lang == "en";
  std::map<std::string, std::size_t> severity;
  for (auto* r : rows) ++severity[r->severity];
  nlohmann::json sev = nlohmann::json::array();
  for (const auto& [value, n] : severity)
    if (!value.empty()) sev.push_back({{"value", value}, {"n", n}});
  if (severity.count("")) sev.push_back({{"value", nullptr}, {"n", severity[""]}});
  j["severity"] = std::move(sev);
  std::erase_if(rows, [&](const StoreRow* r) { return r->sensitive && m.store->public_profile; });
  std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->date > b->date; });
  if (rows.size() > latest) rows.resize(latest);
  nlohmann::json items = nlohmann::json::array();
  for (auto* r : rows) {
    const Category* cat = r->category_index >= 0 ? &m.categories[static_cast<std::size_t>(r->category_index)] : nullptr;
    items.push_back({{"id", r->id},
                     {"tanggal", r->date ? nlohmann::json(format_date(r->date)) : nlohmann::json(nullptr)},
                     {"kategori", cat ? cat->code : "lainnya"},
                     {"label", cat ? (en ? cat->label_en : cat->label_id) : (en ? "Other" : "Lainnya")},
                     {"tingkat", r->severity.empty() ? nlohmann::json(nullptr) : nlohmann::json(r->severity)},
                     {"status", r->status},
                     {"keterangan", r->sensitive || r->note.empty() ? nlohmann::json(nullptr) : nlohmann::json(r->note)}});
  }
  j["latest"] = std::move(items);
  return j;
}

}  // namespace

nlohmann::json model_meta(const QueryModel& m) {
  nlohmann::json j;
  j[layer_field::n_desa] = m.desa.size();
  // The field names the page reads from the layers and answers (core/layer_fields.hpp), so it spells none itself.
  j["fields"] = {{"total", layer_field::n_total},         {"other", layer_field::n_lainnya},
                 {"kode_kec", layer_field::kode_kec},     {"terbuka", layer_field::n_terbuka},
                 {"selesai", layer_field::n_selesai},     {"lewat", layer_field::n_lewat_target},
                 {"persen", layer_field::persen_selesai}};
  j["n_kecamatan"] = m.kecamatan.size();
  j["n_temuan"] = m.findings.size();
  j["has_findings"] = m.has_findings;
  j["privacy_k"] = m.privacy_k;
  nlohmann::json categories = nlohmann::json::array();
  for (std::size_t c = 0; c < m.categories.size(); ++c) {
    const auto& cat = m.categories[c];
    categories.push_back({{"code", cat.code},
                          {"label_id", cat.label_id},
                          {"label_en", cat.label_en},
                          {"sensitive", cat.sensitive},
                          {"weight", m.weights[c]},
                          {"gi", has(m.desa, "gi_z_" + cat.code) && has(m.desa, "gi_bin_" + cat.code)},
                          {"lisa", has(m.desa, "lisa_p_" + cat.code) && has(m.desa, "lisa_q_" + cat.code)},
                          {"rate_field", has(m.desa, "rate_" + cat.code)},
                          {"withheld", has(m.desa, "s_" + cat.code)},  // the layers may withhold its counts
                          {"filterable", c < m.recountable.size() && m.recountable[c]},
                          {"tren", std::find(m.desa.trend_names.begin(), m.desa.trend_names.end(), "tren_" + cat.code) !=
                                       m.desa.trend_names.end()}});
  }
  j["categories"] = std::move(categories);
  j["total"] = {{"gi", has(m.desa, "gi_z_semua") && has(m.desa, "gi_bin_semua")},
                {"lisa", has(m.desa, "lisa_p_semua") && has(m.desa, "lisa_q_semua")},
                {"rate_field", has(m.desa, "rate_semua")}};
  nlohmann::json kecamatan = nlohmann::json::array();
  std::vector<std::size_t> order(m.kecamatan.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return m.kecamatan.nama[a] < m.kecamatan.nama[b]; });
  for (auto k : order) kecamatan.push_back({{"kode", m.kecamatan.kode[k]}, {"nama", m.kecamatan.nama[k]}});
  j["kecamatan"] = std::move(kecamatan);
  auto values = [](const std::vector<std::string>& dictionary) {
    return std::vector<std::string>(dictionary.begin() + 1, dictionary.end());
  };
  j["severity"] = values(m.findings.severity_values);
  j["status"] = values(m.findings.status_values);
  j["date_min"] = m.date_min ? nlohmann::json(format_date(m.date_min)) : nlohmann::json(nullptr);
  j["date_max"] = m.date_max ? nlohmann::json(format_date(m.date_max)) : nlohmann::json(nullptr);
  j["desa_fields"] = m.desa.numeric_names;
  // The emerging hot spot classes of the tren_<c> fields, in the QGIS style's legend order and colours.
  nlohmann::json trend = nlohmann::json::array();
  for (int c = 1; c <= kEmergingClassCount; ++c) {
    const auto k = static_cast<EmergingClass>(c % kEmergingClassCount);  // "no pattern" last, as in the style
    const EmergingColour rgb = emerging_class_colour(k);
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", rgb.r, rgb.g, rgb.b);
    trend.push_back({{"value", emerging_class_value(k)}, {"label_id", emerging_class_label_id(k)},
                     {"label_en", emerging_class_label_en(k)}, {"color", hex}});
  }
  j["trend_classes"] = std::move(trend);
  // The findings store: its statuses and OPDs are the values of the status and opd filters.
  if (m.store) {
    j["status"] = store::all_statuses();
    j["store"] = {{"n_temuan", m.store->rows.size()},
                  {"opd", m.store->opd_names},
                  {"today", day_text(m.store->today)},
                  {"public_profile", m.store->public_profile}};
  } else {
    j["store"] = nullptr;
  }
  return j;
}

std::string layer_geojson(const QueryModel& m, Level level) {
  const UnitTable& t = level == Level::desa ? m.desa : m.kecamatan;
  std::string out = "{\"type\":\"FeatureCollection\",\"name\":\"";
  out += level == Level::desa ? "desa" : "kecamatan";
  out += "\",\"features\":[";
  for (std::size_t u = 0; u < t.size(); ++u) {
    nlohmann::json p;
    p["kode"] = t.kode[u];
    p["nama"] = t.nama[u];
    if (level == Level::desa) {
      p["jenis"] = t.jenis[u];
      p[layer_field::kode_kec] = t.kode_kec[u];
      p[layer_field::nama_kec] = t.nama_kec[u];
    }
    for (std::size_t f = 0; f < t.numeric_names.size(); ++f) p[t.numeric_names[f]] = number_or_null(t.numeric[f][u]);
    for (std::size_t f = 0; f < t.trend_names.size(); ++f)
      p[t.trend_names[f]] = t.trend[f][u].empty() ? nlohmann::json(nullptr) : nlohmann::json(t.trend[f][u]);
    p["label_lon"] = number_or_null(t.label_lon[u]);
    p["label_lat"] = number_or_null(t.label_lat[u]);
    if (u) out += ",";
    out += "{\"type\":\"Feature\",\"properties\":" + p.dump() + ",\"geometry\":" + t.geometry_json[u] + "}";
  }
  return out + "]}\n";
}

nlohmann::json desa_summary(const QueryModel& m, const std::string& kode, const FindingFilter& filter,
                            const std::string& lang, std::size_t latest, const Deadline& deadline) {
  auto unit = m.desa.unit(kode);
  if (!unit || kode.size() > 32) throw QueryError("kode: no desa '" + kode.substr(0, 32) + "'");
  const std::size_t d = *unit;
  const bool en = lang == "en";
  // With a findings store, a filtered popup counts and lists the store's findings (as /api/query does).
  const bool from_store = m.store && filter.active();
  const std::vector<std::size_t> found = m.has_findings && !from_store
                                             ? matching_findings(m, filter, static_cast<long>(d), deadline)
                                             : std::vector<std::size_t>{};
  std::vector<const StoreRow*> stored;
  if (from_store) {
    StoreFilter pass(*m.store, filter);
    for (const auto& row : m.store->rows)
      if (row.desa == static_cast<std::int32_t>(d) && pass(row)) stored.push_back(&row);
  }
  nlohmann::json j;
  j["kode"] = m.desa.kode[d];
  j["nama"] = m.desa.nama[d];
  j["jenis"] = m.desa.jenis[d];
  j[layer_field::kode_kec] = m.desa.kode_kec[d];
  j[layer_field::nama_kec] = m.desa.nama_kec[d];
  j[layer_field::luas_km2] = number_or_null(m.desa.luas_km2[d]);
  j["filtered"] = filter.active();

  // Counts from the same CountMatrix rules as /api/query: a withheld or uncountable count is null with its
  // reason, never 0 (and never a NULL read as an integer).
  CountMatrix counts;
  if (!filter.active() || from_store) {
    counts = desa_counts(m, filter, deadline);
  } else {
    const std::size_t categories = m.categories.size();
    counts = CountMatrix{m.desa.size(), categories + 1, std::vector<double>(m.desa.size() * (categories + 1), 0.0),
                         std::vector<Hidden>(m.desa.size() * (categories + 1), Hidden::no)};
    for (auto i : found) {
      if (m.findings.category[i] >= 0) counts.at(d, static_cast<std::size_t>(m.findings.category[i])) += 1;
      counts.at(d, categories) += 1;
    }
    for (std::size_t c = 0; c < categories; ++c)
      if (c >= m.recountable.size() || !m.recountable[c]) counts.hide(d, c, Hidden::not_recountable);
  }
  auto count_json = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(std::llround(v)); };
  nlohmann::json per_category = nlohmann::json::array();
  nlohmann::json left_out = nlohmann::json::array();
  for (std::size_t c = 0; c < m.categories.size(); ++c) {
    const auto& cat = m.categories[c];
    const Hidden why = counts.hidden_at(d, c);
    nlohmann::json e = {{"code", cat.code}, {"label", en ? cat.label_en : cat.label_id}, {"n", count_json(counts.at(d, c))}};
    if (why != Hidden::no) {
      e["disembunyikan"] = static_cast<int>(why);
      e["n_keterangan"] = hidden_text(why, m.privacy_k, en);
    }
    if (auto bin = m.desa.field("gi_bin_" + cat.code)) e["gi_bin"] = number_or_null(m.desa.numeric[*bin][d]);
    if (auto z = m.desa.field("gi_z_" + cat.code)) e["gi_z"] = number_or_null(m.desa.numeric[*z][d]);
    per_category.push_back(std::move(e));
    // The total leaves out what the temuan layer does not hold (the public profile's sensitive categories).
    if (from_store ? m.store->public_profile && cat.sensitive : (c >= m.recountable.size() || !m.recountable[c]))
      left_out.push_back(cat.code);
  }
  j["categories"] = std::move(per_category);
  const double total = counts.at(d, counts.total_column());
  j[layer_field::n_total] = count_json(total);
  j["total_leaves_out"] = std::move(left_out);
  // Lainnya (findings of no known category) is counted directly, never derived as a difference.
  double other = 0;
  auto other_field = m.desa.field(layer_field::n_lainnya);
  if (!filter.active() && other_field) other = m.desa.numeric[*other_field][d];
  else if (from_store)
    for (auto* row : stored) other += row->category_index < 0 ? 1 : 0;
  else if (m.has_findings)
    for (auto i : found) other += m.findings.category[i] < 0 ? 1 : 0;
  else other = std::numeric_limits<double>::quiet_NaN();
  j[layer_field::n_lainnya] = count_json(other);

  const FindingTable& t = m.findings;
  std::vector<std::size_t> severity_count(t.severity_values.size(), 0);
  for (auto i : found) ++severity_count[t.severity[i]];
  nlohmann::json severity = nlohmann::json::array();
  for (std::size_t s = 1; s < severity_count.size(); ++s)
    if (severity_count[s]) severity.push_back({{"value", t.severity_values[s]}, {"n", severity_count[s]}});
  if (!severity_count.empty() && severity_count[0]) severity.push_back({{"value", nullptr}, {"n", severity_count[0]}});
  j["severity"] = std::move(severity);
  if (from_store) return with_store_findings(j, m, stored, lang, latest);

  std::vector<std::size_t> newest = found;
  std::stable_sort(newest.begin(), newest.end(), [&](auto a, auto b) { return t.date[a] > t.date[b]; });
  if (newest.size() > latest) newest.resize(latest);
  nlohmann::json items = nlohmann::json::array();
  for (auto i : newest) {
    const Category* cat = t.category[i] >= 0 ? &m.categories[static_cast<std::size_t>(t.category[i])] : nullptr;
    nlohmann::json e;
    e["id"] = t.id[i];
    e["tanggal"] = t.date[i] ? nlohmann::json(format_date(t.date[i])) : nlohmann::json(nullptr);
    e["kategori"] = cat ? cat->code : "lainnya";
    e["label"] = cat ? (en ? cat->label_en : cat->label_id) : (en ? "Other" : "Lainnya");
    e["tingkat"] = t.severity[i] ? nlohmann::json(t.severity_values[t.severity[i]]) : nlohmann::json(nullptr);
    if (!t.status_column.empty())
      e["status"] = t.status[i] ? nlohmann::json(t.status_values[t.status[i]]) : nlohmann::json(nullptr);
    // Notes about sensitive categories may name a child or a household: the map shows only their counts.
    e["keterangan"] = cat && cat->sensitive ? nlohmann::json(nullptr) : nlohmann::json(t.note[i]);
    items.push_back(std::move(e));
  }
  j["latest"] = std::move(items);
  return j;
}

}  // namespace peta::query
