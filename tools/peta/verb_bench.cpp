// peta bench: generates N findings over a boundary layer, then times the job
// "CSV -> geocode -> counts -> desa and kecamatan layers" in a child `peta build` (so that its peak
// memory is the whole process's), stage by stage; optionally also the point layer against ogr2ogr.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "boundaries/boundary_loader.hpp"
#include "child_process.hpp"
#include "core/error.hpp"
#include "sample/sample_generator.hpp"
#include "verbs.hpp"

namespace peta::cli {
namespace fs = std::filesystem;

namespace {

struct BenchOptions {
  std::string desa, kecamatan, layer, work = "bench-work";
  long long count = 1000000;
  unsigned long long seed = 1;
  bool points = false;
  bool qgis = false;
  bool whole = false;
  bool no_cache = false;  // time the build without the boundary cache
  unsigned threads = 0;
};

std::string write_project(const BenchOptions& o, const std::string& csv, const std::string& out, bool points_only) {
  nlohmann::json p;
  p["name"] = "peta bench";
  p["boundaries"]["desa"]["path"] = fs::absolute(o.desa).string();
  if (!o.layer.empty()) p["boundaries"]["desa"]["layer"] = o.layer;
  if (!o.kecamatan.empty()) p["boundaries"]["kecamatan"]["path"] = fs::absolute(o.kecamatan).string();
  p["findings"] = nlohmann::json::array({{{"path", fs::absolute(csv).string()}}});
  p["output"]["folder"] = fs::absolute(out).string();
  p["output"]["formats"] = {"geopackage"};
  p["output"]["layers"] = points_only ? nlohmann::json{"temuan"} : nlohmann::json{"desa", "kecamatan"};
  // The job timed is the peers' job: no hotspot statistics, no styles or picture; every category public.
  p["hotspots"]["enabled"] = false;
  p["output"]["qgis"] = o.qgis;
  p["privacy"]["profile"] = "internal";
  std::string path = o.work + (points_only ? "/bench_points.json" : "/bench_project.json");
  std::ofstream(path) << p.dump(2);
  return path;
}

std::string stage_note(const nlohmann::json& summary, const std::string& name) {
  for (const auto& s : summary["stages"])
    if (s["stage"] == name && s.contains("note")) return s["note"].get<std::string>();
  return "";
}

double stage(const nlohmann::json& summary, const std::string& name) {
  for (const auto& s : summary["stages"])
    if (s["stage"] == name) return s["seconds"].get<double>();
  return 0;
}

int run_bench(const BenchOptions& o) {
  fs::create_directories(o.work);
  std::string csv = o.work + "/findings_" + std::to_string(o.count) + "_s" + std::to_string(o.seed) + ".csv";
  if (!fs::exists(csv)) {
    BoundarySettings bs;
    bs.desa.path = o.desa;
    bs.desa.layer = o.layer;
    auto loaded = load_boundaries(bs);
    auto t0 = std::chrono::steady_clock::now();
    SampleOptions so;
    so.count = o.count;
    so.seed = o.seed;
    write_sample_csv(loaded.boundaries, so, csv);
    std::printf("generated %lld findings in %.2f s -> %s\n", o.count,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), csv.c_str());
  }
  std::string self = self_executable();
  std::string threads = std::to_string(o.threads);
  std::string project = write_project(o, csv, o.work + "/out", false);
  std::string summary_path = o.work + "/summary.json";
  // The boundary cache in the work folder: the first build writes it (timed apart), the timed one reads it.
  const std::string cache = o.work + "/boundary-cache";
  std::vector<std::string> build{self, "build", "--json", "--threads", threads};
  if (o.no_cache) build.push_back("--tanpa-cache");
  else build.insert(build.end(), {"--cache", cache});
  build.push_back(project);
  if (!o.no_cache && (!fs::exists(cache) || fs::is_empty(cache))) {
    auto first = run_child(build, summary_path);
    nlohmann::json fs_ = nlohmann::json::parse(std::ifstream(summary_path));
    std::printf("first run (boundary cache written): %.3f s, boundaries %.3f s, peak %.1f MB\n", first.seconds,
                stage(fs_, "boundaries"), first.peak_rss_kb / 1024.0);
  }
  auto r = run_child(build, summary_path);
  if (r.exit_code != 0) throw Error("peta build failed in the benchmark (exit " + std::to_string(r.exit_code) + ")");
  nlohmann::json s = nlohmann::json::parse(std::ifstream(summary_path));
  long long rows = s["total"]["rows_read"].get<long long>();
  std::printf("\njob: CSV -> geocode -> counts -> desa + kecamatan layers (GeoPackage)\n");
  std::printf("  findings                %12lld  (%s)\n", rows, csv.c_str());
  std::printf("  boundaries              %12.3f s  (%s)\n", stage(s, "boundaries"), stage_note(s, "boundaries").c_str());
  std::printf("  index                   %12.3f s\n", stage(s, "index"));
  std::printf("  ingest (CSV)            %12.3f s\n", stage(s, "ingest"));
  std::printf("  geocode                 %12.3f s\n", stage(s, "geocode"));
  std::printf("  aggregate               %12.3f s\n", stage(s, "aggregate"));
  std::printf("  write layers            %12.3f s\n", stage(s, "write_layers"));
  std::printf("  whole process (wall)    %12.3f s  (cpu %.2f s)\n", r.seconds, r.cpu_seconds);
  std::printf("  points/s (whole)        %12.0f\n", rows / r.seconds);
  std::printf("  points/s (geocode)      %12.0f\n", rows / std::max(1e-9, stage(s, "geocode")));
  std::printf("  peak memory             %12.1f MB\n", r.peak_rss_kb / 1024.0);
  if (o.points) {
    std::string pproject = write_project(o, csv, o.work + "/out_points", true);
    auto p = run_child({self, "build", "--json", "--threads", threads, pproject}, o.work + "/summary_points.json");
    nlohmann::json ps = nlohmann::json::parse(std::ifstream(o.work + "/summary_points.json"));
    std::string gpkg = o.work + "/ogr2ogr_points.gpkg";
    fs::remove(gpkg);
    auto g = run_child({"ogr2ogr", "-f", "GPKG", gpkg, csv, "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
                        "-a_srs", "EPSG:4326", "-nln", "temuan"});
    // peta's point layer costs what the temuan-only build costs beyond the counts-only build (same CSV, same
    // reading and geocoding); ogr2ogr only reads the CSV and writes the GeoPackage.
    const double layer_wall = std::max(1e-9, p.seconds - r.seconds), layer_cpu = std::max(1e-9, p.cpu_seconds - r.cpu_seconds);
    std::printf("\npoint layer (GeoPackage, R-tree), same CSV\n");
    std::printf("  peta build, temuan only %12.3f s  (cpu %.2f s, write_points %.3f s, peak %.1f MB, exit %d)\n",
                p.seconds, p.cpu_seconds, stage(ps, "write_points"), p.peak_rss_kb / 1024.0, p.exit_code);
    std::printf("  ogr2ogr CSV -> GPKG     %12.3f s  (cpu %.2f s, peak %.1f MB, exit %d)\n", g.seconds, g.cpu_seconds,
                g.peak_rss_kb / 1024.0, g.exit_code);
    std::printf("  peta's point layer      %12.3f s  (cpu %.2f s: temuan-only build minus the counts-only build)\n",
                layer_wall, layer_cpu);
    std::printf("  ogr2ogr / peta          %12.1fx wall, %.1fx cpu (target >= 5x)\n", g.seconds / layer_wall,
                g.cpu_seconds / layer_cpu);
  }
  if (o.whole) {
    // What an officer runs: every layer, hotspot statistics, styles and the QGIS project; GeoPackage only, then
    // all three formats.
    for (const bool all_formats : {false, true}) {
      nlohmann::json p = nlohmann::json::parse(std::ifstream(project));
      p["output"]["folder"] = fs::absolute(o.work + (all_formats ? "/out_whole3" : "/out_whole")).string();
      p["output"]["formats"] = all_formats ? nlohmann::json{"geopackage", "geojson", "shapefile"} : nlohmann::json{"geopackage"};
      p["output"]["layers"] = {"desa", "kecamatan", "kabupaten", "temuan", "ditolak"};
      p["output"]["qgis"] = true;
      p.erase("hotspots");
      const std::string path = o.work + (all_formats ? "/bench_whole3.json" : "/bench_whole.json");
      std::ofstream(path) << p.dump(2);
      auto w = run_child({self, "build", "--json", "--threads", threads, path}, o.work + "/summary_whole.json");
      nlohmann::json ws = nlohmann::json::parse(std::ifstream(o.work + "/summary_whole.json"));
      std::printf("\nwhole peta build (every layer, statistics, styles, QGIS project), %s\n",
                  all_formats ? "GeoPackage + GeoJSON + shapefile" : "GeoPackage");
      std::printf("  whole process (wall)    %12.3f s  (cpu %.2f s, peak %.1f MB, exit %d)\n", w.seconds, w.cpu_seconds,
                  w.peak_rss_kb / 1024.0, w.exit_code);
      for (const auto& st : ws["stages"])
        std::printf("    %-21s %12.3f s\n", st["stage"].get<std::string>().c_str(), st["seconds"].get<double>());
    }
  }
  return 0;
}

class BenchVerb : public Verb {
 public:
  explicit BenchVerb(CLI::App& app) : Verb(app, "bench", "Ukur kecepatan (benchmark the main job on generated findings)") {
    CLI::App& c = command();
    c.add_option("--boundaries", o_.desa, "Desa boundary layer")->required();
    c.add_option("--layer", o_.layer, "Layer name in the boundary source");
    c.add_option("--kecamatan", o_.kecamatan, "Kecamatan layer (else dissolved from desa)");
    c.add_option("-n,--count", o_.count, "Number of findings to generate");
    c.add_option("--seed", o_.seed, "Seed of the generated findings");
    c.add_option("--work", o_.work, "Working folder (the generated CSV is kept and reused)");
    c.add_option("--threads", o_.threads, "Geocoding threads (0 = all cores)");
    c.add_flag("--points", o_.points, "Also time writing the point layer against ogr2ogr");
    c.add_flag("--whole", o_.whole, "Also time the whole build (every layer, statistics, styles), GeoPackage and all formats");
    c.add_flag("--tanpa-cache,--no-cache", o_.no_cache, "Time the build without the boundary cache");
    c.add_flag("--qgis", o_.qgis, "Also write the QGIS styles, project and picture in the timed job");
  }
  int run() override { return run_bench(o_); }

 private:
  BenchOptions o_;
};

}  // namespace

void add_bench(CLI::App& app) { add_verb<BenchVerb>(app); }

}  // namespace peta::cli
