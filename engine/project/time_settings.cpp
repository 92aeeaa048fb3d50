#include "project/time_settings.hpp"

#include "core/error.hpp"
#include "core/json_object_reader.hpp"

namespace peta {

TimeSettings read_time_settings(const nlohmann::json& waktu, const nlohmann::json& program,
                                const std::filesystem::path& project_folder) {
  TimeSettings t;
  if (!waktu.is_null()) {
    JsonObjectReader r(waktu, "waktu", {"periode", "jeda_waktu", "alpha", "standardisasi", "min_periode"});
    if (auto p = r.text("periode")) {
      const auto kind = period_kind_from_name(*p);
      if (!kind) throw Error("waktu.periode: '" + *p + "' (expected bulan, minggu or triwulan)");
      t.period = *kind;
    }
    if (auto k = r.integer("jeda_waktu")) {
      if (*k < 0 || *k > 12) throw Error("waktu.jeda_waktu: must be 0..12");
      t.emerging.time_lags = int(*k);
    }
    if (auto a = r.number("alpha")) {
      if (!(*a > 0 && *a < 1)) throw Error("waktu.alpha: must be between 0 and 1");
      t.emerging.alpha = *a;
    }
    if (auto s = r.text("standardisasi")) {
      if (*s == "kubus" || *s == "whole_cube") t.emerging.standardisation = GiStandardisation::whole_cube;
      else if (*s == "per_periode" || *s == "per_time_slice") t.emerging.standardisation = GiStandardisation::per_time_slice;
      else throw Error("waktu.standardisasi: '" + *s + "' (expected kubus or per_periode)");
    }
    if (auto m = r.integer("min_periode")) {
      if (*m < 3) throw Error("waktu.min_periode: at least 3 (the trend test needs a series)");
      t.min_periods = int(*m);
    }
  }
  if (!program.is_null()) {
    JsonObjectReader r(program, "program", {"kunjungan"});
    if (auto path = r.text("kunjungan")) {
      const std::filesystem::path p(*path);
      t.visits_path = (p.is_absolute() ? p : project_folder / p).lexically_normal().string();
    }
  }
  return t;
}

}  // namespace peta
