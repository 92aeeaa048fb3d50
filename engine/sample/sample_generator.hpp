#pragma once
// Realistic synthetic findings over any boundaries, deterministic for a seed: clustered around some
// villages, a realistic mix of categories, and a few points outside the regency (sea, neighbours).
#include <cstdint>
#include <functional>
#include <string>

#include "core/admin_unit.hpp"

namespace peta {

struct SampleOptions {
  std::int64_t count = 5000;
  std::uint64_t seed = 1;
  double outside_share = 0.01;   // share of points placed outside every desa
  int hot_villages = 12;         // villages around which findings cluster
};

struct SamplePoint {
  std::string id;
  Coord lonlat;
  std::string category;  // jalan_rusak, stunting, akses_sekolah, kemiskinan, layanan_publik
  std::string date;      // YYYY-MM-DD
  std::string severity;  // ringan / sedang / berat
  std::string note;      // keterangan
};

// Calls `emit` once per point, in order; streams, so any count fits in memory.
void generate_sample(const Boundaries& boundaries, const SampleOptions& options,
                     const std::function<void(const SamplePoint&)>& emit);

// Writes the sample as a CSV with columns id,lon,lat,kategori,tanggal,tingkat,keterangan.
void write_sample_csv(const Boundaries& boundaries, const SampleOptions& options, const std::string& path);

}  // namespace peta
