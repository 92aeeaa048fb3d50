// The inputs that tests/fuzz/csv_units_fuzzer.cpp found, replayed: a CSV cut into 512 KiB units (here: units of
// the size the input's first byte gives) must give exactly the records of one sequential pass.
#include <gtest/gtest.h>

#include <filesystem>

#include "fuzz/csv_differential.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

// Each file of tests/fuzz/crashes/csv_units: the unit size byte, then the CSV.
void expect_units_equal_sequential(const std::string& crashes) {
  ASSERT_TRUE(std::filesystem::is_directory(crashes)) << crashes;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(crashes)) {
    const std::string input = test::read_file(entry.path().string());
    if (input.empty()) continue;
    ++files;
    const std::string csv = test::temp_dir("csv-units") + "/input.csv";
    test::write_file(csv, input.substr(1));
    const auto units = fuzz::read_csv_in_units(csv, 1 + static_cast<unsigned char>(input[0]));
    const auto whole = fuzz::read_csv_sequentially(csv);
    EXPECT_EQ(fuzz::first_difference(units, whole), "") << entry.path().filename();
  }
  EXPECT_GT(files, 0);
}

// What the fuzzer found in csv_chunk.cpp, each fixed:
//  - a stray quote in an unquoted field (`Pipa 2" bocor`) made last_record_end() cut a later quoted newline,
//    so one record became two (stray-quote-before-quoted-newlines, crash-f7bcb134...);
//  - a UTF-8 BOM was only recognised when the first read held all 3 of its bytes (bom-split-by-the-first-unit:
//    units of 2 bytes kept the BOM as the header, one pass stripped it);
//  - a lone CR (old Mac line ends mixed with LF) ended a record in the cursor, which counted it as a row, but the
//    unit reader counted rows by LF only, so after a unit boundary row numbers went back (lone-cr-row-numbers;
//    also crashes/csv_records/crash-27585b95..., found by csv_records_fuzzer.cpp).
TEST(CsvUnitsFuzzRegression, CrashesGiveTheSequentialRecords) {
  expect_units_equal_sequential(std::string(PETA_SOURCE_DIR) + "/tests/fuzz/crashes/csv_units");
}

// Old Mac line ends: the header ends at a lone CR and the rows after it are data (before, the first LF ended
// the header and the rows between were lost), numbered as a text editor shows them, in units of any size.
TEST(CsvUnitsFuzzRegression, LoneCrLineEndsKeepEveryRowAndItsNumber) {
  const std::string csv = test::temp_dir("csv-lone-cr") + "/mac.csv";
  test::write_file(csv, "id,kategori\r1,jalan\r2,\"air\rbersih\"\n3,x\r\n\r4,y\n");
  const std::vector<std::pair<long long, std::vector<std::string>>> expected = {
      {2, {"1", "jalan"}}, {3, {"2", "air\rbersih"}}, {5, {"3", "x"}}, {7, {"4", "y"}}};
  for (std::size_t unit = 1; unit <= 40; ++unit) {
    const auto r = fuzz::read_csv_in_units(csv, unit);
    EXPECT_EQ(r.error, "") << unit;
    EXPECT_EQ(r.header, (std::vector<std::string>{"id", "kategori"})) << unit;
    EXPECT_EQ(r.records, expected) << "units of " << unit << " bytes";
  }
}

}  // namespace
}  // namespace peta
