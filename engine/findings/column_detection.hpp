#pragma once
// Which column holds what: the usual names officers and KoboToolbox/ODK use, or what the project file says.
// Names compare case-insensitively, ignoring spaces; a name also matches the part after the last '/'
// (Kobo group prefixes such as "grp/desa").
#include <string>
#include <vector>

namespace peta {

struct FindingColumns {
  std::string id;         // detect: id, no, nomor, kode_temuan (else the row number)
  std::string lon;        // detect: lon, lng, long, longitude, bujur, x
  std::string lat;        // detect: lat, latitude, lintang, y
  std::string category;   // detect: kategori, category, jenis_masalah, masalah
  std::string koordinat;  // one cell with both: detect koordinat, coordinates, coordinate
  std::string geopoint;   // Kobo/ODK "lat lon alt acc": detect geopoint, gps, and <name> beside _<name>_latitude
  std::string desa;       // detect: desa, kelurahan, desa_kelurahan, nama_desa, village
  std::string kecamatan;  // detect: kecamatan, kec, nama_kec, nama_kecamatan, district
  std::string kode_desa;  // detect: kode_desa, kode_wilayah, kode_kemendagri, kd_desa
  std::string kabupaten;  // detect: kabupaten, kab, kota, kabupaten_kota, kab_kota, nama_kab, nama_kabupaten
  std::string wkt;        // a geometry as WKT (points or lines): detect wkt, wkt_geom, geometry_wkt
};

// Column indexes resolved against a header; -1 when absent.
struct ColumnIndexes {
  int id = -1, lon = -1, lat = -1, category = -1;
  int koordinat = -1, geopoint = -1, desa = -1, kecamatan = -1, kode_desa = -1, wkt = -1, kabupaten = -1;
  bool kobo_split = false;            // lon/lat are Kobo's _<name>_longitude / _<name>_latitude
  std::vector<int> kobo_extra;        // _<name>_altitude, _<name>_precision (location data, never published)
  // Things worth telling the user that do not stop the run, e.g. a column named twice in the header.
  std::vector<std::string> warnings;
  std::string file_name;  // the source's file name without folders, for ids made from file and row

  bool has_coordinates() const { return (lon >= 0 && lat >= 0) || koordinat >= 0 || geopoint >= 0 || wkt >= 0; }
  bool has_place_names() const { return desa >= 0 || kode_desa >= 0; }
  // Columns that say where a finding is (coordinates, geopoint, WKT): written to the rejects only.
  std::vector<int> location_columns() const;
  // Columns that name things and may be published by default: id, category, desa, kecamatan, kode_desa, kabupaten.
  std::vector<int> descriptive_columns() const;
};

// Throws peta::Error naming the file and the column when a named column is missing, when only one of a
// lon/lat pair is found, or when nothing locates a row (no coordinates, geopoint, WKT, desa or code,
// and `has_geometry` false). `category_required`: a source without a fixed category needs the column.
ColumnIndexes resolve_columns(const FindingColumns& wanted, const std::vector<std::string>& header,
                              const std::string& file, bool has_geometry = false, bool category_required = true);

}  // namespace peta
