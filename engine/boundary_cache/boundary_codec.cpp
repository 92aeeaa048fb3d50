#include "boundary_cache/boundary_codec.hpp"

#include <type_traits>

#include "boundary_cache/byte_codec.hpp"

namespace peta::boundary_cache {
namespace {

static_assert(std::is_trivially_copyable_v<Coord> && std::is_trivially_copyable_v<Box> &&
              std::is_trivially_copyable_v<VertexRange> && std::is_trivially_copyable_v<CellEntry> &&
              std::is_trivially_copyable_v<CellGrid>);

// Section tags: a payload from another layout fails at the first tag instead of decoding garbage.
constexpr std::uint32_t kUnitsTag = 0x53544e55;   // "UNTS"
constexpr std::uint32_t kIssuesTag = 0x53535349;  // "ISSS"
constexpr std::uint32_t kIndexTag = 0x58444e49;   // "INDX"
constexpr std::uint32_t kEndTag = 0x21444e45;     // "END!"

void expect(ByteReader& r, std::uint32_t tag) {
  if (r.get<std::uint32_t>() != tag) throw DecodeError("section tag mismatch");
}

void put_geometry(ByteWriter& w, const MultiPolygon& mp) {
  w.put<std::uint64_t>(mp.parts.size());
  for (const auto& part : mp.parts) {
    w.put<std::uint64_t>(part.rings.size());
    for (const auto& ring : part.rings) w.put_array(ring);
  }
}

MultiPolygon get_geometry(ByteReader& r) {
  MultiPolygon mp;
  mp.parts.resize(r.count(sizeof(std::uint64_t)));
  for (auto& part : mp.parts) {
    part.rings.resize(r.count(sizeof(std::uint64_t)));
    for (auto& ring : part.rings) ring = r.get_array<Coord>();
  }
  return mp;
}

void put_units(ByteWriter& w, const std::vector<AdminUnit>& units) {
  w.put<std::uint64_t>(units.size());
  for (const auto& u : units) {
    w.put_string(u.code.dotted());
    w.put_string(u.name);
    w.put_string(u.jenis);
    w.put<double>(u.area_km2);
    put_geometry(w, u.geometry);
  }
}

std::vector<AdminUnit> get_units(ByteReader& r, AdminLevel level) {
  std::vector<AdminUnit> units;
  std::uint64_t n = r.count(8);
  units.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    auto code = AdminCode::parse(r.get_string());
    if (!code || code->level() != level) throw DecodeError("bad unit code");
    AdminUnit u{*code, r.get_string(), r.get_string(), {}, 0};
    u.area_km2 = r.get<double>();
    u.geometry = get_geometry(r);
    units.push_back(std::move(u));
  }
  return units;
}

void put_issues(ByteWriter& w, const LoadIssues& issues) {
  w.put<std::uint64_t>(issues.repairs.size());
  for (const auto& rep : issues.repairs) {
    w.put_string(rep.level);
    w.put_string(rep.code);
    w.put_string(rep.name);
    w.put_string(rep.reason);
    w.put<double>(rep.area_change_km2);
  }
  w.put_strings(issues.duplicate_codes);
  w.put_strings(issues.orphan_desa);
  w.put_strings(issues.bad_codes);
  w.put<std::uint8_t>(issues.kecamatan_dissolved ? 1 : 0);
  w.put_string(issues.desa_profile);
}

LoadIssues get_issues(ByteReader& r) {
  LoadIssues issues;
  std::uint64_t n = r.count(8);
  for (std::uint64_t i = 0; i < n; ++i) {
    GeometryRepair rep;
    rep.level = r.get_string();
    rep.code = r.get_string();
    rep.name = r.get_string();
    rep.reason = r.get_string();
    rep.area_change_km2 = r.get<double>();
    issues.repairs.push_back(std::move(rep));
  }
  issues.duplicate_codes = r.get_strings();
  issues.orphan_desa = r.get_strings();
  issues.bad_codes = r.get_strings();
  issues.kecamatan_dissolved = r.get<std::uint8_t>() != 0;
  issues.desa_profile = r.get_string();
  return issues;
}

void put_index(ByteWriter& w, const LocatorIndex& index) {
  const FlatDesa& f = index.flat;
  w.put_array(f.metres);
  w.put_array(f.rings);
  w.put_array(f.desa_rings);
  w.put_array(f.bounds_lonlat);
  w.put_array(f.bounds_metres);
  w.put(f.extent);
  const CellIndex& c = index.cells;
  w.put(c.grid);
  w.put_array(c.covered_by);
  w.put_array(c.cell_start);
  w.put_array(c.entries);
  w.put_array(c.chain_vertices);
}

std::shared_ptr<LocatorIndex> get_index(ByteReader& r, std::size_t desa_count, const std::shared_ptr<const void>& keeper) {
  auto index = std::make_shared<LocatorIndex>();
  FlatDesa& f = index->flat;
  f.metres = r.view_array<Coord>(keeper);
  f.rings = r.view_array<VertexRange>(keeper);
  f.desa_rings = r.view_array<std::uint32_t>(keeper);
  f.bounds_lonlat = r.view_array<Box>(keeper);
  f.bounds_metres = r.view_array<Box>(keeper);
  f.extent = r.get<Box>();
  CellIndex& c = index->cells;
  c.grid = r.get<CellGrid>();
  c.covered_by = r.view_array<std::uint16_t>(keeper);
  c.cell_start = r.view_array<std::uint32_t>(keeper);
  c.entries = r.view_array<CellEntry>(keeper);
  c.chain_vertices = r.view_array<Coord>(keeper);
  // The arrays must agree with each other and with the boundaries, or a lookup would read out of bounds.
  bool ok = f.bounds_lonlat.size() == desa_count && f.bounds_metres.size() == desa_count &&
            f.desa_rings.size() == desa_count + 1 && c.covered_by.size() == c.grid.cell_count() &&
            c.cell_start.size() == c.grid.cell_count() + 1 && (c.cell_start.empty() || c.cell_start.back() == c.entries.size());
  for (std::size_t d = 0; ok && d + 1 < f.desa_rings.size(); ++d) ok = f.desa_rings[d] <= f.desa_rings[d + 1];
  ok = ok && (f.desa_rings.empty() || f.desa_rings.back() == f.rings.size());
  for (std::size_t i = 0; ok && i < f.rings.size(); ++i) ok = f.rings[i].begin <= f.rings[i].end && f.rings[i].end <= f.metres.size();
  for (std::size_t i = 0; ok && i + 1 < c.cell_start.size(); ++i) ok = c.cell_start[i] <= c.cell_start[i + 1];
  for (std::size_t i = 0; ok && i < c.entries.size(); ++i) {
    const CellEntry& e = c.entries[i];
    ok = e.desa >= 0 && static_cast<std::size_t>(e.desa) < desa_count &&
         std::uint64_t{e.first_vertex} + e.vertex_count <= c.chain_vertices.size();
  }
  for (std::size_t i = 0; ok && i < c.covered_by.size(); ++i)
    ok = c.covered_by[i] == kNotCovered || c.covered_by[i] < desa_count;
  if (!ok) throw DecodeError("locator index arrays do not agree");
  return index;
}

}  // namespace

std::vector<char> encode_prepared(const LoadedBoundaries& loaded, const LocatorIndex& index) {
  ByteWriter w;
  const Boundaries& b = loaded.boundaries;
  w.put(kUnitsTag);
  put_units(w, b.kabupaten);
  put_units(w, b.kecamatan);
  put_units(w, b.desa);
  w.put_array(b.desa_kecamatan);
  w.put_array(b.kecamatan_kabupaten);
  w.put(kIssuesTag);
  put_issues(w, loaded.issues);
  w.put(kIndexTag);
  put_index(w, index);
  w.put(kEndTag);
  return std::move(w.bytes());
}

DecodedPrepared decode_prepared(const char* data, std::size_t size, const std::shared_ptr<const void>& keeper) {
  ByteReader r(data, size);
  DecodedPrepared out;
  Boundaries& b = out.loaded.boundaries;
  expect(r, kUnitsTag);
  b.kabupaten = get_units(r, AdminLevel::kabupaten);
  b.kecamatan = get_units(r, AdminLevel::kecamatan);
  b.desa = get_units(r, AdminLevel::desa);
  b.desa_kecamatan = r.get_array<int>();
  b.kecamatan_kabupaten = r.get_array<int>();
  if (b.desa_kecamatan.size() != b.desa.size() || b.kecamatan_kabupaten.size() != b.kecamatan.size())
    throw DecodeError("hierarchy sizes do not match the units");
  for (int k : b.desa_kecamatan)
    if (k < -1 || k >= static_cast<int>(b.kecamatan.size())) throw DecodeError("desa's kecamatan out of range");
  for (int k : b.kecamatan_kabupaten)
    if (k < -1 || k >= static_cast<int>(b.kabupaten.size())) throw DecodeError("kecamatan's kabupaten out of range");
  expect(r, kIssuesTag);
  out.loaded.issues = get_issues(r);
  out.copied_bytes = r.offset();
  expect(r, kIndexTag);
  out.index = get_index(r, b.desa.size(), keeper);
  expect(r, kEndTag);
  if (!r.at_end()) throw DecodeError("bytes after the end");
  return out;
}

}  // namespace peta::boundary_cache
