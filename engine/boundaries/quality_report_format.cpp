// The quality report as JSON (full lists) and as bilingual text (Indonesian, English in parentheses).
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "boundaries/indonesian_number.hpp"
#include "boundaries/quality_report.hpp"

namespace peta {
namespace {
nlohmann::json unit_json(const UnitRef& u) { return {{"code", u.code}, {"name", u.name}}; }
nlohmann::json point_json(const Coord& c) { return {{"lon", c.x}, {"lat", c.y}}; }

std::string unit_text(const UnitRef& u) { return u.code + " " + u.name; }
std::string point_text(const Coord& c) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f, %.6f", c.x, c.y);
  return buffer;
}
std::string km2(double m2) { return format_id(m2 / 1e6, 3) + " km²"; }
std::string yes_no(bool b) { return b ? "ya (yes)" : "tidak (no)"; }

void list_lines(std::ostringstream& out, const std::string& title, const std::vector<std::string>& items) {
  out << title << ": " << format_id(static_cast<double>(items.size())) << "\n";
  for (const auto& item : items) out << "  - " << item << "\n";
}
}  // namespace

nlohmann::json to_json(const QualityReport& r) {
  nlohmann::json j;
  j["counts"] = {{"desa", r.desa}, {"kelurahan", r.kelurahan}, {"desa_and_kelurahan", r.desa + r.kelurahan},
                 {"kecamatan", r.kecamatan}, {"kabupaten", r.kabupaten}};
  j["desa_area_km2"] = r.desa_area_km2;
  j["desa_area_crs"] = "EPSG:32749";
  j["desa_area_geodesic_km2"] = r.desa_area_geodesic_km2;
  nlohmann::json load;
  load["desa_profile"] = r.load.desa_profile;
  load["kecamatan_dissolved"] = r.load.kecamatan_dissolved;
  load["repairs"] = nlohmann::json::array();
  for (const auto& rep : r.load.repairs)
    load["repairs"].push_back({{"level", rep.level}, {"code", rep.code}, {"name", rep.name}, {"reason", rep.reason},
                               {"area_change_km2", rep.area_change_km2}});
  load["duplicate_codes"] = r.load.duplicate_codes;
  load["orphan_desa"] = r.load.orphan_desa;
  load["bad_codes"] = r.load.bad_codes;
  j["load"] = load;
  j["still_invalid"] = nlohmann::json::array();
  for (const auto& inv : r.still_invalid)
    j["still_invalid"].push_back({{"level", inv.level}, {"code", inv.unit.code}, {"name", inv.unit.name}, {"reason", inv.reason}});

  nlohmann::json overlaps = {{"checked", r.overlaps_checked}, {"pairs", r.overlaps.size()},
                             {"total_m2", r.overlap_total_m2}, {"touching_pairs", r.touching_pairs},
                             {"errors", r.overlap_errors}, {"list", nlohmann::json::array()}};
  for (const auto& p : r.overlaps)
    overlaps["list"].push_back({{"a", unit_json(p.a)}, {"b", unit_json(p.b)}, {"area_m2", p.area_m2}, {"point", point_json(p.point)}});
  j["overlaps"] = overlaps;

  nlohmann::json gaps = {{"checked", r.gaps_checked}, {"pieces", r.gaps.size()}, {"total_m2", r.gap_total_m2},
                         {"degenerate_rings", r.degenerate_gap_rings}, {"error", r.gap_error},
                         {"list", nlohmann::json::array()}};
  for (const auto& g : r.gaps) {
    nlohmann::json neighbours = nlohmann::json::array();
    for (const auto& n : g.neighbours) neighbours.push_back(unit_json(n));
    gaps["list"].push_back({{"area_m2", g.area_m2}, {"point", point_json(g.point)}, {"neighbours", neighbours}});
  }
  j["gaps"] = gaps;

  nlohmann::json kec = {{"checked", r.kecamatan_checked}, {"mismatches", nlohmann::json::array()}};
  for (const auto& m : r.kecamatan_mismatches)
    kec["mismatches"].push_back({{"desa", unit_json(m.desa)}, {"coded_kecamatan", m.coded_kecamatan},
                                 {"located_kecamatan", unit_json(m.located_kecamatan)}, {"share", m.share}});
  j["kecamatan_check"] = kec;

  j["problem_count"] = r.problem_count();
  nlohmann::json timings = nlohmann::json::object();
  for (const auto& t : r.timings) timings[t.step] = {{"wall_s", t.seconds}, {"cpu_s", t.cpu_seconds}};
  j["timings"] = timings;
  j["total_wall_s"] = r.total_seconds;
  j["total_cpu_s"] = r.total_cpu_seconds;
  return j;
}

std::string to_text(const QualityReport& r, const QualityOptions& options) {
  std::ostringstream out;
  const std::size_t top = options.text_top_n;
  out << "Laporan mutu batas wilayah (boundary quality report)\n";
  out << "Jumlah unit (unit counts): " << format_id(double(r.desa)) << " desa, " << format_id(double(r.kelurahan))
      << " kelurahan, " << format_id(double(r.kecamatan)) << " kecamatan, " << format_id(double(r.kabupaten))
      << " kabupaten\n";
  out << "Luas total desa (total desa area): " << format_id(r.desa_area_km2, 2) << " km² (UTM 49S), "
      << format_id(r.desa_area_geodesic_km2, 2) << " km² geodesik (geodesic)\n";
  if (!r.load.desa_profile.empty()) out << "Profil skema desa (desa schema profile): " << r.load.desa_profile << "\n";
  out << "Kecamatan dibentuk dari desa (kecamatan dissolved from desa): " << yes_no(r.load.kecamatan_dissolved) << "\n";

  out << "Geometri diperbaiki (geometries repaired): " << format_id(double(r.load.repairs.size())) << "\n";
  for (const auto& rep : r.load.repairs)
    out << "  - " << rep.level << " " << rep.code << " " << rep.name << ": " << rep.reason << " (perubahan luas / area change "
        << format_id(rep.area_change_km2 * 1e6, 1) << " m²)\n";
  if (!r.still_invalid.empty()) {
    out << "Geometri masih tidak sah (geometries still invalid): " << format_id(double(r.still_invalid.size())) << "\n";
    for (const auto& inv : r.still_invalid) out << "  - " << inv.level << " " << unit_text(inv.unit) << ": " << inv.reason << "\n";
  }
  list_lines(out, "Kode ganda (duplicate codes)", r.load.duplicate_codes);
  list_lines(out, "Desa tanpa kecamatan (orphan desa)", r.load.orphan_desa);
  list_lines(out, "Kode tidak sah, dilewati (bad codes, skipped)", r.load.bad_codes);

  if (r.overlaps_checked) {
    out << "Tumpang tindih antar desa (overlaps): " << format_id(double(r.overlaps.size())) << " pasang (pairs), "
        << km2(r.overlap_total_m2);
    if (!r.overlaps.empty()) out << "; terbesar (largest) " << format_id(r.overlaps.front().area_m2) << " m²";
    out << "\n";
    out << "  Hanya bersinggungan (touching only): " << format_id(double(r.touching_pairs)) << " pasang (pairs)\n";
    for (std::size_t i = 0; i < std::min(top, r.overlaps.size()); ++i) {
      const auto& p = r.overlaps[i];
      out << "  " << i + 1 << ". " << unit_text(p.a) << " / " << unit_text(p.b) << ": " << format_id(p.area_m2, 1)
          << " m² di (at) " << point_text(p.point) << "\n";
    }
    if (r.overlaps.size() > top)
      out << "  ... dan " << format_id(double(r.overlaps.size() - top)) << " lainnya (and more; see the JSON report)\n";
    for (const auto& e : r.overlap_errors) out << "  ! " << e << "\n";
  }
  if (r.gaps_checked) {
    out << "Celah antar desa (gaps): " << format_id(double(r.gaps.size())) << " bagian (pieces), " << km2(r.gap_total_m2);
    if (!r.gaps.empty()) out << "; terbesar (largest) " << format_id(r.gaps.front().area_m2) << " m²";
    out << "\n";
    if (r.degenerate_gap_rings)
      out << "  Cincin merosot tanpa luas, diabaikan (degenerate zero-area rings, ignored): "
          << format_id(double(r.degenerate_gap_rings)) << "\n";
    if (!r.gap_error.empty()) out << "  ! " << r.gap_error << "\n";
    for (std::size_t i = 0; i < std::min(top, r.gaps.size()); ++i) {
      const auto& g = r.gaps[i];
      out << "  " << i + 1 << ". " << format_id(g.area_m2, 1) << " m² di (at) " << point_text(g.point);
      if (!g.neighbours.empty()) {
        out << ", di antara (between)";
        for (std::size_t k = 0; k < g.neighbours.size(); ++k) out << (k ? ", " : " ") << unit_text(g.neighbours[k]);
      }
      out << "\n";
    }
    if (r.gaps.size() > top)
      out << "  ... dan " << format_id(double(r.gaps.size() - top)) << " lainnya (and more; see the JSON report)\n";
  }
  if (r.kecamatan_checked) {
    out << "Desa di luar kecamatan kodenya (desa outside the kecamatan of their code): "
        << format_id(double(r.kecamatan_mismatches.size())) << "\n";
    for (std::size_t i = 0; i < std::min(top, r.kecamatan_mismatches.size()); ++i) {
      const auto& m = r.kecamatan_mismatches[i];
      out << "  - " << unit_text(m.desa) << ": kode (code) " << m.coded_kecamatan << ", letak (lies in) "
          << (m.located_kecamatan.code.empty() ? std::string("tidak ada (none)") : unit_text(m.located_kecamatan)) << " "
          << format_id(m.share * 100, 1) << "%\n";
    }
  } else {
    out << "Pemeriksaan kecamatan (kecamatan check): tidak dilakukan, tidak ada lapisan kecamatan "
           "(not done, no kecamatan layer given)\n";
  }
  out << "Jumlah masalah (problems): " << format_id(double(r.problem_count())) << "\n";
  out << "Waktu (time): " << format_id(r.total_seconds, 2) << " s (CPU " << format_id(r.total_cpu_seconds, 2) << " s)\n";
  return out.str();
}

}  // namespace peta
