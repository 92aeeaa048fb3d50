// peta sample: writes realistic synthetic findings over a desa layer, deterministic for a seed; optionally a
// synthetic Ngantor di Kecamatan visit schedule.
#include <chrono>
#include <cstdio>
#include <string>

#include "boundaries/boundary_loader.hpp"
#include "core/atomic_write.hpp"
#include "sample/profile_sample.hpp"
#include "sample/road_sample.hpp"
#include "sample/sample_generator.hpp"
#include "sample/visit_schedule.hpp"
#include "verbs.hpp"

namespace peta::cli {
namespace {

class SampleVerb : public Verb {
 public:
  explicit SampleVerb(CLI::App& app)
      : Verb(app, "sample", "Write synthetic findings (CSV) over a desa layer, the same for the same seed") {
    CLI::App& c = command();
    c.add_option("--boundaries", a_.boundaries, "Desa layer (any OGR source)")->required();
    c.add_option("--layer", a_.layer, "Layer name in the source (default: the first)");
    c.add_option("--count", a_.options.count, "Number of findings")->required()->check(CLI::NonNegativeNumber);
    c.add_option("--seed", a_.options.seed, "Random seed")->required();
    c.add_option("--out", a_.out, "Output CSV (id,lon,lat,kategori,tanggal,tingkat,keterangan)")->required();
    c.add_option("--outside-share", a_.options.outside_share, "Share of findings outside every desa")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    c.add_option("--hot-villages", a_.options.hot_villages, "Villages around which findings cluster")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    c.add_option("--year", a_.options.year, "Year of the dates")->capture_default_str();
    c.add_option("--kecamatan", a_.kecamatan, "Kecamatan layer (names for --kunjungan; default: from the desa)");
    c.add_option("--kunjungan", a_.visits_out,
                 "Also write a visit schedule CSV: every kecamatan once in --year, two a month (kecamatan,kode_kec,mulai,selesai,tim)");
    c.add_option("--profil", a_.profile_out,
                 "Also write a synthetic desa profile table CSV keyed by code (penduduk, status_idm, skor_idm, jumlah_sd, "
                 "jumlah_posyandu; a few bad rows to show the rejects)");
    c.add_option("--bumdes", a_.bumdes_out,
                 "Also write a synthetic BUMDes table CSV keyed by desa and kecamatan name (bumdes, unit_usaha)");
    c.add_option("--ruas", a_.roads_out,
                 "Also write synthetic damaged road stretches, a line source (id,wkt,kategori,tanggal,tingkat,keterangan)");
    c.add_option("--ruas-count", a_.road_count, "Number of road stretches for --ruas")->capture_default_str()->check(CLI::NonNegativeNumber);
    c.add_flag("--quiet", a_.quiet, "Print nothing on success");
  }
  int run() override;

 private:
  struct Args {
    std::string boundaries;
    std::string layer;
    std::string out;
    std::string kecamatan;   // kecamatan layer, for the visit schedule
    std::string visits_out;  // --kunjungan: also write the synthetic visit schedule here
    std::string profile_out, bumdes_out;  // --profil, --bumdes: synthetic desa profile tables
    std::string roads_out;                // --ruas: synthetic damaged road stretches (lines)
    int road_count = 40;
    SampleOptions options;
    bool quiet = false;
  } a_;
};

int SampleVerb::run() {
  const Args& args = a_;
  BoundarySettings settings;
  settings.desa.path = args.boundaries;
  settings.desa.layer = args.layer;
  if (!args.kecamatan.empty()) settings.kecamatan.emplace().path = args.kecamatan;
  const auto loaded = load_boundaries(settings);
  if (!args.visits_out.empty()) {
    const std::string csv = visit_schedule_csv(loaded.boundaries, args.options.year);
    write_atomically(args.visits_out, [&](std::ostream& out) { out << csv; });
    if (!args.quiet)
      std::fprintf(stderr, "peta sample: visits to %zu kecamatan in %d written to %s\n", loaded.boundaries.kecamatan.size(),
                   args.options.year, args.visits_out.c_str());
  }
  for (const auto& [path, csv] : {std::pair{args.profile_out, &profile_sample_csv}, std::pair{args.bumdes_out, &bumdes_sample_csv}}) {
    if (path.empty()) continue;
    const std::string text = csv(loaded.boundaries, args.options.seed);
    write_atomically(path, [&](std::ostream& out) { out << text; });
    if (!args.quiet) std::fprintf(stderr, "peta sample: desa profile table written to %s\n", path.c_str());
  }
  if (!args.roads_out.empty()) {
    const std::string csv = road_sample_csv(loaded.boundaries, args.options.seed, args.road_count, args.options.year);
    write_atomically(args.roads_out, [&](std::ostream& out) { out << csv; });
    if (!args.quiet) std::fprintf(stderr, "peta sample: %d road stretches written to %s\n", args.road_count, args.roads_out.c_str());
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

void add_sample(CLI::App& app) { add_verb<SampleVerb>(app); }

}  // namespace peta::cli
