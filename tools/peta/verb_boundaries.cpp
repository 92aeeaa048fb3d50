// peta boundaries check: load the boundary layers and print the quality report (JSON on request).
// Problems in the data are the report, not a failure: exit 0. Unreadable input: non-zero.
#include <cstdio>
#include <fstream>
#include <string>

#include "boundaries/boundary_loader.hpp"
#include "boundaries/quality_report.hpp"
#include "core/error.hpp"
#include "verbs.hpp"

namespace peta::cli {
namespace {
struct CheckArgs {
  std::string desa, desa_layer, kecamatan, kabupaten, json, where;
  std::size_t top = 20;
};

int run_check(const CheckArgs& a) {
  BoundarySettings settings;
  settings.desa.path = a.desa;
  settings.desa.layer = a.desa_layer;
  settings.desa.where = a.where;
  auto source = [](const std::string& path) {
    BoundarySource s;
    s.path = path;
    return s;
  };
  if (!a.kecamatan.empty()) settings.kecamatan = source(a.kecamatan);
  if (!a.kabupaten.empty()) settings.kabupaten = source(a.kabupaten);
  LoadedBoundaries loaded = load_boundaries(settings);

  QualityOptions options;
  options.text_top_n = a.top;
  QualityReport report = check_quality(loaded, options);
  if (!a.json.empty()) {
    std::ofstream out(a.json, std::ios::binary);
    if (!out) throw Error("cannot write the JSON report '" + a.json + "'");
    nlohmann::json j = to_json(report);
    j["sources"] = {{"desa", a.desa}, {"desa_layer", a.desa_layer}, {"where", a.where},
                    {"kecamatan", a.kecamatan}, {"kabupaten", a.kabupaten}};
    out << j.dump(2) << "\n";
    if (!out) throw Error("cannot write the JSON report '" + a.json + "'");
  }
  std::printf("Lapisan desa (desa layer): %s%s%s\n", a.desa.c_str(), a.desa_layer.empty() ? "" : (" / " + a.desa_layer).c_str(),
              a.where.empty() ? "" : ("  [" + a.where + "]").c_str());
  std::fputs(to_text(report, options).c_str(), stdout);
  if (!a.json.empty()) std::printf("Laporan JSON (JSON report): %s\n", a.json.c_str());
  return 0;
}
}  // namespace

void add_boundaries(CLI::App& app) {
  auto* sub = app.add_subcommand("boundaries", "Batas wilayah: periksa mutu (boundaries: quality check)");
  sub->require_subcommand(1);
  auto* check = sub->add_subcommand(
      "check", "Laporan mutu batas: tumpang tindih, celah, geometri, kode (boundary quality report)");
  static CheckArgs args;
  check->add_option("--desa", args.desa, "Lapisan desa, sumber OGR apa pun (desa layer, any OGR source)")->required();
  check->add_option("--desa-layer", args.desa_layer, "Nama layer dalam sumber desa (layer name in the desa source)");
  check->add_option("--kecamatan", args.kecamatan, "Lapisan kecamatan; tanpa ini dilebur dari desa (kecamatan layer; dissolved from desa if absent)");
  check->add_option("--kabupaten", args.kabupaten, "Lapisan kabupaten (kabupaten layer)");
  check->add_option("--json", args.json, "Tulis laporan lengkap sebagai JSON (write the full report as JSON)");
  check->add_option("--where", args.where, "Filter atribut OGR untuk desa, mis. \"kode_kab = '35.13'\" (OGR attribute filter on desa)");
  check->add_option("--top", args.top, "Jumlah butir per daftar dalam teks (items listed per list in the text)")->capture_default_str();
  register_verb(check, [] { return run_check(args); });
}

}  // namespace peta::cli
