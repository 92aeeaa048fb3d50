#include "geocode/name_placer.hpp"

#include <map>

#include "core/error.hpp"
#include "core/finding.hpp"
#include "core/geos_handle.hpp"
#include "core/parallel.hpp"
#include "geocode/wilayah_csv.hpp"

namespace peta {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

void add_name(std::vector<std::string>& names, const std::string& official, const std::string& n) {
  if (n.empty() || n == official) return;
  for (const auto& have : names)
    if (have == n) return;
  names.push_back(n);
}

Gazetteer build(const Boundaries& b, const std::vector<std::string>& code_lists, GazetteerOptions options) {
  std::vector<GazetteerKecamatan> kecamatan;
  for (const auto& k : b.kecamatan) kecamatan.push_back({k.code.dotted(), k.name, {}});
  std::vector<GazetteerDesa> desa;
  for (std::size_t i = 0; i < b.desa.size(); ++i)
    desa.push_back({b.desa[i].code.dotted(), b.desa[i].name, b.desa[i].jenis, b.desa_kecamatan[i], {}});
  std::map<std::string, std::size_t> desa_at, kec_at;
  for (std::size_t i = 0; i < desa.size(); ++i) desa_at[desa[i].code] = i;
  for (std::size_t k = 0; k < kecamatan.size(); ++k) kec_at[kecamatan[k].code] = k;
  for (const auto& path : code_lists) {
    for (const WilayahRow& r : read_wilayah_csv(path)) {
      if (r.code.level() == AdminLevel::desa) {
        auto it = desa_at.find(r.code.dotted());
        if (it == desa_at.end()) continue;  // a desa the boundaries do not have cannot be placed
        auto& d = desa[it->second];
        add_name(d.other_names, d.name, r.name);
        for (const auto& old : r.old_names) add_name(d.other_names, d.name, old);
      } else if (r.code.level() == AdminLevel::kecamatan) {
        auto it = kec_at.find(r.code.dotted());
        if (it == kec_at.end()) continue;
        auto& k = kecamatan[it->second];
        add_name(k.other_names, k.name, r.name);
        for (const auto& old : r.old_names) add_name(k.other_names, k.name, old);
      }
    }
  }
  return Gazetteer(std::move(kecamatan), std::move(desa), options);
}

Coord point_on_surface(const MultiPolygon& mp) {
  auto h = geos_context().get();
  GeosGeom g = to_geos(mp);
  GeosGeom p(GEOSPointOnSurface_r(h, g.get()));
  Coord c;
  if (p) {
    GEOSGeomGetX_r(h, p.get(), &c.x);
    GEOSGeomGetY_r(h, p.get(), &c.y);
  }
  return c;
}

}  // namespace

NamePlacer::NamePlacer(const Boundaries& boundaries, const std::vector<std::string>& code_lists, GazetteerOptions options)
    : b_(boundaries), gazetteer_(build(boundaries, code_lists, options)) {
  // The gazetteer keeps the boundaries' order (desa by code).
  to_desa_.resize(gazetteer_.desa().size());
  for (std::size_t i = 0; i < to_desa_.size(); ++i) to_desa_[i] = static_cast<int>(i);
  anchors_.resize(b_.desa.size());
  parallel_for(b_.desa.size(), thread_count(), [&](std::size_t d) { anchors_[d] = point_on_surface(b_.desa[d].geometry); });
}

NamePlacement NamePlacer::place(std::string_view desa_name, std::string_view kecamatan, std::string_view desa_code) const {
  NamePlacement p;
  desa_name = trim(desa_name);
  kecamatan = trim(kecamatan);
  desa_code = trim(desa_code);
  std::string code_problem;
  if (!desa_code.empty()) {
    GazetteerMatch m = gazetteer_.by_code(desa_code);
    if (m.status == GazetteerMatch::Status::matched) {
      p.desa = to_desa_[static_cast<std::size_t>(m.desa)];
      p.flags = kFlagByCode;
      return p;
    }
    code_problem = m.detail;
    if (desa_name.empty()) {
      p.reason = kReasonDesaCodeUnknown;
      p.detail = m.detail;
      p.by_code_column = true;
      return p;
    }
  }
  if (desa_name.empty()) return p;
  GazetteerMatch m = gazetteer_.match(desa_name, kecamatan);
  if (m.status == GazetteerMatch::Status::matched) {
    p.desa = to_desa_[static_cast<std::size_t>(m.desa)];
    p.flags = kFlagByName;
    return p;
  }
  p.reason = m.status == GazetteerMatch::Status::ambiguous ? kReasonDesaAmbiguous : kReasonDesaNotFound;
  p.detail = m.detail + (code_problem.empty() ? "" : " (" + code_problem + ")");
  return p;
}

}  // namespace peta
