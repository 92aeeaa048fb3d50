// peta sample: writes realistic synthetic findings over a desa layer, deterministic for a seed.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "boundaries/boundary_loader.hpp"
#include "sample/sample_generator.hpp"
#include "verbs.hpp"

namespace peta::cli {
namespace {
struct SampleArgs {
  std::string boundaries;
  std::string layer;
  std::string out;
  SampleOptions options;
  bool quiet = false;
};

int run_sample(const SampleArgs& args) {
  BoundarySettings settings;
  settings.desa.path = args.boundaries;
  settings.desa.layer = args.layer;
  const auto loaded = load_boundaries(settings);
  const auto start = std::chrono::steady_clock::now();
  write_sample_csv(loaded.boundaries, args.options, args.out);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!args.quiet)
    std::fprintf(stderr, "peta sample: %lld points over %zu desa written to %s in %.2f s (%.0f points/s)\n",
                 static_cast<long long>(args.options.count), loaded.boundaries.desa.size(), args.out.c_str(),
                 seconds, seconds > 0 ? args.options.count / seconds : 0.0);
  return 0;
}
}  // namespace

void add_sample(CLI::App& app) {
  auto args = std::make_shared<SampleArgs>();
  auto* sub = app.add_subcommand("sample", "Write synthetic findings (CSV) over a desa layer, the same for the same seed");
  sub->add_option("--boundaries", args->boundaries, "Desa layer (any OGR source)")->required();
  sub->add_option("--layer", args->layer, "Layer name in the source (default: the first)");
  sub->add_option("--count", args->options.count, "Number of findings")->required()->check(CLI::NonNegativeNumber);
  sub->add_option("--seed", args->options.seed, "Random seed")->required();
  sub->add_option("--out", args->out, "Output CSV (id,lon,lat,kategori,tanggal,tingkat,keterangan)")->required();
  sub->add_option("--outside-share", args->options.outside_share, "Share of findings outside every desa")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  sub->add_option("--hot-villages", args->options.hot_villages, "Villages around which findings cluster")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  sub->add_option("--year", args->options.year, "Year of the dates")->capture_default_str();
  sub->add_flag("--quiet", args->quiet, "Print nothing on success");
  register_verb(sub, [args] { return run_sample(*args); });
}

}  // namespace peta::cli
