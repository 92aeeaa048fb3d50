// The project file's "waktu" and "program" keys: defaults, every value, and errors that name the key.
#include "project/time_settings.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace peta {
namespace {

using nlohmann::json;

std::string error_of(const json& waktu, const json& program = nullptr) {
  try {
    read_time_settings(waktu, program, "/proj");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(TimeSettingsTest, DefaultsAndValues) {
  const TimeSettings d = read_time_settings(nullptr, nullptr, "/proj");
  EXPECT_EQ(d.period, PeriodKind::month);
  EXPECT_EQ(d.emerging.time_lags, 1);
  EXPECT_EQ(d.emerging.alpha, 0.05);
  EXPECT_EQ(d.emerging.standardisation, GiStandardisation::whole_cube);
  EXPECT_TRUE(d.visits_path.empty());
  const TimeSettings t = read_time_settings(
      {{"periode", "triwulan"}, {"jeda_waktu", 2}, {"alpha", 0.01}, {"standardisasi", "per_periode"}, {"min_periode", 4}},
      {{"kunjungan", "data/kunjungan.csv"}}, "/proj");
  EXPECT_EQ(t.period, PeriodKind::quarter);
  EXPECT_EQ(t.emerging.time_lags, 2);
  EXPECT_EQ(t.emerging.alpha, 0.01);
  EXPECT_EQ(t.emerging.standardisation, GiStandardisation::per_time_slice);
  EXPECT_EQ(t.min_periods, 4);
  EXPECT_EQ(t.visits_path, "/proj/data/kunjungan.csv");
}

TEST(TimeSettingsTest, ErrorsNameTheKey) {
  EXPECT_NE(error_of({{"periode", "tahun"}}).find("waktu.periode"), std::string::npos);
  EXPECT_NE(error_of({{"alpha", 2}}).find("waktu.alpha"), std::string::npos);
  EXPECT_NE(error_of({{"standardisasi", "x"}}).find("waktu.standardisasi"), std::string::npos);
  EXPECT_NE(error_of({{"min_periode", 2}}).find("waktu.min_periode"), std::string::npos);
  EXPECT_NE(error_of({{"periodee", "bulan"}}).find("periodee"), std::string::npos);
  EXPECT_NE(error_of(nullptr, {{"kunjungan", 3}}).find("program.kunjungan"), std::string::npos);
}

}  // namespace
}  // namespace peta
