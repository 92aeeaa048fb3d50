// The hotspot rates' population table (profile/population_table), read by the project and handed to the
// hotspots: values by Kemendagri code with or without dots, errors naming file, row and column, and the rates of a
// build taken over it.
#include "profile/population_table.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "boundaries/boundary_loader.hpp"
#include "core/error.hpp"
#include "project_run.hpp"
#include "sample/sample_generator.hpp"

namespace peta::profile {
namespace {

Boundaries three_desa() {
  Boundaries b;
  for (const char* code : {"35.13.01.2001", "35.13.01.2002", "35.13.02.2001"})
    b.desa.push_back({*AdminCode::parse(code), code, "desa", {}, 0});
  return b;
}

std::string error_of(const Boundaries& b, const PopulationTableSettings& s) {
  try {
    read_population_table(b, s);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(PopulationTable, ValuesByCodeWithOrWithoutDots) {
  const std::string dir = test::temp_dir("population-table");
  test::write_file(dir + "/penduduk.csv",
                   "kode,jiwa\n3513012002,250\n35.13.01.2001,1200.5\n35.74.01.1001,9\n35.13.02.2001,0\n");
  PopulationTableSettings s{dir + "/penduduk.csv", "kode", "jiwa"};
  EXPECT_EQ(read_population_table(three_desa(), s), (std::vector<double>{1200.5, 250, 0}));  // 35.74 skipped
}

TEST(PopulationTable, ErrorsNameFileRowAndColumn) {
  const std::string dir = test::temp_dir("population-table-errors");
  const Boundaries b = three_desa();
  PopulationTableSettings s{dir + "/p.csv", "kode", "penduduk"};
  test::write_file(s.path, "kode,penduduk\n35.13.01.2001,10\n35.13.01.2002,banyak\n35.13.02.2001,5\n");
  EXPECT_EQ(error_of(b, s), s.path + " row 3, column penduduk: 'banyak' is not a count");
  test::write_file(s.path, "kode,penduduk\n35.13.01.2001,10\nx.y,3\n");
  EXPECT_EQ(error_of(b, s), s.path + " row 3, column kode: 'x.y' is not a desa code");
  test::write_file(s.path, "kode,penduduk\n35.13.01.2001,10\n35.13.01.2002,-1\n");
  EXPECT_EQ(error_of(b, s), s.path + " row 3, column penduduk: '-1' is not a count");
  test::write_file(s.path, "kode,penduduk\n35.13.01.2001,10\n");
  EXPECT_EQ(error_of(b, s), s.path + ": no population for 2 desa ( 35.13.01.2002 35.13.02.2001)");
  test::write_file(s.path, "kode,jiwa\n35.13.01.2001,10\n");
  EXPECT_EQ(error_of(b, s), s.path + ": no column 'penduduk'");
}

// A build with "hotspots": {"population": ...}: every desa's crude rate is its count per 1,000 of the table's
// population, as the hotspots were handed it.
TEST(PopulationTable, BuildRatesAreTakenOverTheTable) {
  const std::string dir = test::temp_dir("population-table-build");
  BoundarySettings bs;
  bs.desa.path = test::data("probolinggo/desa.geojson");
  const Boundaries b = load_boundaries(bs).boundaries;
  SampleOptions so;
  so.count = 2000;
  so.seed = 5;
  write_sample_csv(b, so, dir + "/temuan.csv");
  std::string table = "kode,penduduk\n";
  std::map<std::string, double> population;
  for (std::size_t d = 0; d < b.desa.size(); ++d) {
    population[b.desa[d].code.dotted()] = 1000.0 + 7.0 * double(d);
    table += b.desa[d].code.digits() + "," + std::to_string(1000 + 7 * d) + "\n";
  }
  test::write_file(dir + "/penduduk.csv", table);
  const auto run = test::run_findings(
      dir, {{{"path", dir + "/temuan.csv"}}},
      {{"hotspots", {{"permutations", 0}, {"population", {{"path", dir + "/penduduk.csv"}, {"per", 1000}}}}}});
  ASSERT_FALSE(run.desa.is_null());
  std::size_t checked = 0;
  for (const auto& f : run.desa["features"]) {
    const auto& p = f["properties"];
    const double n = p["n_total"].get<double>();
    EXPECT_NEAR(p["rate_semua"].get<double>(), n * 1000.0 / population.at(p["kode"].get<std::string>()), 1e-9)
        << p["kode"];
    ++checked;
  }
  EXPECT_EQ(checked, b.desa.size());
}

}  // namespace
}  // namespace peta::profile
