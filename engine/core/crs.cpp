#include "core/crs.hpp"

#include <proj.h>

#include "core/error.hpp"

namespace peta {

struct CrsTransform::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  ~Impl() {
    if (pj) proj_destroy(pj);
    if (ctx) proj_context_destroy(ctx);
  }
};

CrsTransform::CrsTransform(const std::string& source, const std::string& target) : impl_(std::make_unique<Impl>()) {
  identity_ = source == target;
  impl_->ctx = proj_context_create();
  PJ* raw = proj_create_crs_to_crs(impl_->ctx, source.c_str(), target.c_str(), nullptr);
  if (!raw)
    throw Error("cannot transform from CRS '" + source + "' to '" + target +
                "': " + proj_context_errno_string(impl_->ctx, proj_context_errno(impl_->ctx)));
  impl_->pj = proj_normalize_for_visualization(impl_->ctx, raw);
  proj_destroy(raw);
  if (!impl_->pj) throw Error("cannot normalise axis order for CRS '" + source + "'");
}

CrsTransform::~CrsTransform() = default;
CrsTransform::CrsTransform(CrsTransform&&) noexcept = default;
CrsTransform& CrsTransform::operator=(CrsTransform&&) noexcept = default;

Coord CrsTransform::apply(Coord c) const {
  if (identity_) return c;
  PJ_COORD in = proj_coord(c.x, c.y, 0, 0);
  PJ_COORD out = proj_trans(impl_->pj, PJ_FWD, in);
  return {out.xy.x, out.xy.y};
}

void CrsTransform::apply(Ring& ring) const {
  if (identity_ || ring.empty()) return;
  proj_trans_generic(impl_->pj, PJ_FWD, &ring[0].x, sizeof(Coord), ring.size(), &ring[0].y, sizeof(Coord),
                     ring.size(), nullptr, 0, 0, nullptr, 0, 0);
}

void CrsTransform::apply(MultiPolygon& mp) const {
  for (auto& p : mp.parts)
    for (auto& r : p.rings) apply(r);
}

double area_km2(const MultiPolygon& lonlat) {
  thread_local CrsTransform to_metric(kExchangeCrs, kMetricCrs);
  MultiPolygon m = lonlat;
  to_metric.apply(m);
  return planar_area(m) / 1e6;
}

}  // namespace peta
