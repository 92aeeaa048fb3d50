#include "findings/line_geometry_check.hpp"

#include <cmath>
#include <sstream>

namespace peta {

std::string line_geometry_problem(const std::vector<LineString>& lines) {
  if (lines.empty()) return "it has no line";
  for (std::size_t p = 0; p < lines.size(); ++p) {
    const LineString& l = lines[p];
    std::ostringstream out;
    out.precision(10);
    out << "part " << p + 1 << " of " << lines.size() << ' ';
    if (l.empty()) return out.str() + "is empty";
    for (const Coord& c : l)
      if (!std::isfinite(c.x) || !std::isfinite(c.y) || std::fabs(c.x) > 180 || std::fabs(c.y) > 90) {
        out << "has a position (" << c.x << ' ' << c.y << ") that is not a longitude/latitude";
        return out.str();
      }
    if (l.size() == 1) {
      out << "has a single position (" << l[0].x << ' ' << l[0].y << "); a line needs two";
      return out.str();
    }
    bool moves = false;
    for (std::size_t i = 1; i < l.size() && !moves; ++i) moves = !(l[i] == l[0]);
    if (!moves) {
      out << "has no length: its " << l.size() << " positions are all (" << l[0].x << ' ' << l[0].y << ")";
      return out.str();
    }
  }
  return {};
}

}  // namespace peta
