#pragma once
// The population per desa that the hotspot rates are taken over ("hotspots": {"population": {...}} in the
// project file): a CSV keyed by Kemendagri desa code (with or without dots). Read by the project's statistics
// stage and handed to the hotspots as numbers.
#include <string>
#include <vector>

#include "core/admin_unit.hpp"

namespace peta::profile {

struct PopulationTableSettings {
  std::string path;  // empty: no table (rates per km²)
  std::string code_column = "kode";
  std::string value_column = "penduduk";
};

// One value per desa, in Boundaries::desa order. Rows of desa outside the boundaries are skipped. Throws
// peta::Error naming the file, row and column of a bad code or count, or the desa the table has no row for.
std::vector<double> read_population_table(const Boundaries& b, const PopulationTableSettings& s);

}  // namespace peta::profile
