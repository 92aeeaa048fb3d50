#include "project/pipeline.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <thread>

#include <cpl_progress.h>

#include "aggregate/unit_counts.hpp"
#include "boundaries/boundary_loader.hpp"
#include "core/atomic_write.hpp"
#include "core/error.hpp"
#include "findings/csv_finding_reader.hpp"
#include "geocode/point_locator.hpp"
#include "hotspots/hotspot_report.hpp"
#include "hotspots/weights_io.hpp"
#include "output/output_set.hpp"
#include "output/peta_layers.hpp"
#include "output/rejects_csv.hpp"

namespace peta {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Union of the sources' columns (by name, first appearance first) and, per source, where each lies.
struct ColumnUnion {
  std::vector<std::string> names;
  std::vector<std::vector<int>> maps;  // maps[source][union index] -> source column, or -1
};

ColumnUnion union_columns(const std::vector<std::vector<std::string>>& per_source) {
  ColumnUnion u;
  for (const auto& cols : per_source)
    for (const auto& c : cols)
      if (std::find(u.names.begin(), u.names.end(), c) == u.names.end()) u.names.push_back(c);
  for (const auto& cols : per_source) {
    std::vector<int> map;
    for (const auto& n : u.names) {
      auto it = std::find(cols.begin(), cols.end(), n);
      map.push_back(it == cols.end() ? -1 : static_cast<int>(it - cols.begin()));
    }
    u.maps.push_back(std::move(map));
  }
  return u;
}

// One chunk of a source on its way through the parallel part of the findings stage.
struct ChunkWork {
  CsvChunk chunk;
  FindingBatch batch;
  std::vector<Coord> coords;
  std::vector<Assignment> assigned;
  std::vector<int> category;  // index in the taxonomy, -1 for an unknown value
  double parse_seconds = 0, locate_seconds = 0;
};

// Parses, geocodes and classifies one chunk. Runs on a worker thread: touches nothing shared but
// const objects.
void process_chunk(const CsvFindingReader& reader, const PointLocator& locator, const CategoryTaxonomy& categories,
                   ChunkWork& w) {
  auto t0 = Clock::now();
  reader.parse(w.chunk, w.batch);
  w.parse_seconds = seconds_since(t0);
  auto t1 = Clock::now();
  const std::size_t n = w.batch.size;
  w.coords.resize(n);
  for (std::size_t i = 0; i < n; ++i) w.coords[i] = w.batch.findings[i].lonlat;
  w.assigned.resize(n);
  locator.locate(w.coords, w.assigned);
  w.category.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto c = categories.match(w.batch.findings[i].category);
    w.category[i] = c ? static_cast<int>(*c) : -1;
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

  // Open every source first: the point and reject layers need the union of their columns.
  std::vector<std::unique_ptr<CsvFindingReader>> readers;
  std::vector<std::vector<std::string>> columns, passthrough;
  for (const auto& src : settings.findings) {
    readers.push_back(std::make_unique<CsvFindingReader>(CsvSourceOptions{src.path, src.columns, src.delimiter}));
    columns.push_back(readers.back()->columns());
    std::vector<std::string> pass;
    const auto& idx = readers.back()->indexes();
    for (std::size_t c = 0; c < columns.back().size(); ++c)
      if (static_cast<int>(c) != idx.lon && static_cast<int>(c) != idx.lat) pass.push_back(columns.back()[c]);
    passthrough.push_back(std::move(pass));
  }
  ColumnUnion all = union_columns(columns);
  ColumnUnion pass = union_columns(passthrough);
  for (std::size_t s = 0; s < readers.size(); ++s) {  // pass-through maps point into the full rows
    for (auto& m : pass.maps[s]) {
      if (m < 0) continue;
      const std::string& name = passthrough[s][static_cast<std::size_t>(m)];
      m = static_cast<int>(std::find(columns[s].begin(), columns[s].end(), name) - columns[s].begin());
    }
  }

  const OutputSettings& out = settings.output;
  std::filesystem::create_directories(out.folder);
  OutputSet outputs(OutputOptions{out.folder, out.geojson, out.shapefile, out.geopackage, out.geopackage_name});
  TemuanLayer temuan(pass.names);
  LayerSink* points = out.has_layer("temuan") ? &outputs.open_layer(temuan.schema()) : nullptr;

  UnitCounts counts(b.desa.size(), settings.categories.size());
  std::vector<Rejection> rejections;
  std::vector<std::size_t> rejection_source;
  double t_ingest = 0, t_geocode = 0, t_aggregate = 0, t_points = 0;
  std::vector<ChunkWork> work(threads);
  const bool keep_points = settings.point_hotspots.kde || settings.point_hotspots.dbscan;
  std::vector<Coord> kept_points;          // for KDE and DBSCAN only (24 bytes a finding)
  std::vector<std::string> kept_categories;

  for (std::size_t s = 0; s < readers.size(); ++s) {
    CsvFindingReader& reader = *readers[s];
    SourceCounts& sc = summary.sources[reader.path()];
    for (;;) {
      // Read up to one chunk per thread (sequential I/O), then parse, geocode and classify them in parallel.
      auto t0 = Clock::now();
      std::size_t n = 0;
      while (n < work.size() && reader.next_chunk(work[n].chunk)) ++n;
      t_ingest += seconds_since(t0);
      if (n == 0) break;
      std::vector<std::thread> workers;
      for (std::size_t i = 1; i < n; ++i)
        workers.emplace_back(process_chunk, std::cref(reader), std::cref(*locator), std::cref(settings.categories),
                             std::ref(work[i]));
      process_chunk(reader, *locator, settings.categories, work[0]);
      for (auto& w : workers) w.join();
      double parse = 0, locate = 0;
      for (std::size_t i = 0; i < n; ++i) {
        parse = std::max(parse, work[i].parse_seconds);
        locate = std::max(locate, work[i].locate_seconds);
      }
      t_ingest += parse;
      t_geocode += locate;

      // Merge in chunk order, so the outputs do not depend on the thread count.
      for (std::size_t wi = 0; wi < n; ++wi) {
        ChunkWork& w = work[wi];
        auto t2 = Clock::now();
        FindingBatch& batch = w.batch;
        sc.rows_read += static_cast<std::int64_t>(batch.size + batch.rejections.size());
        for (auto& r : batch.rejections) {
          sc.rejected_by_reason[r.reason]++;
          rejections.push_back(std::move(r));
          rejection_source.push_back(s);
        }
        sc.rejected += static_cast<std::int64_t>(batch.rejections.size());
        for (std::size_t i = 0; i < batch.size; ++i) {
          const Finding& f = batch.findings[i];
          const Assignment& a = w.assigned[i];
          if (a.desa < 0) {
            Rejection r{reader.path(), f.row, "", "outside_boundaries", outside_detail(b, a.nearest, a.distance_m),
                        f.attributes};
            r.has_point = true;
            r.lonlat = f.lonlat;
            r.distance_m = a.distance_m;
            sc.rejected++;
            sc.rejected_by_reason[r.reason]++;
            rejections.push_back(std::move(r));
            rejection_source.push_back(s);
            continue;
          }
          if (w.category[i] < 0) summary.unknown_categories[f.category]++;
          counts.add(a.desa, w.category[i]);
          if (keep_points) {
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
        }
        t_aggregate += seconds_since(t2);

        if (points) {
          auto t3 = Clock::now();
          for (std::size_t i = 0; i < batch.size; ++i) {
            if (w.assigned[i].desa < 0) continue;
            const std::string& code =
                w.category[i] >= 0 ? settings.categories.categories()[static_cast<std::size_t>(w.category[i])].code
                                   : std::string();
            points->write(temuan.feature(batch.findings[i], pass.maps[s], w.assigned[i], b, code, reader.path()));
          }
          t_points += seconds_since(t3);
        }
      }
      if (options.progress) GDALTermProgress((s + reader.progress()) / static_cast<double>(readers.size()), nullptr, nullptr);
    }
  }
  if (options.progress) GDALTermProgress(1.0, nullptr, nullptr);
  summary.stages.push_back({"ingest", t_ingest});
  summary.stages.push_back({"geocode", t_geocode});
  summary.stages.push_back({"aggregate", t_aggregate});
  if (points) summary.stages.push_back({"write_points", t_points});

  std::unique_ptr<DesaHotspots> hotspots;
  if (settings.hotspots.enabled) {
    StageTimer t(summary, "hotspots");
    hotspots = std::make_unique<DesaHotspots>(desa_hotspots(b, counts, settings.categories, settings.hotspots));
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
    if (out.has_layer("ditolak")) {
      DitolakLayer ditolak(all.names);
      LayerSink& sink = outputs.open_layer(ditolak.schema());
      for (std::size_t r = 0; r < rejections.size(); ++r)
        sink.write(ditolak.feature(rejections[r], all.maps[rejection_source[r]]));
    }
    if (out.has_layer("desa")) {
      LayerSink& sink = outputs.open_layer(desa_schema(settings.categories, hotspots.get()));
      for (std::size_t d = 0; d < b.desa.size(); ++d) sink.write(desa_feature(b, d, counts, hotspots.get()));
    }
    if (out.has_layer("kecamatan")) {
      LayerSink& sink = outputs.open_layer(kecamatan_schema(settings.categories));
      auto rows = counts.by_kecamatan(b);
      for (std::size_t k = 0; k < b.kecamatan.size(); ++k) sink.write(kecamatan_feature(b, k, rows[k]));
    }
    if (clusters) {
      LayerSink& sink = outputs.open_layer(klaster_schema(settings.categories));
      for (const auto& c : clusters->clusters) sink.write(klaster_feature(c, *clusters, settings.categories));
    }
    summary.outputs = outputs.commit();
    if (out.has_layer("ditolak")) {
      std::string csv = out.folder + "/ditolak.csv";
      write_rejects_csv(csv, all.names, rejections, all.maps, rejection_source);
      summary.outputs.push_back(csv);
    }
  }
  if (hotspots) {
    StageTimer t(summary, "write_reports");
    std::string base = out.folder + "/titik_panas";
    write_atomically(base + ".json", [&](std::ostream& o) { o << hotspot_report_json(b, counts, *hotspots).dump(2) << '\n'; });
    write_atomically(base + ".csv", [&](std::ostream& o) { o << hotspot_report_csv(b, counts, *hotspots); });
    write_atomically(base + ".txt", [&](std::ostream& o) { o << hotspot_report_text(b, counts, *hotspots, out.language); });
    std::string gal = out.folder + "/bobot_queen.gal";
    std::vector<std::string> ids;
    for (const auto& d : b.desa) ids.push_back(d.code.dotted());
    write_gal(gal + ".tmp", hotspots->weights, ids);
    std::filesystem::rename(gal + ".tmp", gal);
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
