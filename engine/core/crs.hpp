#pragma once
// Coordinate reference systems through PROJ. Axis order is always x = longitude/easting,
// y = latitude/northing (proj_normalize_for_visualization), whatever the CRS's official order.
#include <memory>
#include <string>

#include "core/geometry.hpp"

namespace peta {

inline constexpr const char* kExchangeCrs = "EPSG:4326";  // GeoJSON, the web, all plain values
inline constexpr const char* kMetricCrs = "EPSG:32749";   // UTM 49S: metres and areas

// One transformation between two CRSs given as anything PROJ understands ("EPSG:32749", WKT, PROJJSON).
// Not thread-safe: make one per thread.
class CrsTransform {
 public:
  CrsTransform(const std::string& source, const std::string& target);
  ~CrsTransform();
  CrsTransform(CrsTransform&&) noexcept;
  CrsTransform& operator=(CrsTransform&&) noexcept;

  Coord apply(Coord c) const;
  void apply(Ring& ring) const;
  void apply(MultiPolygon& mp) const;
  bool is_identity() const { return identity_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool identity_ = false;
};

// Area in km² of a lon/lat multipolygon, computed in EPSG:32749.
double area_km2(const MultiPolygon& lonlat);

}  // namespace peta
