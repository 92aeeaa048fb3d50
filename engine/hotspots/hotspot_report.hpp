#pragma once
// The hotspot summary planners read: for each category, the significant hot and cold desa (Gi* bins),
// grouped by kecamatan and ranked by z, with global Moran's I; as JSON, CSV and readable text
// (Indonesian, or English).
#include <string>

#include <nlohmann/json.hpp>

#include "aggregate/unit_counts.hpp"
#include "core/admin_unit.hpp"
#include "hotspots/desa_hotspots.hpp"

namespace peta {

nlohmann::json hotspot_report_json(const Boundaries& b, const UnitCounts& counts, const DesaHotspots& h);
// One row per significant desa and category: kategori, arah (panas/dingin), kode_kec, nama_kec,
// peringkat (rank in its kecamatan), kode, nama, gi_z, gi_bin, tingkat_persen, laju_eb, jumlah.
std::string hotspot_report_csv(const Boundaries& b, const UnitCounts& counts, const DesaHotspots& h);
// language "id" or "en".
std::string hotspot_report_text(const Boundaries& b, const UnitCounts& counts, const DesaHotspots& h,
                                 const std::string& language);

}  // namespace peta
