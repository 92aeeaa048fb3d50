#include "store/gpkg_geometry.hpp"

#include <cmath>
#include <algorithm>
#include <cstring>

namespace peta::store {
namespace {

double read_double(const unsigned char* p, bool little) {
  std::uint64_t u = 0;
  for (int i = 0; i < 8; ++i) u |= static_cast<std::uint64_t>(p[little ? i : 7 - i]) << (8 * i);
  double d;
  std::memcpy(&d, &u, 8);
  return d;
}
std::uint32_t read_u32(const unsigned char* p, bool little) {
  std::uint32_t u = 0;
  for (int i = 0; i < 4; ++i) u |= static_cast<std::uint32_t>(p[little ? i : 3 - i]) << (8 * i);
  return u;
}
void put_le(std::string& out, const void* v, int n) {
  // x86 and every platform Debian builds peta for are little-endian; the blob says so in its flags.
  out.append(static_cast<const char*>(v), static_cast<std::size_t>(n));
}

}  // namespace

std::string gpkg_point(double x, double y, std::int32_t srs_id) {
  std::string b;
  b.reserve(29);
  b += 'G';
  b += 'P';
  b += '\0';    // version 1 (0)
  b += '\x01';  // flags: little-endian, no envelope, not empty, standard binary
  put_le(b, &srs_id, 4);
  b += '\x01';  // WKB little-endian
  const std::uint32_t type = 1;  // Point
  put_le(b, &type, 4);
  put_le(b, &x, 8);
  put_le(b, &y, 8);
  return b;
}

namespace {

// The header of a blob whose envelope is written after all the coordinates: 8 bytes, then 32 reserved.
void begin_header(std::string& out, std::int32_t srs_id) {
  out.clear();
  out += 'G';
  out += 'P';
  out += '\0';
  out += '\x03';  // little-endian with an xy envelope (made empty below when there is no coordinate)
  put_le(out, &srs_id, 4);
  out.append(32, '\0');
}

// Fills in the envelope reserved by begin_header, or turns the header into GDAL's empty one (flags 0x11, no
// envelope) when `env` never grew.
std::optional<Envelope> end_header(std::string& out, const double env[4]) {
  if (env[0] > env[1]) {
    out[3] = '\x11';
    out.erase(8, 32);
    return std::nullopt;
  }
  std::memcpy(out.data() + 8, env, 32);  // minx, maxx, miny, maxy, little-endian
  return Envelope{env[0], env[1], env[2], env[3]};
}

void put_points(std::string& out, const std::vector<Coord>& points, double env[4]) {
  const auto n = static_cast<std::uint32_t>(points.size());
  put_le(out, &n, 4);
  for (const auto& c : points) {
    put_le(out, &c.x, 8);
    put_le(out, &c.y, 8);
    env[0] = std::min(env[0], c.x);
    env[1] = std::max(env[1], c.x);
    env[2] = std::min(env[2], c.y);
    env[3] = std::max(env[3], c.y);
  }
}

void put_type(std::string& out, std::uint32_t type) {
  out += '\x01';  // WKB little-endian
  put_le(out, &type, 4);
}

}  // namespace

std::optional<Envelope> gpkg_multipolygon(const MultiPolygon& geometry, std::int32_t srs_id, std::string& out) {
  double env[4] = {1e300, -1e300, 1e300, -1e300};
  begin_header(out, srs_id);
  put_type(out, 6);  // MultiPolygon
  const auto parts = static_cast<std::uint32_t>(geometry.parts.size());
  put_le(out, &parts, 4);
  for (const Polygon& part : geometry.parts) {
    put_type(out, 3);  // Polygon
    const auto rings = static_cast<std::uint32_t>(part.rings.size());
    put_le(out, &rings, 4);
    for (const Ring& ring : part.rings) put_points(out, ring, env);
  }
  return end_header(out, env);
}

namespace {

// A MultiLineString blob; `skip_empty`: empty parts left out (the store's segments), else kept (GDAL's layers).
std::optional<Envelope> put_multilinestring(const std::vector<LineString>& parts, std::int32_t srs_id,
                                            std::string& out, bool skip_empty) {
  double env[4] = {1e300, -1e300, 1e300, -1e300};
  begin_header(out, srs_id);
  put_type(out, 5);  // MultiLineString
  const auto count = static_cast<std::uint32_t>(
      skip_empty ? std::count_if(parts.begin(), parts.end(), [](const LineString& l) { return !l.empty(); })
                 : static_cast<std::ptrdiff_t>(parts.size()));
  put_le(out, &count, 4);
  for (const LineString& part : parts) {
    if (skip_empty && part.empty()) continue;
    put_type(out, 2);  // LineString
    put_points(out, part, env);
  }
  return end_header(out, env);
}

}  // namespace

std::optional<Envelope> gpkg_multilinestring(const std::vector<LineString>& parts, std::int32_t srs_id,
                                             std::string& out) {
  return put_multilinestring(parts, srs_id, out, false);
}

std::string gpkg_lines(const std::vector<LineString>& parts, std::int32_t srs_id) {
  std::string out;
  put_multilinestring(parts, srs_id, out, true);
  return out;
}

std::optional<std::size_t> gpkg_wkb_offset(const unsigned char* blob, std::size_t size) {
  if (!blob || size < 8 || blob[0] != 'G' || blob[1] != 'P') return std::nullopt;
  static const std::size_t envelope_bytes[] = {0, 32, 48, 48, 64, 0, 0, 0};
  const unsigned envelope = (blob[3] >> 1) & 7;
  if (envelope > 4 || size < 8 + envelope_bytes[envelope]) return std::nullopt;
  return 8 + envelope_bytes[envelope];
}

std::optional<Envelope> gpkg_envelope(const unsigned char* blob, std::size_t size) {
  if (!blob || size < 8 || blob[0] != 'G' || blob[1] != 'P') return std::nullopt;
  const unsigned flags = blob[3];
  if (flags & 0x10) return std::nullopt;  // empty geometry
  const bool little = flags & 1;
  static const std::size_t envelope_bytes[] = {0, 32, 48, 48, 64, 0, 0, 0};
  const unsigned envelope = (flags >> 1) & 7;
  const std::size_t header = 8 + envelope_bytes[envelope];
  if (envelope > 4 || size < header) return std::nullopt;
  if (envelope != 0) {
    const unsigned char* e = blob + 8;
    Envelope env{read_double(e, little), read_double(e + 8, little), read_double(e + 16, little),
                 read_double(e + 24, little)};
    if (std::isnan(env.minx)) return std::nullopt;
    return env;
  }
  const unsigned char* wkb = blob + header;
  if (size < header + 21) return std::nullopt;
  const bool wkb_little = wkb[0] == 1;
  const std::uint32_t type = read_u32(wkb + 1, wkb_little) % 1000;  // Point, Point Z/M (ISO codes)
  if (type != 1) return std::nullopt;
  const double x = read_double(wkb + 5, wkb_little), y = read_double(wkb + 13, wkb_little);
  if (std::isnan(x) || std::isnan(y)) return std::nullopt;  // POINT EMPTY in WKB
  return Envelope{x, x, y, y};
}

}  // namespace peta::store
