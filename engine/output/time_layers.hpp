#pragma once
// The layers of issue 14 (time), as schemas and features for the OutputSet:
//   hitungan_periode      a table (no geometry): kode_desa, nama_desa, periode, mulai, selesai, kategori, n
//                         one row per desa x period x category with at least one finding;
//   hitungan_periode_kec  the same per kecamatan (kode_kec, nama_kec);
//   tren_<kategori>       fields on the desa layer: the emerging hot spot class (values such as
//                         "panas_baru", legend in style_rules: "Titik panas baru").
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/period_counts.hpp"
#include "core/admin_unit.hpp"
#include "hotspots/emerging_hotspots.hpp"
#include "output/layer.hpp"

namespace peta {

enum class PeriodTableLevel { desa, kecamatan };

LayerSchema period_table_schema(PeriodTableLevel level);
// `counts` per desa (level desa) or per kecamatan (level kecamatan: counts.rollup(b.desa_kecamatan)).
// Categories are written as counted (the taxonomy codes).
std::vector<Feature> period_table_features(const PeriodCounts& counts, const Boundaries& b, PeriodTableLevel level);

// tren_<code> per category (shapefile tr<short_code>), to append to desa_schema's fields.
std::vector<FieldDef> trend_fields(const CategoryTaxonomy& categories);
// Appends one value per category to a desa feature: the class of `desa`, or NULL where trends[c] is null
// (the category was not analysed: too few periods or no dated findings).
void append_trend_values(Feature& desa_feature, std::size_t desa, const std::vector<const EmergingResult*>& trends);

}  // namespace peta
