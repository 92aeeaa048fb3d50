#include "geocode/geocoding_stage.hpp"

#include <chrono>
#include <cstdio>

namespace peta {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string outside_detail(const Boundaries& b, int nearest, double distance_m) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.0f m dari desa terdekat / from the nearest desa: ", distance_m);
  if (nearest < 0) return "tidak ada desa / no desa";
  const AdminUnit& d = b.desa[static_cast<std::size_t>(nearest)];
  return buf + d.code.dotted() + " " + d.name;
}

}  // namespace

Geocoder::Geocoder(const GeocodingContext& context, const FindingReader& reader, const CoordinateParserOptions& parser,
                   const std::string& fixed_category)
    : context_(context),
      reader_(reader),
      names_(reader.indexes().has_place_names() && context.placer),
      parser_(std::make_unique<CoordinateParser>(parser)),
      row_locator_(std::make_unique<RowLocator>(reader.indexes(), reader.columns(), *parser_, fixed_category)),
      named_distance_(context.boundaries) {}

const NamePlacement& Geocoder::place_by_name(const Finding& f) {
  const ColumnIndexes& c = reader_.indexes();
  const std::string_view desa = f.attributes.get(c.desa);
  const std::string_view kec = f.attributes.get(c.kecamatan);
  const std::string_view code = f.attributes.get(c.kode_desa);
  const std::string_view kab = f.attributes.get(c.kabupaten);
  std::string key;
  key.reserve(desa.size() + kec.size() + code.size() + kab.size() + 3);
  key.append(desa).append(1, '\x1f').append(kec).append(1, '\x1f').append(code).append(1, '\x1f').append(kab);
  auto it = name_cache_.find(key);
  if (it != name_cache_.end()) return it->second;
  if (name_cache_.size() > 100000) name_cache_.clear();
  return name_cache_.emplace(std::move(key), context_.placer->place(desa, kec, code, kab)).first->second;
}

Rejection Geocoder::unplaced(const Finding& f, const RowLocation& loc, const NamePlacement& np) const {
  const ColumnIndexes& c = reader_.indexes();
  Rejection r = make_rejection(reader_.path(), f.row, "", RejectionReason::location_missing, "", f.attributes.to_strings());
  if (np.reason && (!loc.reason || loc.cell_was_empty)) {
    r.field = reader_.columns()[static_cast<std::size_t>(np.by_code_column ? c.kode_desa : c.desa)];
    r.reason = *np.reason;
    r.detail = np.detail;
  } else if (loc.reason) {
    r.field = loc.field;
    r.reason = *loc.reason;
    r.detail = loc.detail + (np.reason ? "; by name: " + np.detail : "");
  } else {
    r.reason = RejectionReason::location_missing;
    r.detail = "neither a coordinate nor a desa name or code";
  }
  return r;
}

void Geocoder::geocode(RawFindingUnit& unit, GeocodedUnit& out) {
  auto t0 = Clock::now();
  reader_.split(unit);
  FindingBatch& batch = unit.rows;
  const std::size_t n = batch.size;
  out.rows = n + batch.rejections.size();
  placed_.resize(n);
  placed_confidence_.resize(n);
  out.named.resize(n);
  parse_flags_.resize(n);
  out.lines.clear();
  RowLocation& loc = location_;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n; ++i) {
    Finding& f = batch.findings[i];
    RowGeometry* g = unit.geometry.empty() ? nullptr : &unit.geometry[i];
    row_locator_->read(f, g, loc);
    int placed = -1, named = -1;
    float confidence = -1;
    std::uint32_t flags = 0;
    if (loc.kind == RowLocation::Kind::point) {
      f.lonlat = loc.lonlat;
      flags = loc.flags;
      if (names_) named = place_by_name(f).desa;
    } else if (loc.kind == RowLocation::Kind::lines) {
      out.lines.push_back({f, std::move(loc.lines)});
      continue;
    } else {
      NamePlacement none;
      const NamePlacement& np = names_ ? place_by_name(f) : none;
      if (np.desa < 0) {
        batch.rejections.push_back(unplaced(f, loc, np));
        continue;
      }
      placed = np.desa;
      confidence = static_cast<float>(np.confidence);
      flags = np.flags | loc.flags;  // the row's own flags (a blank id) stay
      f.lonlat = context_.placer->anchor(placed);
    }
    if (kept != i) std::swap(batch.findings[kept], batch.findings[i]);
    placed_[kept] = placed;
    placed_confidence_[kept] = confidence;
    out.named[kept] = named;
    parse_flags_[kept] = flags;
    ++kept;
  }
  parse_seconds = seconds_since(t0);

  auto t1 = Clock::now();
  coords_.resize(kept);
  for (std::size_t i = 0; i < kept; ++i) coords_[i] = batch.findings[i].lonlat;
  out.assigned.resize(kept);
  context_.locator.locate(coords_, out.assigned);
  // Points outside every desa leave the placed findings for the rejections; the rest stay in order.
  std::size_t placed_count = 0;
  out.named_distance_m.resize(kept);
  out.by_name.resize(kept);
  out.confidence.resize(kept);
  for (std::size_t i = 0; i < kept; ++i) {
    Assignment a = out.assigned[i];
    int named = out.named[i];
    if (placed_[i] >= 0) {
      a = {placed_[i], parse_flags_[i], 0, -1};
      named = -1;
    } else {
      a.flags |= parse_flags_[i];
      if (named >= 0 && a.desa >= 0 && named != a.desa) a.flags |= kFlagNameMismatch;
      else named = -1;
    }
    Finding& f = batch.findings[i];
    if (a.desa < 0) {
      Rejection r = make_rejection(reader_.path(), f.row, "", RejectionReason::outside_boundaries,
                                   outside_detail(context_.boundaries, a.nearest, a.distance_m), f.attributes.to_strings());
      r.has_point = true;
      r.lonlat = f.lonlat;
      r.distance_m = a.distance_m;
      batch.rejections.push_back(std::move(r));
      continue;
    }
    if (placed_count != i) std::swap(batch.findings[placed_count], f);
    out.assigned[placed_count] = a;
    out.named[placed_count] = named;
    out.named_distance_m[placed_count] = named >= 0 ? named_distance_(batch.findings[placed_count].lonlat, named) : -1;
    out.by_name[placed_count] = (a.flags & (kFlagByName | kFlagByCode)) != 0;
    out.confidence[placed_count] = placed_[i] >= 0 ? placed_confidence_[i] : -1.0f;
    ++placed_count;
  }
  batch.size = placed_count;
  out.assigned.resize(placed_count);
  out.named.resize(placed_count);
  out.named_distance_m.resize(placed_count);
  out.by_name.resize(placed_count);
  out.confidence.resize(placed_count);
  out.rows = placed_count + out.lines.size() + batch.rejections.size();
  locate_seconds = seconds_since(t1);
}

}  // namespace peta
