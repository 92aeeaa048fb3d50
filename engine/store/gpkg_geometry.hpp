#pragma once
// The few bits of GeoPackage binary geometry (GeoPackage 1.2, clause 2.1.3) the store's SQLite path needs:
// writing a point, and reading any geometry's envelope. Hand-written because GDAL exposes no call that writes
// or reads these blobs without building an OGRGeometry per row (a heap object each, a million times).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace peta::store {

// "GP", version 0, flags (little-endian, no envelope), srs_id, then the WKB point (little-endian): 29 bytes,
// exactly what GDAL writes for a point.
std::string gpkg_point(double x, double y, std::int32_t srs_id);

// A MultiLineString (a segment of the `ruas` layer): header with its xy envelope (flags: little-endian,
// envelope 1), as GDAL writes a line, then the WKB (little-endian). Empty parts are left out.
std::string gpkg_lines(const std::vector<LineString>& parts, std::int32_t srs_id);

struct Envelope {
  double minx, maxx, miny, maxy;
};

// GDAL's own encoding of a layer's MultiPolygon or MultiLineString (GPkgGeometryFromOGR over an
// OGRMultiPolygon / OGRMultiLineString built part for part, ring for ring): header with the xy envelope of every
// coordinate (flags 0x03), or, when no part has a coordinate, the empty flag and no envelope (0x11); then ISO WKB,
// little-endian, every part and ring kept, empty ones too. Writes the blob into `out` (replacing what it held)
// and returns the envelope, nullopt when empty. Byte-identical to GDAL's blob (tests/output/gpkg_polygon_layer_test.cpp).
std::optional<Envelope> gpkg_multipolygon(const MultiPolygon& geometry, std::int32_t srs_id, std::string& out);
std::optional<Envelope> gpkg_multilinestring(const std::vector<LineString>& parts, std::int32_t srs_id,
                                             std::string& out);

// Where the WKB starts in a GeoPackage geometry blob (after the header and its envelope); nullopt when the blob
// is not GeoPackage binary.
std::optional<std::size_t> gpkg_wkb_offset(const unsigned char* blob, std::size_t size);

// The envelope of a GeoPackage geometry blob: from its header when it has one, else from the WKB of a point;
// nullopt for an empty geometry, a blob that is not GeoPackage binary, or a non-point without a header envelope.
std::optional<Envelope> gpkg_envelope(const unsigned char* blob, std::size_t size);

}  // namespace peta::store
