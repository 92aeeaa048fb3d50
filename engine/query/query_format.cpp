#include "query/query_format.hpp"

#include <cmath>
#include <cstdio>

namespace peta::query {
namespace {

std::string number_text(double v, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

std::string cell_text(const Cell& c, const Column& col) {
  if (std::holds_alternative<std::string>(c)) return std::get<std::string>(c);
  if (std::holds_alternative<double>(c)) return number_text(std::get<double>(c), col.decimals);
  return "";
}

// Width on a terminal: UTF-8 code points.
std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

nlohmann::json cell_json(const Cell& c, const Column& col) {
  if (std::holds_alternative<std::string>(c)) return std::get<std::string>(c);
  if (std::holds_alternative<double>(c)) {
    const double v = std::get<double>(c);
    if (col.decimals == 0 && std::abs(v) < 9e15) return static_cast<long long>(std::llround(v));
    return v;
  }
  return nullptr;
}

nlohmann::json row_object(const QueryResult& r, std::size_t i) {
  nlohmann::json o = nlohmann::json::object();
  for (std::size_t c = 0; c < r.columns.size(); ++c) o[r.columns[c].name] = cell_json(r.rows[i][c], r.columns[c]);
  return o;
}

}  // namespace

std::string format_table(const QueryResult& r, const std::string& lang) {
  const bool en = lang == "en";
  // The terminal shows a withheld count's note ("< 5") in the count column itself, not as two more columns.
  const std::size_t note = r.column("n_keterangan"), flag = r.column("disembunyikan"), count = r.column("n");
  std::vector<std::size_t> shown;
  for (std::size_t c = 0; c < r.columns.size(); ++c)
    if (c != note && c != flag) shown.push_back(c);
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> width;
  for (auto c : shown) width.push_back(display_width(en ? r.columns[c].label_en : r.columns[c].label_id));
  for (const auto& row : r.rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const std::size_t c = shown[i];
      std::string text = cell_text(row[c], r.columns[c]);
      if (c == count && note < r.columns.size() && std::holds_alternative<std::monostate>(row[c]))
        text = cell_text(row[note], r.columns[note]);
      line.push_back(std::move(text));
      width[i] = std::max(width[i], display_width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto pad = [&](const std::string& s, std::size_t i) {
    std::string fill(width[i] - display_width(s), ' ');
    return r.columns[shown[i]].numeric ? fill + s : s + fill;
  };
  std::string out = (en ? r.title_en : r.title_id) + "\n";
  std::string header, rule;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Column& col = r.columns[shown[i]];
    // Separators appended on their own: `(i ? "  " : "") + ...` trips GCC 12's -Wrestrict false positive
    // (GCC bug 105329), here and below.
    if (i) {
      header += "  ";
      rule += "  ";
    }
    header += pad(en ? col.label_en : col.label_id, i);
    rule += std::string(width[i], '-');
  }
  out += header + "\n" + rule + "\n";
  for (const auto& line : cells) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (i) text += "  ";
      text += pad(line[i], i);
    }
    out += text + "\n";
  }
  char tail[160];
  const std::string noun = !r.row_noun_id.empty() ? (en ? r.row_noun_en : r.row_noun_id)
                           : r.spec.level == Level::desa ? (en ? "villages" : "desa") : (en ? "districts" : "kecamatan");
  std::snprintf(tail, sizeof tail, en ? "%zu of %zu matching %s%s\n" : "%zu dari %zu %s yang cocok%s\n", r.rows.size(),
                r.matched, noun.c_str(),
                r.truncated ? (en ? " (cut at the row limit)" : " (dipotong pada batas baris)") : "");
  out += tail;
  if (r.withheld) {
    std::snprintf(tail, sizeof tail,
                  en ? "%zu counts withheld (privacy: below k = %d, or so that others cannot be worked out); never 0\n"
                     : "%zu jumlah disembunyikan (privasi: di bawah k = %d, atau agar yang lain tidak dapat dihitung); bukan 0\n",
                  r.withheld, r.privacy_k);
    out += tail;
  }
  if (r.not_countable) {
    std::snprintf(tail, sizeof tail,
                  en ? "%zu counts not available with a filter (the category's findings are not published as points)\n"
                     : "%zu jumlah tidak tersedia dengan saringan (temuan kategori ini tidak diterbitkan sebagai titik)\n",
                  r.not_countable);
    out += tail;
  }
  for (const auto& line : en ? r.notes_en : r.notes_id) out += line + "\n";
  if (r.rate_basis == "per_km2" && r.sort_column == "laju")
    out += en ? "Rate: findings per km² (no rate field in the layer)\n" : "Laju: temuan per km² (lapisan tanpa kolom laju)\n";
  return out;
}

std::string format_csv(const QueryResult& r) {
  std::string out;
  for (std::size_t c = 0; c < r.columns.size(); ++c) {
    if (c) out += ',';
    out += csv_field(r.columns[c].name);
  }
  out += "\n";
  for (const auto& row : r.rows) {
    for (std::size_t c = 0; c < r.columns.size(); ++c) {
      const Cell& cell = row[c];
      std::string text;
      if (std::holds_alternative<double>(cell)) {
        const double v = std::get<double>(cell);
        text = r.columns[c].decimals == 0 ? number_text(v, 0) : nlohmann::json(v).dump();
      } else {
        text = cell_text(cell, r.columns[c]);
      }
      if (c) out += ',';
      out += csv_field(text);
    }
    out += "\n";
  }
  return out;
}

nlohmann::json result_json(const QueryResult& r, const std::string& lang) {
  nlohmann::json j;
  j["title"] = lang == "en" ? r.title_en : r.title_id;
  j["level"] = to_string(r.spec.level);
  j["category"] = r.spec.category.empty() ? nlohmann::json("all") : nlohmann::json(r.spec.category);
  j["sort"] = r.sort_column;
  j["order"] = r.spec.ascending ? "asc" : "desc";
  j["rate_basis"] = r.rate_basis;
  j["matched"] = r.matched;
  j["returned"] = r.rows.size();
  j["truncated"] = r.truncated;
  j["withheld"] = r.withheld;
  j["not_countable"] = r.not_countable;
  j["privacy_k"] = r.privacy_k;
  j["priority_categories"] = r.priority_categories;
  if (!r.notes_id.empty()) j["notes"] = lang == "en" ? r.notes_en : r.notes_id;
  nlohmann::json classes = nlohmann::json::array();
  for (const auto& c : r.classes) classes.push_back({{"lower", c.lower}, {"upper", c.upper}, {"label", c.label}});
  j["classes"] = std::move(classes);
  nlohmann::json columns = nlohmann::json::array();
  for (const auto& c : r.columns)
    columns.push_back({{"name", c.name}, {"label", lang == "en" ? c.label_en : c.label_id}});
  j["columns"] = std::move(columns);
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < r.rows.size(); ++i) rows.push_back(row_object(r, i));
  j["rows"] = std::move(rows);
  return j;
}

std::string format_geojson(const QueryResult& r, const QueryModel& m) {
  const UnitTable& table = r.spec.level == Level::desa ? m.desa : m.kecamatan;
  std::string out = "{\"type\":\"FeatureCollection\",\"features\":[";
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    if (i) out += ",";
    out += "{\"type\":\"Feature\",\"properties\":" + row_object(r, i).dump() +
           ",\"geometry\":" + table.geometry_json[r.units[i]] + "}";
  }
  return out + "]}\n";
}

std::string format_result(const QueryResult& r, const QueryModel& m) {
  switch (r.spec.format) {
    case Format::table: return format_table(r, r.spec.lang);
    case Format::csv: return format_csv(r);
    case Format::geojson: return format_geojson(r, m);
    case Format::json: break;
  }
  return result_json(r, r.spec.lang).dump(1) + "\n";
}

}  // namespace peta::query
