#pragma once
// The project file's time settings (issue 14), read strictly like the rest of the project file:
//   "waktu": {"periode": "bulan" | "minggu" | "triwulan", "jeda_waktu": 1, "alpha": 0.05,
//             "standardisasi": "kubus" | "per_periode", "min_periode": 3}
//   "program": {"kunjungan": "kunjungan.csv"}      (path relative to the project file)
// Every key is optional; the defaults are the ArcGIS defaults (whole-cube standardisation, one time lag).
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "aggregate/period.hpp"
#include "hotspots/emerging_hotspots.hpp"

namespace peta {

struct TimeSettings {
  PeriodKind period = PeriodKind::month;
  EmergingSettings emerging;
  int min_periods = 3;
  std::string visits_path;  // "program.kunjungan", resolved; empty when none
};

// `waktu` and `program` may each be null (absent). Throws peta::Error naming the key on a bad value.
TimeSettings read_time_settings(const nlohmann::json& waktu, const nlohmann::json& program,
                                const std::filesystem::path& project_folder);

}  // namespace peta
