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

class BoundariesCheckVerb : public Verb {
 public:
  explicit BoundariesCheckVerb(CLI::App& boundaries)
      : Verb(boundaries, "check", "Laporan mutu batas: tumpang tindih, celah, geometri, kode (boundary quality report)") {
    CLI::App& c = command();
    c.add_option("--desa", a_.desa, "Lapisan desa, sumber OGR apa pun (desa layer, any OGR source)")->required();
    c.add_option("--desa-layer", a_.desa_layer, "Nama layer dalam sumber desa (layer name in the desa source)");
    c.add_option("--kecamatan", a_.kecamatan, "Lapisan kecamatan; tanpa ini dilebur dari desa (kecamatan layer; dissolved from desa if absent)");
    c.add_option("--kabupaten", a_.kabupaten, "Lapisan kabupaten (kabupaten layer)");
    c.add_option("--json", a_.json, "Tulis laporan lengkap sebagai JSON (write the full report as JSON)");
    c.add_option("--where", a_.where, "Filter atribut OGR untuk desa, mis. \"kode_kab = '35.13'\" (OGR attribute filter on desa)");
    c.add_option("--crs", a_.crs, "CRS lapisan batas, mis. EPSG:32749, menggantikan CRS lapisan (CRS of the boundary layers, overrides theirs)");
    c.add_option("--top", a_.top, "Jumlah butir per daftar dalam teks (items listed per list in the text)")->capture_default_str();
  }
  int run() override;

 private:
  struct Args {
    std::string desa, desa_layer, kecamatan, kabupaten, json, where, crs;
    std::size_t top = 20;
  } a_;
};

int BoundariesCheckVerb::run() {
  const Args& a = a_;
  BoundarySettings settings;
  settings.desa.path = a.desa;
  settings.desa.layer = a.desa_layer;
  settings.desa.where = a.where;
  if (!a.kecamatan.empty()) settings.kecamatan.emplace().path = a.kecamatan;
  if (!a.kabupaten.empty()) settings.kabupaten.emplace().path = a.kabupaten;
  settings.desa.crs = a.crs;
  settings.duplicate_codes_stop = false;  // the report lists them
  if (settings.kecamatan) settings.kecamatan->crs = a.crs;
  if (settings.kabupaten) settings.kabupaten->crs = a.crs;
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
  add_verb<BoundariesCheckVerb>(*sub);
}

}  // namespace peta::cli
