#include "boundaries/boundary_loader.hpp"

#include <algorithm>
#include <cctype>
#include <future>
#include <map>

#include "boundaries/ogr_boundary_reader.hpp"
#include "boundaries/polygon_ops.hpp"
#include "boundaries/unit_dissolve.hpp"
#include "core/crs.hpp"
#include "core/parallel.hpp"
#include "core/error.hpp"

namespace peta {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Turns raw records of one level into units: parses codes, drops duplicates and bad codes,
// repairs invalid geometries, computes areas, sorts by code.
std::vector<AdminUnit> to_units(const RawLayer& raw, const std::string& level, AdminLevel expected,
                                LoadIssues& issues) {
  for (const auto& s : raw.skipped) issues.bad_codes.push_back(s);
  std::vector<AdminUnit> units;
  std::map<std::string, std::pair<long long, std::string>> first_feature;  // code -> feature number, name
  for (const auto& r : raw.units) {
    auto code = AdminCode::parse(r.code);
    if (!code || code->level() != expected) {
      issues.bad_codes.push_back(raw.source_name + " feature " + std::to_string(r.feature) + ": code '" + r.code +
                                 "' is not a " + level + " Kemendagri code");
      continue;
    }
    auto [it, fresh] = first_feature.emplace(code->dotted(), std::make_pair(r.feature, r.name));
    if (!fresh) {
      issues.duplicate_codes.push_back(code->dotted() + " (" + level + ", features " + std::to_string(it->second.first) +
                                       " '" + it->second.second + "' and " + std::to_string(r.feature) + " '" + r.name +
                                       "'; the first is kept)");
      continue;
    }
    AdminUnit u{*code, r.name, {}, r.geometry, 0};
    if (expected == AdminLevel::desa) {
      std::string j = lower(r.jenis);
      u.jenis = (j == "desa" || j == "kelurahan") ? j : (code->is_kelurahan() ? "kelurahan" : "desa");
    }
    units.push_back(std::move(u));
  }
  // Areas and validity, on every core; repairs are recorded afterwards in feature order.
  std::vector<std::optional<GeometryRepair>> repairs(units.size());
  parallel_for(units.size(), thread_count(), [&](std::size_t i) {
    AdminUnit& u = units[i];
    u.area_km2 = area_km2(u.geometry);
    if (auto reason = invalid_reason(u.geometry)) {
      u.geometry = make_valid(u.geometry);
      double after = area_km2(u.geometry);
      repairs[i] = GeometryRepair{level, u.code.dotted(), u.name, *reason, after - u.area_km2};
      u.area_km2 = after;
    }
  });
  for (auto& r : repairs)
    if (r) issues.repairs.push_back(std::move(*r));
  std::sort(units.begin(), units.end(), [](const AdminUnit& a, const AdminUnit& b) { return a.code < b.code; });
  return units;
}

}  // namespace

LoadedBoundaries load_boundaries(const BoundarySettings& settings) {
  LoadedBoundaries out;
  Boundaries& b = out.boundaries;
  LoadIssues& issues = out.issues;

  // The layers are read concurrently (separate GDAL datasets); parsing a GeoJSON is most of the cost.
  auto read_async = [](const std::optional<BoundarySource>& source, const char* level) {
    return source ? std::async(std::launch::async, [&source, level] { return read_boundary_layer(*source, level); })
                  : std::future<RawLayer>();
  };
  auto kecamatan_future = read_async(settings.kecamatan, "kecamatan");
  auto kabupaten_future = read_async(settings.kabupaten, "kabupaten");
  RawLayer raw_desa = read_boundary_layer(settings.desa, "desa");
  issues.desa_profile = raw_desa.profile;
  b.desa = to_units(raw_desa, "desa", AdminLevel::desa, issues);
  if (b.desa.empty()) throw Error(raw_desa.source_name + ": no usable desa feature");

  // Names of the parent levels as the desa layer spells them.
  std::map<std::string, std::string> kec_names, kab_names;
  for (const auto& r : raw_desa.units) {
    auto code = AdminCode::parse(r.code);
    if (!code || code->level() != AdminLevel::desa) continue;
    if (!r.parent_name.empty()) kec_names.emplace(code->at(AdminLevel::kecamatan).dotted(), r.parent_name);
    if (!r.kab_name.empty()) kab_names.emplace(code->at(AdminLevel::kabupaten).dotted(), r.kab_name);
  }

  if (settings.kecamatan) {
    b.kecamatan = to_units(kecamatan_future.get(), "kecamatan", AdminLevel::kecamatan, issues);
  }
  // Kecamatan that some desa names but no kecamatan layer has: dissolved from those desa.
  std::vector<std::string> missing;
  for (const auto& d : b.desa) {
    std::string kec = d.code.parent()->dotted();
    bool known = std::any_of(b.kecamatan.begin(), b.kecamatan.end(), [&](const AdminUnit& k) { return k.code.dotted() == kec; });
    // With a kecamatan layer, a desa whose kecamatan it lacks is an orphan: reported, not given an invented
    // kecamatan. Without one, every kecamatan is dissolved from its desa.
    if (!known && settings.kecamatan) {
      issues.orphan_desa.push_back(d.code.dotted() + " " + d.name + " (kecamatan " + kec + ")");
      continue;
    }
    if (!known && (missing.empty() || missing.back() != kec) &&
        std::find(missing.begin(), missing.end(), kec) == missing.end())
      missing.push_back(kec);
  }
  issues.kecamatan_dissolved = !settings.kecamatan;
  auto dissolved = dissolve_kecamatan(b.desa, kec_names, missing);
  b.kecamatan.insert(b.kecamatan.end(), std::make_move_iterator(dissolved.begin()), std::make_move_iterator(dissolved.end()));
  std::sort(b.kecamatan.begin(), b.kecamatan.end(), [](const AdminUnit& x, const AdminUnit& y) { return x.code < y.code; });
  for (auto& k : b.kecamatan)
    if (k.name.empty() && kec_names.count(k.code.dotted())) k.name = kec_names.at(k.code.dotted());

  if (settings.kabupaten) {
    b.kabupaten = to_units(kabupaten_future.get(), "kabupaten", AdminLevel::kabupaten, issues);
  }
  for (const auto& k : b.kecamatan) {
    AdminCode kab = k.code.at(AdminLevel::kabupaten);
    bool known = std::any_of(b.kabupaten.begin(), b.kabupaten.end(), [&](const AdminUnit& u) { return u.code == kab; });
    if (!known) b.kabupaten.push_back({kab, kab_names.count(kab.dotted()) ? kab_names.at(kab.dotted()) : "", {}, {}, 0});
  }
  std::sort(b.kabupaten.begin(), b.kabupaten.end(), [](const AdminUnit& x, const AdminUnit& y) { return x.code < y.code; });

  for (const auto& d : b.desa) b.desa_kecamatan.push_back(b.find_kecamatan(*d.code.parent()));
  for (const auto& k : b.kecamatan) {
    AdminCode kab = k.code.at(AdminLevel::kabupaten);
    auto it = std::find_if(b.kabupaten.begin(), b.kabupaten.end(), [&](const AdminUnit& u) { return u.code == kab; });
    b.kecamatan_kabupaten.push_back(static_cast<int>(it - b.kabupaten.begin()));
  }
  if (settings.duplicate_codes_stop && !issues.duplicate_codes.empty()) {
    std::string list;
    for (const auto& d : issues.duplicate_codes) list += (list.empty() ? "" : "; ") + d.substr(0, d.find("; the first")) + ")";
    throw Error("boundaries: " + std::to_string(issues.duplicate_codes.size()) +
                " code(s) given to two features, so a village would disappear: " + list +
                ". Give each its own code (peta boundaries check lists them all)");
  }
  return out;
}

}  // namespace peta
