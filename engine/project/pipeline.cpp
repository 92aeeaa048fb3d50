#include "project/pipeline.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <thread>
#include <unordered_map>

#include <cpl_progress.h>

#include "aggregate/suppression.hpp"
#include "aggregate/unit_counts.hpp"
#include "boundaries/boundary_loader.hpp"
#include "core/atomic_write.hpp"
#include "core/crs.hpp"
#include "core/error.hpp"
#include "core/geos_handle.hpp"
#include "core/ordered_pipeline.hpp"
#include "findings/row_location.hpp"
#include "geocode/line_cutter.hpp"
#include "geocode/name_placer.hpp"
#include "geocode/point_locator.hpp"
#include "hotspots/hotspot_report.hpp"
#include "hotspots/weights_io.hpp"
#include "output/output_set.hpp"
#include "output/peta_layers.hpp"
#include "output/rejects_csv.hpp"
#include "output/ruas_layer.hpp"
#include "output/unit_extras.hpp"
#include "project/finding_sources.hpp"

namespace peta {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

constexpr const char* kReasonOutside = "outside_boundaries";
constexpr const char* kReasonLocationMissing = "location_missing";
constexpr const char* kWithheld = "(disembunyikan: kategori sensitif / withheld: sensitive category)";

// Union of the sources' chosen columns (by name, first appearance first) and, per source, the source
// column index of each union column (or -1).
struct ColumnUnion {
  std::vector<std::string> names;
  std::vector<std::vector<int>> maps;
};

ColumnUnion union_columns(const std::vector<std::vector<std::string>>& headers, const std::vector<std::vector<int>>& chosen) {
  ColumnUnion u;
  for (std::size_t s = 0; s < headers.size(); ++s)
    for (int c : chosen[s]) {
      const auto& name = headers[s][static_cast<std::size_t>(c)];
      if (std::find(u.names.begin(), u.names.end(), name) == u.names.end()) u.names.push_back(name);
    }
  for (std::size_t s = 0; s < headers.size(); ++s) {
    std::vector<int> map;
    for (const auto& n : u.names) {
      int found = -1;
      for (int c : chosen[s])
        if (headers[s][static_cast<std::size_t>(c)] == n) found = c;
      map.push_back(found);
    }
    u.maps.push_back(std::move(map));
  }
  return u;
}

// One findings source and which of its columns may go where.
struct Source {
  const FindingSourceSettings* settings = nullptr;
  std::unique_ptr<FindingReader> reader;
  std::vector<int> published;     // descriptive columns + `publish`: temuan, ruas and ditolak
  std::vector<int> rejects;       // published + location columns: ditolak only
  std::vector<char> is_location;  // per source column
  bool names = false;             // has a desa name or code column
};

struct LineRow {
  Finding finding;
  std::vector<LineString> lines;
};

// One unit of a source on its way through the parallel part of the findings stage.
struct ChunkWork {
  RawFindingUnit unit;
  std::unique_ptr<CoordinateParser> parser;  // per worker: a parser with a source CRS is not thread-safe
  std::unique_ptr<RowLocator> locator;
  std::unordered_map<std::string, NamePlacement> name_cache;
  RowLocation location;
  std::vector<Coord> coords;
  std::vector<Assignment> assigned;
  std::vector<int> category;  // index in the taxonomy, -1 for an unknown value
  std::vector<int> placed;    // >= 0: placed by desa name or code
  std::vector<int> named;     // the desa named in a row with coordinates, when it disagrees
  std::vector<std::uint32_t> parse_flags;
  std::vector<LineRow> lines;
  double read_seconds = 0, parse_seconds = 0, locate_seconds = 0;
  double progress = 0;  // share of the source read once this unit was read
};

const NamePlacement& cached_place(const NamePlacer& placer, const ColumnIndexes& c, const Finding& f, ChunkWork& w) {
  const std::string_view desa = f.attributes.get(c.desa);
  const std::string_view kec = f.attributes.get(c.kecamatan);
  const std::string_view code = f.attributes.get(c.kode_desa);
  std::string key;
  key.reserve(desa.size() + kec.size() + code.size() + 2);
  key.append(desa).append(1, '\x1f').append(kec).append(1, '\x1f').append(code);
  auto it = w.name_cache.find(key);
  if (it != w.name_cache.end()) return it->second;
  if (w.name_cache.size() > 100000) w.name_cache.clear();
  return w.name_cache.emplace(std::move(key), placer.place(desa, kec, code)).first->second;
}

// Reads, places, geocodes and classifies one unit. Runs on a worker thread: touches nothing shared but
// const objects.
void process_unit(const Source& src, const PointLocator& locator, const NamePlacer* placer,
                  const CategoryTaxonomy& categories, ChunkWork& w) {
  auto t0 = Clock::now();
  const FindingReader& reader = *src.reader;
  reader.split(w.unit);
  FindingBatch& batch = w.unit.rows;
  const ColumnIndexes& c = reader.indexes();
  const auto& header = reader.columns();
  const std::size_t n = batch.size;
  w.placed.resize(n);
  w.named.resize(n);
  w.parse_flags.resize(n);
  w.lines.clear();
  RowLocation& loc = w.location;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n; ++i) {
    Finding& f = batch.findings[i];
    RowGeometry* g = w.unit.geometry.empty() ? nullptr : &w.unit.geometry[i];
    w.locator->read(f, g, loc);
    int placed = -1, named = -1;
    std::uint32_t flags = 0;
    if (loc.kind == RowLocation::Kind::point) {
      f.lonlat = loc.lonlat;
      flags = loc.flags;
      if (placer && src.names) named = cached_place(*placer, c, f, w).desa;
    } else if (loc.kind == RowLocation::Kind::lines) {
      w.lines.push_back({f, std::move(loc.lines)});
      continue;
    } else {
      NamePlacement none;
      const NamePlacement& np = placer && src.names ? cached_place(*placer, c, f, w) : none;
      if (np.desa >= 0) {
        placed = np.desa;
        flags = np.flags;
        f.lonlat = placer->anchor(placed);
      } else {
        Rejection r{reader.path(), f.row, "", "", "", f.attributes.to_strings()};
        if (!np.reason.empty() && (loc.reason.empty() || loc.cell_was_empty)) {
          r.field = header[static_cast<std::size_t>(np.by_code_column ? c.kode_desa : c.desa)];
          r.reason = np.reason;
          r.detail = np.detail;
        } else if (!loc.reason.empty()) {
          r.field = loc.field;
          r.reason = loc.reason;
          r.detail = loc.detail + (np.reason.empty() ? "" : "; by name: " + np.detail);
        } else {
          r.reason = kReasonLocationMissing;
          r.detail = "neither a coordinate nor a desa name or code";
        }
        batch.rejections.push_back(std::move(r));
        continue;
      }
    }
    if (kept != i) std::swap(batch.findings[kept], batch.findings[i]);
    w.placed[kept] = placed;
    w.named[kept] = named;
    w.parse_flags[kept] = flags;
    ++kept;
  }
  batch.size = kept;
  w.parse_seconds = seconds_since(t0);

  auto t1 = Clock::now();
  w.coords.resize(kept);
  for (std::size_t i = 0; i < kept; ++i) w.coords[i] = batch.findings[i].lonlat;
  w.assigned.resize(kept);
  locator.locate(w.coords, w.assigned);
  for (std::size_t i = 0; i < kept; ++i) {
    Assignment& a = w.assigned[i];
    if (w.placed[i] >= 0) {
      a = {w.placed[i], w.parse_flags[i], 0, -1};
      w.named[i] = -1;
      continue;
    }
    a.flags |= w.parse_flags[i];
    if (w.named[i] >= 0 && a.desa >= 0 && w.named[i] != a.desa) a.flags |= kFlagNameMismatch;
    else w.named[i] = -1;
  }
  w.category.resize(kept);
  for (std::size_t i = 0; i < kept; ++i) {
    auto cat = categories.match(batch.findings[i].category);
    w.category[i] = cat ? static_cast<int>(*cat) : -1;
  }
  w.locate_seconds = seconds_since(t1);
}

std::string outside_detail(const Boundaries& b, int nearest, double distance_m) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.0f m dari desa terdekat / from the nearest desa: ", distance_m);
  if (nearest < 0) return "tidak ada desa / no desa";
  const AdminUnit& d = b.desa[static_cast<std::size_t>(nearest)];
  return buf + d.code.dotted() + " " + d.name;
}

// Distance in metres (EPSG:32749) from a point to a desa; desa geometries projected once, when first asked.
class MetricDistance {
 public:
  explicit MetricDistance(const Boundaries& b) : b_(b) {}
  double operator()(Coord lonlat, int desa) {
    auto it = desa_.find(desa);
    if (it == desa_.end()) {
      MultiPolygon m = b_.desa[static_cast<std::size_t>(desa)].geometry;
      to_metres_.apply(m);
      it = desa_.emplace(desa, to_geos(m)).first;
    }
    GeosGeom p = to_geos(to_metres_.apply(lonlat));
    double d = 0;
    GEOSDistance_r(geos_context().get(), it->second.get(), p.get(), &d);
    return d;
  }

 private:
  const Boundaries& b_;
  CrsTransform to_metres_{kExchangeCrs, kMetricCrs};
  std::map<int, GeosGeom> desa_;
};

struct RuasPiece {
  std::size_t line;  // index in the kept line findings
  LinePiece piece;
};

}  // namespace

RunSummary run_project(const ProjectSettings& settings, const RunOptions& options) {
  RunSummary summary;
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

  Boundaries b;
  {
    StageTimer t(summary, "boundaries");
    b = load_boundaries(settings.boundaries).boundaries;
  }
  std::unique_ptr<PointLocator> locator;
  {
    StageTimer t(summary, "index");
    locator = std::make_unique<PointLocator>(b, settings.geocode);
  }
  Box extent;
  for (const auto& d : b.desa) extent.expand(d.geometry.bounds());
  if (!extent.empty()) {
    constexpr double kMargin = 0.1;  // degrees (about 11 km): what a coordinate fix may land in
    extent = {extent.min_x - kMargin, extent.min_y - kMargin, extent.max_x + kMargin, extent.max_y + kMargin};
  }

  // Open every source first: the point and reject layers need the union of their columns.
  std::vector<Source> sources;
  std::vector<std::vector<std::string>> headers;
  std::vector<std::vector<int>> published, rejects;
  bool any_names = false;
  for (const auto& src : settings.findings) {
    Source s;
    s.settings = &src;
    s.reader = open_finding_source(src);
    const auto& header = s.reader->columns();
    const ColumnIndexes& c = s.reader->indexes();
    s.names = c.has_place_names();
    any_names |= s.names;
    s.is_location.assign(header.size(), 0);
    for (int i : c.location_columns()) s.is_location[static_cast<std::size_t>(i)] = 1;
    s.published = c.descriptive_columns();
    for (const auto& name : src.publish) {
      auto it = std::find(header.begin(), header.end(), name);
      if (it == header.end())
        throw Error(settings.file + ": findings source '" + src.path + "': publish: column '" + name + "' is not in the source");
      int i = static_cast<int>(it - header.begin());
      if (s.is_location[static_cast<std::size_t>(i)]) continue;  // coordinates become the geometry
      if (std::find(s.published.begin(), s.published.end(), i) == s.published.end()) s.published.push_back(i);
    }
    std::sort(s.published.begin(), s.published.end());
    s.rejects = s.published;
    for (int i : c.location_columns()) s.rejects.push_back(i);
    std::sort(s.rejects.begin(), s.rejects.end());
    headers.push_back(header);
    published.push_back(s.published);
    rejects.push_back(s.rejects);
    sources.push_back(std::move(s));
  }
  ColumnUnion pass = union_columns(headers, published);
  ColumnUnion all = union_columns(headers, rejects);

  std::unique_ptr<NamePlacer> placer;
  if (any_names) {
    StageTimer t(summary, "gazetteer");
    placer = std::make_unique<NamePlacer>(b, settings.code_lists);
  }

  const OutputSettings& out = settings.output;
  const bool public_profile = settings.privacy.public_profile;
  auto sensitive = [&](int category) {
    return category >= 0 && settings.categories.categories()[static_cast<std::size_t>(category)].sensitive;
  };
  std::filesystem::create_directories(out.folder);
  OutputSet outputs(OutputOptions{out.folder, out.geojson, out.shapefile, out.geopackage, out.geopackage_name, out.qgis,
                                 settings.name});
  TemuanLayer temuan(pass.names);
  LayerSink* points = out.has_layer("temuan") ? &outputs.open_layer(temuan.schema()) : nullptr;

  UnitCounts counts(b.desa.size(), settings.categories.size());
  std::vector<double> length_m(b.desa.size(), 0.0);
  std::vector<Rejection> rejections;  // the current unit's; then spooled to disk in row order
  std::vector<std::size_t> rejection_source;
  RejectionSpool spool(out.folder);
  std::vector<LineRow> line_findings;
  std::vector<std::size_t> line_source;
  std::vector<int> line_category;
  std::vector<RuasPiece> ruas;
  std::unique_ptr<LineCutter> cutter;
  MetricDistance distance(b);
  double t_ingest = 0, t_geocode = 0, t_aggregate = 0, t_points = 0;
  std::vector<ChunkWork> work(threads + 1);  // units in flight: one a worker, one being merged
  const bool keep_points = settings.point_hotspots.kde || settings.point_hotspots.dbscan;
  std::vector<Coord> kept_points;          // for KDE and DBSCAN only (24 bytes a finding)
  std::vector<std::string> kept_categories;

  // Keeps a rejection, protecting what the profile says must not leave peta.
  auto reject = [&](Rejection&& r, std::size_t s, SourceCounts& sc) {
    const Source& src = sources[s];
    const ColumnIndexes& c = src.reader->indexes();
    if (r.reason == "column_count") {
      r.values.clear();  // fields shifted: a personal column could land under a published name
    } else if (public_profile) {
      std::string value = c.category >= 0 && static_cast<std::size_t>(c.category) < r.values.size()
                              ? r.values[static_cast<std::size_t>(c.category)]
                              : std::string();
      if (value.empty()) value = src.settings->category;
      auto cat = settings.categories.match(value);
      if (cat && sensitive(static_cast<int>(*cat))) {
        r.has_point = false;
        r.detail = kWithheld;
        for (std::size_t i = 0; i < r.values.size() && i < src.is_location.size(); ++i)
          if (src.is_location[i]) r.values[i].clear();
      }
    }
    sc.rejected++;
    sc.rejected_by_reason[r.reason]++;
    rejections.push_back(std::move(r));
    rejection_source.push_back(s);
  };

  for (std::size_t s = 0; s < sources.size(); ++s) {
    Source& src = sources[s];
    FindingReader& reader = *src.reader;
    SourceCounts& sc = summary.sources[reader.path()];
    const bool vector_source = src.settings->format == SourceFormat::vector;
    CoordinateParserOptions po;
    po.source_crs = vector_source ? "" : src.settings->crs;
    po.expected_extent = extent;
    for (auto& w : work) {
      w.parser = std::make_unique<CoordinateParser>(po);
      w.locator = std::make_unique<RowLocator>(reader.indexes(), reader.columns(), *w.parser, src.settings->category);
      w.name_cache.clear();
    }
    // Each worker reads its next unit (sequential I/O, one reader at a time), then parses, places and
    // classifies it; this thread merges the units in read order, so the outputs do not depend on the
    // thread count. The stage times are the workers' busy time shared over the threads.
    const double share = 1.0 / static_cast<double>(threads);
    auto read_unit = [&](ChunkWork& w) {
      auto t0 = Clock::now();
      const bool more = reader.next_unit(w.unit);
      w.read_seconds = seconds_since(t0);
      w.progress = reader.progress();
      return more;
    };
    auto work_unit = [&](ChunkWork& w) { process_unit(src, *locator, placer.get(), settings.categories, w); };
    auto merge_unit = [&](ChunkWork& w) {
      t_ingest += (w.read_seconds + w.parse_seconds) * share;
      t_geocode += w.locate_seconds * share;
      auto t2 = Clock::now();
      FindingBatch& batch = w.unit.rows;
      sc.rows_read += static_cast<std::int64_t>(batch.size + batch.rejections.size() + w.lines.size());
      std::size_t first_rejection = rejections.size();
      for (auto& r : batch.rejections) reject(std::move(r), s, sc);
      std::vector<double> named_distance(batch.size, -1);
      for (std::size_t i = 0; i < batch.size; ++i) {
        const Finding& f = batch.findings[i];
        const Assignment& a = w.assigned[i];
        if (a.desa < 0) {
          Rejection r{reader.path(), f.row, "", kReasonOutside, outside_detail(b, a.nearest, a.distance_m), f.attributes.to_strings()};
          r.has_point = true;
          r.lonlat = f.lonlat;
          r.distance_m = a.distance_m;
          reject(std::move(r), s, sc);
          continue;
        }
        if (w.category[i] < 0) summary.unknown_categories[f.category]++;
        counts.add(a.desa, w.category[i]);
        if (a.flags & (kFlagByName | kFlagByCode)) sc.by_name_or_code++;
        else sc.by_coordinates++;
        // Point statistics (KDE, DBSCAN) see exact locations: the public profile keeps sensitive points out.
        if (keep_points && !(public_profile && sensitive(w.category[i]))) {
          kept_points.push_back(f.lonlat);
          kept_categories.push_back(w.category[i] >= 0
                                        ? settings.categories.categories()[static_cast<std::size_t>(w.category[i])].code
                                        : std::string("lainnya"));
        }
        if (a.flags) {
          sc.flagged++;
          for (std::uint32_t bit = 1; bit; bit <<= 1)
            if (a.flags & bit) sc.flagged_by_flag[flag_names(bit)]++;
        } else {
          sc.geocoded++;
        }
        if (w.named[i] >= 0) named_distance[i] = distance(f.lonlat, w.named[i]);
      }
      for (auto& line : w.lines) {
        if (!cutter) cutter = std::make_unique<LineCutter>(b);
        auto pieces = cutter->cut(line.lines);
        if (pieces.empty()) {
          Rejection r{reader.path(), line.finding.row, "", kReasonOutside,
                      "the line crosses no desa / garis tidak melewati desa mana pun", line.finding.attributes.to_strings()};
          reject(std::move(r), s, sc);
          continue;
        }
        auto cat = settings.categories.match(line.finding.category);
        if (!cat) summary.unknown_categories[line.finding.category]++;
        sc.by_coordinates++;
        sc.lines++;
        sc.geocoded++;
        for (auto& p : pieces) {
          length_m[static_cast<std::size_t>(p.desa)] += p.length_m;
          ruas.push_back({line_findings.size(), std::move(p)});
        }
        line_category.push_back(cat ? static_cast<int>(*cat) : -1);
        line_source.push_back(s);
        line_findings.push_back(std::move(line));
      }
      // This unit's rejections in row order, then out of memory into the spool.
      std::vector<std::size_t> order(rejections.size() - first_rejection);
      std::iota(order.begin(), order.end(), first_rejection);
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t x, std::size_t y) { return rejections[x].row < rejections[y].row; });
      for (std::size_t r : order) spool.add(rejections[r], rejection_source[r]);
      rejections.clear();
      rejection_source.clear();
      t_aggregate += seconds_since(t2);

      if (points) {
        auto t3 = Clock::now();
        for (std::size_t i = 0; i < batch.size; ++i) {
          const Assignment& a = w.assigned[i];
          if (a.desa < 0) continue;
          if (public_profile && sensitive(w.category[i])) continue;  // sensitive findings: desa aggregates only
          const std::string& code =
              w.category[i] >= 0 ? settings.categories.categories()[static_cast<std::size_t>(w.category[i])].code
                                 : std::string();
          TemuanPlacement placement{(a.flags & (kFlagByName | kFlagByCode)) != 0, w.named[i], named_distance[i]};
          points->write(temuan.feature(batch.findings[i], pass.maps[s], a, b, code, reader.path(), placement));
        }
        t_points += seconds_since(t3);
      }
      if (options.progress) GDALTermProgress((s + w.progress) / static_cast<double>(sources.size()), nullptr, nullptr);
    };
    run_ordered_pipeline(work, threads, read_unit, work_unit, merge_unit);
  }
  if (options.progress) GDALTermProgress(1.0, nullptr, nullptr);
  summary.stages.push_back({"ingest", t_ingest});
  summary.stages.push_back({"geocode", t_geocode});
  summary.stages.push_back({"aggregate", t_aggregate});
  if (points) summary.stages.push_back({"write_points", t_points});

  // What the public profile withholds of the sensitive counts, complementary suppression included.
  const Suppression withheld =
      public_profile ? Suppression(b, counts, settings.categories, settings.privacy.k) : Suppression();
  std::unique_ptr<DesaHotspots> hotspots;
  if (settings.hotspots.enabled) {
    StageTimer t(summary, "hotspots");
    hotspots = std::make_unique<DesaHotspots>(
        desa_hotspots(b, counts, settings.categories, settings.hotspots, settings.privacy.public_profile, withheld));
  }
  std::unique_ptr<DbscanResult> clusters;
  if (settings.point_hotspots.dbscan) {
    StageTimer t(summary, "dbscan");
    clusters = std::make_unique<DbscanResult>(dbscan(kept_points, kept_categories, settings.point_hotspots.dbscan_settings));
    summary.point_clusters = static_cast<std::int64_t>(clusters->clusters.size());
    summary.point_noise = static_cast<std::int64_t>(clusters->noise_count);
  }

  {
    StageTimer t(summary, "write_layers");
    const bool any_lines = !line_findings.empty();
    if (out.has_layer("ruas") && any_lines) {
      RuasLayer layer(pass.names);
      LayerSink& sink = outputs.open_layer(layer.schema());
      for (const auto& r : ruas) {
        int category = line_category[r.line];
        if (public_profile && sensitive(category)) continue;
        const std::string& code =
            category >= 0 ? settings.categories.categories()[static_cast<std::size_t>(category)].code : std::string();
        sink.write(layer.feature(line_findings[r.line].finding, pass.maps[line_source[r.line]], r.piece.desa,
                                 r.piece.lines, r.piece.length_m, b, code, sources[line_source[r.line]].reader->path()));
      }
    }
    if (out.has_layer("ditolak")) {
      DitolakLayer ditolak(all.names);
      LayerSink& sink = outputs.open_layer(ditolak.schema());
      spool.for_each([&](const Rejection& r, std::size_t source) { sink.write(ditolak.feature(r, all.maps[source])); });
    }
    UnitExtras extras(settings.categories, {public_profile, settings.privacy.k, any_lines});
    if (out.has_layer("desa")) {
      LayerSchema schema = desa_schema(settings.categories, hotspots.get());
      extras.extend(schema);
      LayerSink& sink = outputs.open_layer(schema);
      for (std::size_t d = 0; d < b.desa.size(); ++d) {
        Feature f = desa_feature(b, d, counts, hotspots.get());
        extras.apply(f, length_m[d], withheld.desa(d));
        sink.write(f);
      }
    }
    if (out.has_layer("kecamatan")) {
      LayerSchema schema = kecamatan_schema(settings.categories);
      extras.extend(schema);
      LayerSink& sink = outputs.open_layer(schema);
      auto rows = counts.by_kecamatan(b);
      std::vector<double> kec_length(b.kecamatan.size(), 0.0);
      for (std::size_t d = 0; d < b.desa.size(); ++d) kec_length[static_cast<std::size_t>(b.desa_kecamatan[d])] += length_m[d];
      for (std::size_t k = 0; k < b.kecamatan.size(); ++k) {
        Feature f = kecamatan_feature(b, k, rows[k]);
        extras.apply(f, kec_length[k], withheld.kecamatan(k));
        sink.write(f);
      }
    }
    if (out.has_layer("kabupaten") && !b.kabupaten.empty()) {
      LayerSink& sink = outputs.open_layer(kabupaten_schema(public_profile));
      for (std::size_t k = 0; k < b.kabupaten.size(); ++k) sink.write(kabupaten_feature(b, k, counts, public_profile ? &settings.categories : nullptr));
    }
    if (clusters) {
      LayerSink& sink = outputs.open_layer(klaster_schema(settings.categories));
      for (const auto& c : clusters->clusters) sink.write(klaster_feature(c, *clusters, settings.categories));
    }
    summary.outputs = outputs.commit();
    if (out.has_layer("ditolak")) {
      std::string csv = out.folder + "/ditolak.csv";
      write_rejects_csv(csv, all.names, spool, all.maps);
      summary.outputs.push_back(csv);
    }
  }
  if (hotspots) {
    StageTimer t(summary, "write_reports");
    std::string base = out.folder + "/titik_panas";
    // In the public profile the report leaves the sensitive categories out altogether.
    const DesaHotspots report = publishable(*hotspots, settings.categories, settings.privacy.public_profile);
    write_atomically(base + ".json", [&](std::ostream& o) { o << hotspot_report_json(b, counts, report).dump(2) << '\n'; });
    write_atomically(base + ".csv", [&](std::ostream& o) { o << hotspot_report_csv(b, counts, report); });
    write_atomically(base + ".txt", [&](std::ostream& o) { o << hotspot_report_text(b, counts, report, out.language); });
    std::string gal = out.folder + "/bobot_queen.gal";
    std::vector<std::string> ids;
    for (const auto& d : b.desa) ids.push_back(d.code.dotted());
    write_via_temporary(gal, [&](const std::string& tmp) { write_gal(tmp, hotspots->weights, ids); });
    for (const char* ext : {".json", ".csv", ".txt"}) summary.outputs.push_back(base + ext);
    summary.outputs.push_back(gal);
  }
  if (settings.point_hotspots.kde && kept_points.size() >= 2) {
    StageTimer t(summary, "kde");
    std::vector<MultiPolygon> polygons;
    for (const auto& d : b.desa) polygons.push_back(d.geometry);
    std::string tif = out.folder + "/kepadatan.tif";
    write_density_geotiff(kernel_density(kept_points, metric_extent(polygons), settings.point_hotspots.kde_settings), tif);
    summary.outputs.push_back(tif);
  }
  std::string summary_path = out.folder + "/ringkasan.json";
  summary.outputs.push_back(summary_path);
  write_atomically(summary_path, [&](std::ostream& o) { o << summary.to_json().dump(2) << '\n'; });
  return summary;
}

}  // namespace peta
