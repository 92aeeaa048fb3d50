// peta sample: writes realistic synthetic findings over a desa layer, deterministic for a seed.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "boundaries/boundary_loader.hpp"
#include "core/atomic_write.hpp"
#include "sample/sample_generator.hpp"
#include "sample/visit_schedule.hpp"
#include "verbs.hpp"

namespace peta::cli {
namespace {
struct SampleArgs {
  std::string boundaries;
  std::string layer;
  std::string out;
  std::string kecamatan;   // kecamatan layer, for the visit schedule
  std::string visits_out;  // --kunjungan: also write the synthetic visit schedule here
  SampleOptions options;
  bool quiet = false;
};

int run_sample(const SampleArgs& args) {
  BoundarySettings settings;
  settings.desa.path = args.boundaries;
  settings.desa.layer = args.layer;
  if (!args.kecamatan.empty()) settings.kecamatan = BoundarySource{args.kecamatan};
  const auto loaded = load_boundaries(settings);
  if (!args.visits_out.empty()) {
    const std::string csv = visit_schedule_csv(loaded.boundaries, args.options.year);
    write_atomically(args.visits_out, [&](std::ostream& out) { out << csv; });
    if (!args.quiet)
      std::fprintf(stderr, "peta sample: visits to %zu kecamatan in %d written to %s\n", loaded.boundaries.kecamatan.size(),
                   args.options.year, args.visits_out.c_str());
  }
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
  sub->add_option("--kecamatan", args->kecamatan, "Kecamatan layer (names for --kunjungan; default: from the desa)");
  sub->add_option("--kunjungan", args->visits_out,
                  "Also write a visit schedule CSV: every kecamatan once in --year, two a month (kecamatan,kode_kec,mulai,selesai,tim)");
  sub->add_flag("--quiet", args->quiet, "Print nothing on success");
  register_verb(sub, [args] { return run_sample(*args); });
}

}  // namespace peta::cli
