#include "geocode/name_placer.hpp"

#include <cstdio>
#include <map>

#include "core/error.hpp"
#include "core/finding.hpp"
#include "core/geos_handle.hpp"
#include "core/parallel.hpp"
#include "geocode/code_list.hpp"

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

}  // namespace

Gazetteer build_gazetteer(const Boundaries& b, const std::vector<std::string>& code_lists, GazetteerOptions options) {
  std::vector<GazetteerKabupaten> kabupaten;
  for (const auto& k : b.kabupaten) kabupaten.push_back({k.code.dotted(), k.name});
  std::vector<GazetteerKecamatan> kecamatan;
  for (std::size_t k = 0; k < b.kecamatan.size(); ++k)
    kecamatan.push_back({b.kecamatan[k].code.dotted(), b.kecamatan[k].name, {},
                         k < b.kecamatan_kabupaten.size() ? b.kecamatan_kabupaten[k] : -1});
  std::vector<GazetteerDesa> desa;
  for (std::size_t i = 0; i < b.desa.size(); ++i)
    desa.push_back({b.desa[i].code.dotted(), b.desa[i].name, b.desa[i].jenis, b.desa_kecamatan[i], {}});
  std::map<std::string, std::size_t> desa_at, kec_at, kab_at;
  for (std::size_t i = 0; i < desa.size(); ++i) desa_at[desa[i].code] = i;
  for (std::size_t k = 0; k < kecamatan.size(); ++k) kec_at[kecamatan[k].code] = k;
  for (std::size_t k = 0; k < kabupaten.size(); ++k) kab_at[kabupaten[k].code] = k;
  // Villages a code list has and the boundaries lack are kept as outside names: recognised, never placed.
  std::vector<GazetteerDesa> outside;
  std::vector<std::string> outside_kec;  // their kecamatan code, for the index filled in below
  for (const auto& path : code_lists) {
    for (const WilayahRow& r : read_code_list(path)) {
      if (r.code.level() == AdminLevel::desa) {
        auto it = desa_at.find(r.code.dotted());
        if (it == desa_at.end()) {
          desa_at[r.code.dotted()] = desa.size() + outside.size();  // a code listed twice is kept once
          outside.push_back({r.code.dotted(), r.name, r.jenis, -1, r.old_names, true});
          outside_kec.push_back(r.code.parent()->dotted());
          if (!kec_at.count(outside_kec.back())) {
            kec_at[outside_kec.back()] = kecamatan.size();
            kecamatan.push_back({outside_kec.back(), r.kecamatan_name.empty() ? outside_kec.back() : r.kecamatan_name,
                                 {}, -1});
          }
          continue;
        }
        if (it->second >= desa.size()) continue;
        auto& d = desa[it->second];
        add_name(d.other_names, d.name, r.name);
        for (const auto& old : r.old_names) add_name(d.other_names, d.name, old);
      } else if (r.code.level() == AdminLevel::kecamatan) {
        auto it = kec_at.find(r.code.dotted());
        if (it == kec_at.end()) {
          kec_at[r.code.dotted()] = kecamatan.size();
          kecamatan.push_back({r.code.dotted(), r.name, r.old_names, -1});
          continue;
        }
        auto& k = kecamatan[it->second];
        if (k.name == k.code) k.name = r.name;  // an outside kecamatan first seen without its name
        add_name(k.other_names, k.name, r.name);
        for (const auto& old : r.old_names) add_name(k.other_names, k.name, old);
      } else if (r.code.level() == AdminLevel::kabupaten) {
        auto it = kab_at.find(r.code.dotted());
        if (it == kab_at.end()) {
          kab_at[r.code.dotted()] = kabupaten.size();
          kabupaten.push_back({r.code.dotted(), r.name});
        } else if (kabupaten[it->second].name.empty()) {
          kabupaten[it->second].name = r.name;
        }
      }
    }
  }
  for (std::size_t i = 0; i < outside.size(); ++i) {
    outside[i].kecamatan = static_cast<int>(kec_at.at(outside_kec[i]));
    desa.push_back(std::move(outside[i]));
  }
  return Gazetteer(std::move(kecamatan), std::move(desa), options, std::move(kabupaten));
}

namespace {

Coord point_on_surface(const MultiPolygon& mp) {
  auto h = geos_context().get();
  GeosGeom g = to_geos(mp);
  Coord c;
  if (!g) return c;
  GeosGeom p(GEOSPointOnSurface_r(h, g.get()));
  if (p && GEOSisEmpty_r(h, p.get()) == 0) {  // an empty desa (no geometry) has no point on its surface
    GEOSGeomGetX_r(h, p.get(), &c.x);
    GEOSGeomGetY_r(h, p.get(), &c.y);
  }
  return c;
}

}  // namespace

NamePlacer::NamePlacer(const Boundaries& boundaries, const std::vector<std::string>& code_lists, GazetteerOptions options)
    : b_(boundaries), gazetteer_(build_gazetteer(boundaries, code_lists, options)) {
  // The gazetteer keeps the boundaries' order (desa by code).
  to_desa_.resize(gazetteer_.desa().size());
  for (std::size_t i = 0; i < to_desa_.size(); ++i) to_desa_[i] = i < b_.desa.size() ? static_cast<int>(i) : -1;
  anchors_.resize(b_.desa.size());
  parallel_for(b_.desa.size(), thread_count(), [&](std::size_t d) { anchors_[d] = point_on_surface(b_.desa[d].geometry); });
}

NamePlacement NamePlacer::place(std::string_view desa_name, std::string_view kecamatan, std::string_view desa_code,
                               std::string_view kabupaten) const {
  NamePlacement p;
  desa_name = trim(desa_name);
  kecamatan = trim(kecamatan);
  desa_code = trim(desa_code);
  kabupaten = trim(kabupaten);
  std::string code_problem;
  if (!desa_code.empty()) {
    GazetteerMatch m = gazetteer_.by_code(desa_code);
    if (m.status == GazetteerMatch::Status::matched) {
      p.desa = to_desa_[static_cast<std::size_t>(m.desa)];
      p.flags = kFlagByCode;
      p.confidence = 1;
      return p;
    }
    code_problem = m.detail;
    if (desa_name.empty()) {
      p.reason = m.status == GazetteerMatch::Status::outside ? RejectionReason::desa_outside_region : RejectionReason::desa_code_unknown;
      p.detail = m.detail;
      p.by_code_column = true;
      return p;
    }
  }
  if (desa_name.empty()) return p;
  GazetteerMatch m = gazetteer_.match(desa_name, kecamatan, kabupaten);
  p.confidence = m.confidence;
  if (m.status == GazetteerMatch::Status::matched) {
    p.desa = to_desa_[static_cast<std::size_t>(m.desa)];
    p.flags = kFlagByName | (m.needs_check ? kFlagNeedsCheck : 0u);
    return p;
  }
  char conf[48];
  std::snprintf(conf, sizeof conf, " (keyakinan / confidence %.2f)", m.confidence);
  p.reason = rejection_reason(m.status);
  p.detail = m.detail + conf + (code_problem.empty() ? "" : " (" + code_problem + ")");
  return p;
}

}  // namespace peta
