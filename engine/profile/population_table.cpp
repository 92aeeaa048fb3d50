#include "profile/population_table.hpp"

#include <cmath>
#include <stdexcept>

#include "core/error.hpp"
#include "findings/csv_record_reader.hpp"

namespace peta::profile {

std::vector<double> read_population_table(const Boundaries& b, const PopulationTableSettings& s) {
  CsvRecordReader reader(s.path);
  const auto& header = reader.header();
  auto column = [&](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    throw Error(s.path + ": no column '" + name + "'");
  };
  std::size_t code_col = column(s.code_column), value_col = column(s.value_column);
  std::vector<double> population(b.desa.size(), std::nan(""));
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    std::string where = s.path + " row " + std::to_string(reader.row());
    if (fields.size() <= std::max(code_col, value_col)) throw Error(where + ": too few fields");
    auto code = AdminCode::parse(fields[code_col]);
    if (!code) throw Error(where + ", column " + s.code_column + ": '" + fields[code_col] + "' is not a desa code");
    int d = b.find_desa(*code);
    if (d < 0) continue;  // another region's desa
    try {
      std::size_t used = 0;
      double v = std::stod(fields[value_col], &used);
      if (used != fields[value_col].size() || v < 0) throw std::invalid_argument("");
      population[static_cast<std::size_t>(d)] = v;
    } catch (const std::exception&) {
      throw Error(where + ", column " + s.value_column + ": '" + fields[value_col] + "' is not a count");
    }
  }
  std::string missing;
  int n_missing = 0;
  for (std::size_t d = 0; d < b.desa.size(); ++d)
    if (std::isnan(population[d]) && n_missing++ < 5) missing += " " + b.desa[d].code.dotted();
  if (n_missing)
    throw Error(s.path + ": no population for " + std::to_string(n_missing) + " desa (" + missing +
                (n_missing > 5 ? " ..." : "") + ")");
  return population;
}

}  // namespace peta::profile
