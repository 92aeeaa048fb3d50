#pragma once
// Cuts line findings (damaged road stretches) at desa borders with GEOS and measures the pieces in metres
// in EPSG:32749. Desa are visited in code order and each takes the part of the line not yet taken, so a
// stretch through an overlap of two desa is counted once (in the lower code); parts in no desa (sliver
// gaps, the sea, other regions) are not counted.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/admin_unit.hpp"

struct GEOSGeom_t;  // geos_c.h's GEOSGeometry

namespace peta {

struct LinePiece {
  int desa = -1;                  // index in Boundaries::desa
  std::vector<LineString> lines;  // EPSG:4326
  double length_m = 0;            // in EPSG:32749
};

class LineCutter {
 public:
  explicit LineCutter(const Boundaries& boundaries);
  ~LineCutter();
  // Pieces in desa code order. Not thread-safe (one cutter per thread).
  std::vector<LinePiece> cut(const std::vector<LineString>& lines) const;
  // Length in metres (EPSG:32749) of lines given in EPSG:4326.
  double length_m(const std::vector<LineString>& lines) const;

 private:
  // `whole_if_inside`: a line wholly inside a desa is taken as it is, without an overlay.
  void cut_into(::GEOSGeom_t* line, const Box& box, bool whole_if_inside, std::map<int, std::vector<LineString>>& by_desa,
                const std::function<std::string()>& what) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace peta
