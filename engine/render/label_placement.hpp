#pragma once
// Labels that do not collide: greedy placement with boxes. Requests are taken in the order given (callers put
// the most important first); each tries a box centred on its anchor, then one just above, below, right and left of it (0.15 of the
// text height away), and keeps
// the first box that lies inside the frame and overlaps no box placed before (nor a blocked box). A label that
// fits nowhere is left out rather than drawn over another. Plain geometry in page units (y down), no cairo.
#include <optional>
#include <vector>

namespace peta::render {

struct LabelBox {
  double x = 0, y = 0, w = 0, h = 0;  // top-left corner, width, height
  bool overlaps(const LabelBox& o) const {
    return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
  }
  bool inside(const LabelBox& frame) const {
    return x >= frame.x && y >= frame.y && x + w <= frame.x + frame.w && y + h <= frame.y + frame.h;
  }
};

struct LabelRequest {
  double x = 0, y = 0;  // anchor (a point inside the unit), page units
  double w = 0, h = 0;  // the text's box
};

// One answer per request: the box where its label goes, or nullopt when it fits nowhere.
std::vector<std::optional<LabelBox>> place_labels(const std::vector<LabelRequest>& requests, const LabelBox& frame,
                                                  const std::vector<LabelBox>& blocked = {});

}  // namespace peta::render
