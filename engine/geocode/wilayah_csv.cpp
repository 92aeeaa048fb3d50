#include "geocode/wilayah_csv.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"

namespace peta {
namespace {

// Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, newlines inside quotes).
std::vector<std::vector<std::string>> split_records(std::string_view text, const std::string& file) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false, field_started = false;
  std::size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // byte-order mark
  auto end_field = [&] { fields.push_back(std::move(field)); field.clear(); field_started = false; };
  auto end_record = [&] {
    end_field();
    if (!(fields.size() == 1 && fields[0].empty())) records.push_back(std::move(fields));  // skip blank lines
    fields.clear();
  };
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
        else quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) { quoted = true; field_started = true; }
    else if (c == ',') end_field();
    else if (c == '\n') end_record();
    else if (c == '\r') continue;
    else { field += c; field_started = true; }
  }
  if (quoted) throw Error(file + ": a quoted field is not closed at the end of the file");
  if (!field.empty() || !fields.empty()) end_record();
  return records;
}

std::string where(const std::string& file, std::int64_t row, const std::string& field) {
  return file + ": row " + std::to_string(row) + ", field '" + field + "'";
}

double parse_number(const std::string& text, const std::string& file, std::int64_t row, const std::string& field) {
  double v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v))
    throw Error(where(file, row, field) + ": '" + text + "' is not a number");
  return v;
}

AdminLevel level_named(const std::string& level, const std::string& file, std::int64_t row) {
  if (level == "provinsi") return AdminLevel::provinsi;
  if (level == "kabupaten") return AdminLevel::kabupaten;
  if (level == "kecamatan") return AdminLevel::kecamatan;
  if (level == "desa_kelurahan") return AdminLevel::desa;
  throw Error(where(file, row, "level") + ": '" + level +
              "' is not one of provinsi, kabupaten, kecamatan, desa_kelurahan");
}

}  // namespace

std::vector<WilayahRow> parse_wilayah_csv(std::string_view text, const std::string& file) {
  auto records = split_records(text, file);
  if (records.empty()) throw Error(file + ": empty file, expected a header row");
  std::map<std::string, std::size_t> column;
  for (std::size_t c = 0; c < records[0].size(); ++c) column[records[0][c]] = c;
  for (const char* required : {"kode", "nama", "level"})
    if (!column.count(required)) throw Error(file + ": the header has no column '" + std::string(required) + "'");
  const std::size_t width = records[0].size();

  std::vector<WilayahRow> rows;
  rows.reserve(records.size() - 1);
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& fields = records[r];
    const auto row_number = static_cast<std::int64_t>(r + 1);
    if (fields.size() != width)
      throw Error(file + ": row " + std::to_string(row_number) + ": " + std::to_string(fields.size()) +
                  " fields, the header has " + std::to_string(width));
    auto get = [&](const char* name) -> std::string {
      auto it = column.find(name);
      return it == column.end() ? std::string() : fields[it->second];
    };
    auto code = AdminCode::parse(get("kode"));
    if (!code) throw Error(where(file, row_number, "kode") + ": '" + get("kode") + "' is not a Kemendagri code");
    WilayahRow row{row_number, *code, get("nama"), get("level"), get("jenis"), get("nama_kec"), {}, std::nullopt};
    if (row.name.empty()) throw Error(where(file, row_number, "nama") + ": empty name for " + code->dotted());
    if (level_named(row.level, file, row_number) != code->level())
      throw Error(where(file, row_number, "level") + ": '" + row.level + "' does not fit code " + code->dotted());
    std::string kode_kec = get("kode_kec");
    if (!kode_kec.empty()) {
      auto kec = AdminCode::parse(kode_kec);
      if (!kec || code->level() != AdminLevel::desa || kec != code->parent())
        throw Error(where(file, row_number, "kode_kec") + ": '" + kode_kec + "' is not the kecamatan of " +
                    code->dotted());
    }
    std::string old = get("nama_lama");
    std::stringstream parts(old);
    for (std::string part; std::getline(parts, part, ';');)
      if (!part.empty()) row.old_names.push_back(part);
    std::string lat = get("lat"), lng = get("lng");
    if (!lat.empty() || !lng.empty())
      row.centroid = Coord{parse_number(lng, file, row_number, "lng"), parse_number(lat, file, row_number, "lat")};
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<WilayahRow> read_wilayah_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open code list '" + path + "'");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_wilayah_csv(buffer.str(), path);
}

}  // namespace peta
