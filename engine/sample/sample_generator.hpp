#pragma once
// Realistic synthetic findings over any boundaries, deterministic for a seed: clustered around some
// villages, a realistic mix of categories, and a few points outside the regency (sea, neighbours).
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin_unit.hpp"

namespace peta {

struct SampleOptions {
  std::int64_t count = 5000;
  std::uint64_t seed = 1;
  double outside_share = 0.01;   // share of points placed outside every desa
  int hot_villages = 12;         // villages around which findings cluster
  double cluster_share = 0.55;   // share of the inside points drawn from the hot-village clusters
  double dominant_share = 0.6;   // share of a hot village's cluster points in its dominant category
  int year = 2026;               // every `tanggal` falls in this year
  double potential_share = 0.03; // share of points recorded as village potential (category potensi) instead
};

// The categories, in the order used everywhere, and their overall target shares.
inline constexpr std::array<std::string_view, 5> kSampleCategories = {
    "jalan_rusak", "stunting", "akses_sekolah", "kemiskinan", "layanan_publik"};
inline constexpr std::array<double, 5> kSampleCategoryShares = {0.35, 0.20, 0.15, 0.18, 0.12};
// A point recorded as village potential (a tourist spot, a craft, a farm product) rather than a problem: chosen by
// a random stream of its own, so the problems' positions, dates and categories do not move with this share (the
// other points keep exactly what they had without it).
inline constexpr std::string_view kSamplePotentialCategory = "potensi";

// One cluster of findings around a village (chosen by the seed).
struct HotVillage {
  int desa = -1;            // index in Boundaries::desa
  Coord centre;             // GEOSPointOnSurface of the desa: always inside it
  double sigma_m = 0;       // standard deviation of the Gaussian cluster, metres (300 .. 2000)
  int dominant = 0;         // index in kSampleCategories
  double weight = 0;        // share of the clustered points that fall in this cluster (sums to 1)
};

// The hot villages generate_sample uses for these boundaries and options (for tests and reports).
std::vector<HotVillage> plan_hot_villages(const Boundaries& boundaries, const SampleOptions& options);

struct SamplePoint {
  std::string id;
  Coord lonlat;
  std::string category;  // jalan_rusak, stunting, akses_sekolah, kemiskinan, layanan_publik, potensi
  std::string date;      // YYYY-MM-DD
  std::string severity;  // ringan / sedang / berat
  std::string note;      // keterangan
};

// Calls `emit` once per point, in order; streams, so any count fits in memory.
// Throws peta::Error when the boundaries have no desa or an option is out of range.
void generate_sample(const Boundaries& boundaries, const SampleOptions& options,
                     const std::function<void(const SamplePoint&)>& emit);

// Writes the sample as a CSV with columns id,lon,lat,kategori,tanggal,tingkat,keterangan (RFC 4180,
// LF line ends, lon/lat with 7 decimals) to `path`.tmp, then renames it to `path`.
void write_sample_csv(const Boundaries& boundaries, const SampleOptions& options, const std::string& path);

}  // namespace peta
