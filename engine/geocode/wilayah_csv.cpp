#include "geocode/wilayah_csv.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "findings/csv_chunk.hpp"

namespace peta {
namespace {

struct Records {
  std::vector<std::vector<std::string>> fields;
  std::vector<std::int64_t> rows;  // spreadsheet row number of each record (the header is row 1)
};

// The records of CSV text through the findings' RFC 4180 cursor (quotes, doubled quotes, newlines in quotes,
// CRLF or lone CR, blank lines skipped), ',' or ';' as the header says (csv_delimiter_of).
Records split_records(std::string_view text, const std::string& file) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte-order mark
  const CsvChunk chunk{std::string(text), 1};
  const char delimiter = csv_delimiter_of(text);
  CsvChunkCursor cursor(chunk, delimiter);
  Records out;
  std::vector<std::string> fields;
  std::vector<std::string> header;
  while (cursor.next(fields)) {
    if (cursor.broken()) {
      const std::size_t cell = cursor.broken_cell();
      const std::string name = !out.fields.empty() && cell < out.fields[0].size() ? out.fields[0][cell] : "";
      throw Error(file + ": row " + std::to_string(cursor.broken_quote_row()) +
                  (name.empty() ? std::string() : ", field '" + name + "'") + ": a quoted field is never closed");
    }
    out.fields.push_back(fields);
    out.rows.push_back(cursor.row());
  }
  return out;
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
  const Records split = split_records(text, file);
  const auto& records = split.fields;
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
    const std::int64_t row_number = split.rows[r];
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
