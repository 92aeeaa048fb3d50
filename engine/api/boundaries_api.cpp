// check_boundaries(): the boundary quality report of `peta boundaries check`, behind plain structs.
#include "api/api_support.hpp"
#include "boundaries/boundary_loader.hpp"
#include "boundaries/quality_report.hpp"
#include "peta/boundaries.hpp"

namespace peta::api {
namespace {

BoundaryCheck check(BoundarySettings settings, const nlohmann::json& sources) {
  settings.duplicate_codes_stop = false;  // the report lists them
  const LoadedBoundaries loaded = load_boundaries(settings);
  const QualityOptions options;
  const QualityReport q = check_quality(loaded, options);
  BoundaryCheck c;
  c.desa = q.desa;
  c.kelurahan = q.kelurahan;
  c.kecamatan = q.kecamatan;
  c.kabupaten = q.kabupaten;
  c.repaired = q.load.repairs.size();
  c.still_invalid = q.still_invalid.size();
  c.duplicate_codes = q.load.duplicate_codes.size();
  c.bad_codes = q.load.bad_codes.size();
  c.overlap_pairs = q.overlaps.size();
  c.overlap_km2 = q.overlap_total_m2 / 1e6;
  c.gaps = q.gaps.size();
  c.gap_km2 = q.gap_total_m2 / 1e6;
  c.kecamatan_mismatches = q.kecamatan_mismatches.size();
  c.desa_area_km2 = q.desa_area_km2;
  c.desa_area_geodesic_km2 = q.desa_area_geodesic_km2;
  c.problems = q.problem_count();
  c.text = to_text(q, options);
  nlohmann::json j = to_json(q);
  j["sources"] = sources;
  c.json = j.dump(2);
  return c;
}

}  // namespace

BoundaryCheck check_boundaries(const BoundaryCheckOptions& o) {
  return guarded([&] {
    if (o.desa.empty()) throw Error("check_boundaries: no desa layer (BoundaryCheckOptions::desa)");
    BoundarySettings settings;
    settings.desa.path = o.desa;
    settings.desa.layer = o.desa_layer;
    settings.desa.where = o.where;
    settings.desa.crs = o.crs;
    if (!o.kecamatan.empty()) settings.kecamatan.emplace().path = o.kecamatan;
    if (!o.kabupaten.empty()) settings.kabupaten.emplace().path = o.kabupaten;
    if (settings.kecamatan) settings.kecamatan->crs = o.crs;
    if (settings.kabupaten) settings.kabupaten->crs = o.crs;
    return check(settings, {{"desa", o.desa}, {"desa_layer", o.desa_layer}, {"where", o.where},
                            {"kecamatan", o.kecamatan}, {"kabupaten", o.kabupaten}});
  });
}

BoundaryCheck check_boundaries(const Project& project) {
  return guarded([&] {
    const BoundarySettings& b = settings_of(project).boundaries;
    return check(b, {{"project", project.file()}, {"desa", b.desa.path},
                     {"kecamatan", b.kecamatan ? b.kecamatan->path : ""},
                     {"kabupaten", b.kabupaten ? b.kabupaten->path : ""}});
  });
}

}  // namespace peta::api
