#pragma once
// The query model: a built project's GeoPackage (desa, kecamatan and temuan layers) read once into memory,
// immutable afterwards (so any number of threads may query it). Every numeric field of the unit layers is
// kept by name, so fields a later build adds (gi_z_<c>, gi_bin_<c>, lisa_p_<c>, eb_<c>, rate_<c>, ...) can be
// sorted and filtered on without code changes.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "query/store_findings.hpp"

namespace peta::query {

// One unit layer (desa or kecamatan) as columns.
struct UnitTable {
  std::vector<std::string> kode, nama, jenis, kode_kec, nama_kec;  // jenis/kode_kec/nama_kec empty for kecamatan
  std::vector<double> luas_km2;
  std::vector<std::string> numeric_names;     // every Integer/Integer64/Real field, in layer order
  std::vector<std::vector<double>> numeric;   // [field][unit]; NaN where the value is null
  std::vector<std::string> trend_names;       // the emerging hot spot classes tren_<c> (text), in layer order
  std::vector<std::vector<std::string>> trend;  // [field][unit]; "" where null
  std::vector<std::string> text_names;        // every other text field (e.g. a desa profile's status_idm), in layer order
  std::vector<std::vector<std::string>> text;  // [field][unit]; "" where null
  std::vector<std::string> geometry_json;     // GeoJSON geometry per unit, EPSG:4326, 6 decimals
  std::vector<double> label_lon, label_lat;   // a point inside each unit (for labels and tests)

  std::size_t size() const { return kode.size(); }
  std::optional<std::size_t> field(std::string_view name) const;
  std::optional<std::size_t> text_field(std::string_view name) const;  // index into text_names (case-insensitive)
  std::optional<std::size_t> unit(std::string_view kode) const;  // by Kemendagri code, dotted or not

  std::unordered_map<std::string, std::size_t> field_index, kode_index;  // kode_index keys: digits only
};

// The findings (temuan layer), as columns; text values are dictionary-encoded.
struct FindingTable {
  std::vector<std::int32_t> desa;       // index into the desa table
  std::vector<std::int16_t> category;   // index into QueryModel::categories, -1 = unknown (lainnya)
  std::vector<std::uint16_t> severity;  // index into severity_values (0 = missing)
  std::vector<std::uint16_t> status;    // index into status_values (0 = missing)
  std::vector<std::int32_t> date;       // yyyymmdd, 0 = missing or unreadable
  std::vector<std::string> id, note;    // source id and keterangan (note), for the popup summary
  std::vector<std::string> severity_values{""}, status_values{""};  // lower-case, trimmed
  std::string severity_column, status_column, date_column;       // the columns found ("" = none)

  std::size_t size() const { return desa.size(); }
  // Finding indices grouped by desa (CSR): desa d's findings are by_desa[by_desa_start[d] .. by_desa_start[d+1]).
  std::vector<std::uint32_t> by_desa_start, by_desa;
};

struct LoadLimits {
  std::size_t max_findings = 5'000'000;  // a bigger temuan layer is an error (memory stays bounded)
  std::size_t max_units = 100'000;
  int privacy_k = 5;                     // the project's privacy.k (the GeoPackage does not record it)
};

struct QueryModel {
  std::string source;                    // the GeoPackage path
  std::vector<Category> categories;      // the taxonomy's categories that have an n_<code> field in desa
  std::vector<double> weights;           // priority weight per category (same order)
  UnitTable desa, kecamatan;
  std::vector<std::int32_t> desa_kecamatan;  // index into kecamatan per desa (-1 when not found)
  FindingTable findings;
  bool has_findings = false;             // the temuan layer was present
  // Per category: its findings are points of the temuan layer, so a severity/status/date filter can recount it.
  // Not so for a sensitive category in the public profile (only its counts are published: s_<code> exists).
  std::vector<bool> recountable;
  int privacy_k = 5;                     // counts below k are withheld (the project's privacy.k)
  int date_min = 0, date_max = 0;        // yyyymmdd range of the findings' dates (0 = none)
  // The project's findings store, when it names one (ModelSource reads it): finding filters count from it.
  std::shared_ptr<const StoreTable> store;

  std::optional<std::size_t> category(std::string_view code) const;
};

// Columns of the temuan layer recognised as severity, status and date (first match wins).
inline constexpr const char* kSeverityColumns[] = {"tingkat", "severity", "keparahan", "tingkat_keparahan"};
inline constexpr const char* kStatusColumns[] = {"status", "status_tindak_lanjut", "tindak_lanjut"};
inline constexpr const char* kDateColumns[] = {"tanggal", "date", "tgl"};

// Reads a built GeoPackage. `weights` holds one priority weight per taxonomy category (same order as
// taxonomy.categories()). Throws peta::Error naming the file when a layer or field is missing.
QueryModel load_query_model(const std::string& gpkg_path, const CategoryTaxonomy& taxonomy,
                            const std::vector<double>& weights, const LoadLimits& limits = {});

// Kemendagri code with the dots removed ("35.13.01.2001" -> "3513012001").
std::string code_digits(std::string_view code);

}  // namespace peta::query
