#pragma once
// Synthetic damaged road stretches (line findings) over any desa layer, deterministic for a seed: the line
// source of the example (`peta sample --ruas`). Each stretch starts at a desa's inner point and runs 3 to 5 legs
// of 120-400 m with a gently turning heading, so most lie in one desa and some cross into a neighbour.
#include <cstdint>
#include <string>

#include "core/admin_unit.hpp"

namespace peta {

// CSV text: id,wkt,kategori,tanggal,tingkat,keterangan (id "R0001"..., WKT LINESTRING in EPSG:4326 with 7
// decimals, kategori jalan_rusak, a date in `year`). Throws peta::Error when the boundaries have no desa.
std::string road_sample_csv(const Boundaries& boundaries, std::uint64_t seed, int count, int year);

}  // namespace peta
