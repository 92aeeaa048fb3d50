#pragma once
// The project's desa profile tables ("profil"), how their fields roll up to kecamatan ("agregasi") and the
// problem–potential matrix ("matriks"), validated into plain settings. README "Profil desa" lists the keys.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace peta::profile {

// How a table's rows find their desa.
enum class KeyKind {
  kemendagri,  // "kode": a Kemendagri desa code, with or without dots (35.13.04.2008 / 3513042008)
  bps,         // "kode_bps" + "crosswalk": a BPS code, turned into a Kemendagri code by the crosswalk table
  name,        // "desa" (+ "kecamatan"): names, through the gazetteer with the findings' confidence rules
};

enum class DeclaredType { infer, number, text };

struct Crosswalk {
  std::string path;        // CSV or XLSX
  std::string bps_column;  // the BPS code column
  std::string kemendagri_column;
};

struct ProfileTableSettings {
  std::string path;   // CSV (',' or ';', detected) or XLSX
  std::string sheet;  // XLSX sheet; empty: the first
  KeyKind key = KeyKind::kemendagri;
  std::string key_column;        // kode / kode_bps / desa column
  std::string kecamatan_column;  // with KeyKind::name: optional kecamatan column
  Crosswalk crosswalk;           // with KeyKind::bps
  std::vector<std::string> fields;               // the columns joined onto the desa, in this order
  std::map<std::string, DeclaredType> types;     // "tipe": {"penduduk": "angka", "status_idm": "teks"}
  std::vector<std::string> sensitive;            // "sensitif": left out of the outputs in the public profile
};

// How a field rolls up from desa to kecamatan.
struct Aggregation {
  enum class Kind { automatic, sum, mean, weighted_mean, mode, none };
  Kind kind = Kind::automatic;
  std::string weight;  // weighted_mean: the numeric profile field that weights it (e.g. penduduk)
};

struct MatrixSettings {
  bool all_categories = true;           // "masalah": "semua"
  std::vector<std::string> categories;  // else these category codes
  std::string potential;                // "potensi": a numeric profile field (e.g. skor_idm)
  std::string population;               // "penduduk": a numeric profile field; empty: the rate is per km²
};

struct ProfileSettings {
  std::vector<ProfileTableSettings> tables;
  std::map<std::string, Aggregation> aggregation;  // by field name
  std::optional<MatrixSettings> matrix;
  bool empty() const { return tables.empty(); }
};

// Reads "profil" (an array of tables), "agregasi" and "matriks" (either may be null). Paths are resolved with
// `resolve`. Throws peta::Error naming the key path on a bad value.
ProfileSettings read_profile_settings(const nlohmann::json& tables, const nlohmann::json& aggregation,
                                      const nlohmann::json& matrix,
                                      const std::function<std::string(const std::string&)>& resolve);

// "jumlah" / "rata_rata" / "rata_rata_tertimbang:<field>" / "modus" / "tidak": throws peta::Error otherwise.
Aggregation parse_aggregation(const std::string& text, const std::string& where);

}  // namespace peta::profile
