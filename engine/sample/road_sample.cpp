#include "sample/road_sample.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "boundaries/geos_unit_index.hpp"
#include "core/error.hpp"
#include "core/geos_handle.hpp"
#include "sample/random.hpp"
#include "sample/sample_vocabulary.hpp"

namespace peta {
namespace {

using namespace sample_vocabulary;

void append_degrees(std::string& out, double value) {
  char text[64];
  auto result = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 7);
  out.append(text, result.ptr);
}

constexpr const char* kRoadNotes[] = {"Aspal mengelupas sepanjang ruas", "Jalan berlubang, membahayakan pengendara",
                                      "Jalan tanah licin saat hujan", "Bahu jalan longsor", "Saluran samping tersumbat, jalan tergenang"};

}  // namespace

std::string road_sample_csv(const Boundaries& boundaries, std::uint64_t seed, int count, int year) {
  if (boundaries.desa.empty()) throw Error("peta sample --ruas: the boundaries have no desa");
  // A stream of its own (the seed shifted), so the point sample of the same seed is unchanged.
  SeededRandom rng(seed ^ 0x72756173ull);  // "ruas"
  std::string out = "id,wkt,kategori,tanggal,tingkat,keterangan\n";
  const double metres_per_degree = 111'320.0;
  for (int i = 0; i < count; ++i) {
    const AdminUnit& desa = boundaries.desa[rng.below(boundaries.desa.size())];
    const GeosGeom g = to_geos(desa.geometry);
    Coord at = representative_point(g.get());
    double heading = rng.uniform(0, 2 * std::numbers::pi);
    const int legs = 3 + static_cast<int>(rng.below(3));
    char id[16];
    std::snprintf(id, sizeof id, "R%04d", i + 1);
    out += id;
    out += ",\"LINESTRING (";
    for (int leg = 0; leg <= legs; ++leg) {
      if (leg) {
        const double step_m = rng.uniform(120, 400);
        heading += rng.uniform(-0.5, 0.5);
        at.x += step_m * std::cos(heading) / (metres_per_degree * std::cos(at.y * std::numbers::pi / 180));
        at.y += step_m * std::sin(heading) / metres_per_degree;
        out += ", ";
      }
      append_degrees(out, at.x);
      out += ' ';
      append_degrees(out, at.y);
    }
    out += ")\",jalan_rusak,";
    out += date_of(year, static_cast<int>(rng.below(static_cast<std::uint64_t>(days_in_year(year)))));
    out += ',';
    out += kSeverities[rng.below(kSeverities.size())];
    out += ',';
    out += '"';  // the notes hold commas (none holds a quote)
    out += kRoadNotes[rng.below(std::size(kRoadNotes))];
    out += "\"\n";
  }
  return out;
}

}  // namespace peta
