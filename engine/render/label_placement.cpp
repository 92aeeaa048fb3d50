#include "render/label_placement.hpp"

namespace peta::render {

// A linear scan over the boxes placed so far: a map carries at most a few hundred labels, so a spatial index
// would cost more than it saves (330 desa place in well under a millisecond).
std::vector<std::optional<LabelBox>> place_labels(const std::vector<LabelRequest>& requests, const LabelBox& frame,
                                                  const std::vector<LabelBox>& blocked) {
  std::vector<std::optional<LabelBox>> out(requests.size());
  std::vector<LabelBox> taken = blocked;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const LabelRequest& r = requests[i];
    const double cx = r.x - r.w / 2, cy = r.y - r.h / 2;
    const double gap = 0.15 * r.h;
    const LabelBox candidates[] = {{cx, cy, r.w, r.h},                    // centred on the anchor
                                   {cx, r.y - r.h - gap, r.w, r.h},       // above it
                                   {cx, r.y + gap, r.w, r.h},             // below it
                                   {r.x + gap, cy, r.w, r.h},             // right of it
                                   {r.x - r.w - gap, cy, r.w, r.h}};      // left of it
    for (const LabelBox& c : candidates) {
      if (!c.inside(frame)) continue;
      bool free = true;
      for (const LabelBox& t : taken)
        if (c.overlaps(t)) { free = false; break; }
      if (!free) continue;
      out[i] = c;
      taken.push_back(c);
      break;
    }
  }
  return out;
}

}  // namespace peta::render
