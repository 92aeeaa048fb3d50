#pragma once
/// @file query.hpp
/// @brief Ask a built project: the top N desa or kecamatan by count, rate, Gi* z or priority.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "peta/export.hpp"
#include "peta/project.hpp"

namespace peta::api {

/// The unit ranked.
enum class Level {
  desa,      ///< desa and kelurahan
  kecamatan  ///< kecamatan
};

/// A question over a built project (the same checks as `peta query` and the HTTP API).
struct TopQuery {
  Level level = Level::desa;           ///< rank desa or kecamatan
  std::string category;                ///< a category code (e.g. `jalan_rusak`); empty: all categories
  std::string sort = "count";          ///< `count`, `rate`, `gi_z`, `priority`, or any numeric layer field
  std::size_t top = 10;                ///< rows; 0: every unit
  std::vector<std::string> kecamatan;  ///< only these kecamatan (codes or names); empty: all
  bool per_kecamatan = false;          ///< the top N within each kecamatan
  bool ascending = false;              ///< lowest first
  std::string lang = "id";             ///< labels: `id` or `en`
};

/// One ranked unit.
struct RankedUnit {
  std::size_t rank = 0;            ///< 1 for the first
  std::string code;                ///< Kemendagri code, dotted (`35.13.01.2001`)
  std::string name;                ///< the desa or kecamatan name
  std::string kecamatan_code;      ///< desa only: its kecamatan's code
  std::string kecamatan_name;      ///< desa only: its kecamatan's name
  /// The count of findings; empty when withheld (a sensitive category below the privacy threshold k).
  std::optional<double> count;
  std::optional<double> rate;      ///< per km², or per 1,000 inhabitants with a population table
  std::optional<double> priority;  ///< the priority score
  std::optional<double> gi_z;      ///< Getis-Ord Gi* z, when the build computed hotspots and a category is given
};

/// The answer of top_units().
struct TopResult {
  std::string title;              ///< one line saying what was asked, in the query's language
  std::vector<RankedUnit> units;  ///< best first
  std::size_t matched = 0;        ///< units that passed the filters, before the top N
  std::size_t withheld = 0;       ///< matched units whose count is withheld
  std::string table;              ///< the answer as the text table `peta query` prints
};

/// Ranks the desa or kecamatan of a built project (its output GeoPackage, written by build()).
/// The same as `peta query PROJECT.json`.
/// @throws Error when the project has not been built, or the query asks for something it does not have
///   (an unknown category, kecamatan or field)
TopResult top_units(const Project& project, const TopQuery& query = {});

}  // namespace peta::api
