#include "findings/column_detection.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace peta {
namespace {

std::string key(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string base_key(const std::string& s) {
  std::string k = key(s);
  auto slash = k.rfind('/');
  return slash == std::string::npos ? k : k.substr(slash + 1);
}

int find(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (key(header[i]) == key(name)) return static_cast<int>(i);
  return -1;
}

int detect(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (int i = find(header, n); i >= 0) return i;
  for (const char* n : names)  // Kobo group prefixes: "grp/desa"
    for (std::size_t i = 0; i < header.size(); ++i)
      if (base_key(header[i]) == key(n)) return static_cast<int>(i);
  return -1;
}

std::string list(std::initializer_list<const char*> names) {
  std::string out;
  for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

int resolve(const std::string& wanted, std::initializer_list<const char*> usual, const std::vector<std::string>& header,
            const std::string& file, const char* role) {
  if (!wanted.empty()) {
    int i = find(header, wanted);
    if (i < 0) throw Error(file + ": column '" + wanted + "' (" + role + ") is not in the header");
    return i;
  }
  return detect(header, usual);
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Kobo/ODK split geopoint columns (Kobo's and ODK Central's spellings): "[group/]_<name>_latitude" with "_<name>_longitude" beside it.
void detect_kobo(const std::vector<std::string>& header, ColumnIndexes& c) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string k = key(header[i]);
    auto slash = k.rfind('/');
    std::string prefix = slash == std::string::npos ? "" : k.substr(0, slash + 1);
    std::string base = slash == std::string::npos ? k : k.substr(slash + 1);
    if (base.size() < 11 || base[0] != '_' || !ends_with(base, "_latitude")) continue;
    std::string name = base.substr(1, base.size() - 10);
    int lon = find(header, prefix + "_" + name + "_longitude");
    if (lon < 0) continue;
    c.lat = static_cast<int>(i);
    c.lon = lon;
    c.kobo_split = true;
    for (const char* extra : {"_altitude", "_precision", "_accuracy"})
      if (int e = find(header, prefix + "_" + name + extra); e >= 0) c.kobo_extra.push_back(e);
    if (c.geopoint < 0) c.geopoint = find(header, prefix + name);
    return;
  }
  // ODK Central: "[group-]<name>-Latitude" with "-Longitude" beside it ('-' between the parts).
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string k = key(header[i]);
    if (k.size() < 10 || !ends_with(k, "-latitude")) continue;
    std::string stem = k.substr(0, k.size() - 9);
    int lon = find(header, stem + "-longitude");
    if (lon < 0) continue;
    c.lat = static_cast<int>(i);
    c.lon = lon;
    c.kobo_split = true;
    for (const char* extra : {"-altitude", "-precision", "-accuracy"})
      if (int e = find(header, stem + extra); e >= 0) c.kobo_extra.push_back(e);
    if (c.geopoint < 0) c.geopoint = find(header, stem);
    return;
  }
}

}  // namespace

std::vector<int> ColumnIndexes::location_columns() const {
  std::vector<int> out;
  for (int i : {lon, lat, koordinat, geopoint, wkt})
    if (i >= 0) out.push_back(i);
  out.insert(out.end(), kobo_extra.begin(), kobo_extra.end());
  return out;
}

std::vector<int> ColumnIndexes::descriptive_columns() const {
  std::vector<int> out;
  for (int i : {id, category, desa, kecamatan, kode_desa, kabupaten})
    if (i >= 0) out.push_back(i);
  return out;
}

ColumnIndexes resolve_columns(const FindingColumns& wanted, const std::vector<std::string>& header,
                              const std::string& file, bool has_geometry, bool category_required) {
  ColumnIndexes c;
  c.file_name = file.substr(file.find_last_of('/') + 1);
  // A name given twice: the first column is the one used (find() takes the first); say so.
  for (std::size_t i = 0; i < header.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!key(header[i]).empty() && key(header[i]) == key(header[j])) {
        c.warnings.push_back(file + ": column '" + header[i] + "' appears twice in the header (columns " +
                             std::to_string(j + 1) + " and " + std::to_string(i + 1) +
                             "); the first is used, the second is kept only as data");
        break;
      }
  static constexpr std::initializer_list<const char*> kLon = {"lon", "lng", "long", "longitude", "bujur", "x"};
  static constexpr std::initializer_list<const char*> kLat = {"lat", "latitude", "lintang", "y"};
  static constexpr std::initializer_list<const char*> kCategory = {"kategori", "category", "jenis_masalah", "masalah"};
  c.lon = resolve(wanted.lon, kLon, header, file, "longitude");
  c.lat = resolve(wanted.lat, kLat, header, file, "latitude");
  c.category = resolve(wanted.category, kCategory, header, file, "category");
  c.id = resolve(wanted.id, {"id", "no", "nomor", "kode_temuan"}, header, file, "id");
  c.koordinat = resolve(wanted.koordinat, {"koordinat", "coordinates", "coordinate", "titik_koordinat"}, header, file,
                        "coordinates in one cell");
  c.geopoint = resolve(wanted.geopoint, {"geopoint", "gps", "lokasi_gps"}, header, file, "Kobo/ODK geopoint");
  c.desa = resolve(wanted.desa, {"desa", "kelurahan", "desa_kelurahan", "desa/kelurahan", "nama_desa", "village"}, header,
                   file, "desa name");
  c.kecamatan = resolve(wanted.kecamatan, {"kecamatan", "kec", "nama_kec", "nama_kecamatan", "district"}, header, file,
                        "kecamatan name");
  c.kode_desa = resolve(wanted.kode_desa, {"kode_desa", "kode_wilayah", "kode_kemendagri", "kd_desa"}, header, file,
                        "desa code");
  c.kabupaten = resolve(wanted.kabupaten,
                        {"kabupaten", "kab", "kota", "kabupaten_kota", "kabupaten/kota", "kab_kota", "nama_kab",
                         "nama_kabupaten"},
                        header, file, "kabupaten name");
  c.wkt = resolve(wanted.wkt, {"wkt", "wkt_geom", "geometry_wkt", "geom_wkt"}, header, file, "WKT geometry");
  if (c.lon < 0 && c.lat < 0 && wanted.lon.empty() && wanted.lat.empty()) detect_kobo(header, c);
  if ((c.lon >= 0) != (c.lat >= 0))
    throw Error(file + (c.lon >= 0 ? ": no latitude column found (looked for " + list(kLat) + ")"
                                   : ": no longitude column found (looked for " + list(kLon) + ")") +
                "; name it in the project file");
  if (c.category < 0 && category_required)
    throw Error(file + ": no category column found (looked for " + list(kCategory) +
                "); name it in the project file, or give the source a fixed \"kategori\"");
  if (!c.has_coordinates() && !c.has_place_names() && !has_geometry)
    throw Error(file + ": nothing says where a row is: no longitude/latitude (" + list(kLon) + " / " + list(kLat) +
                "), koordinat, geopoint, wkt, desa or kode_desa column; name one in the project file");
  return c;
}

}  // namespace peta
