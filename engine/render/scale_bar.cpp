#include "render/scale_bar.hpp"

#include <cmath>

#include "core/error.hpp"

namespace peta::render {

ScaleBar choose_scale_bar(double metres_per_unit, double max_length) {
  if (!(metres_per_unit > 0) || !(max_length > 0)) throw Error("scale bar: the map has no scale");
  const double max_metres = metres_per_unit * max_length;
  double decade = std::pow(10.0, std::floor(std::log10(max_metres)));
  double metres = decade;
  for (double step : {5.0, 2.0, 1.0})
    if (step * decade <= max_metres) { metres = step * decade; break; }
  ScaleBar bar;
  bar.metres = metres;
  bar.length = metres / metres_per_unit;
  char text[32];
  if (metres >= 1000) std::snprintf(text, sizeof text, "%g km", metres / 1000);
  else std::snprintf(text, sizeof text, "%g m", metres);
  bar.label = text;
  return bar;
}

}  // namespace peta::render
