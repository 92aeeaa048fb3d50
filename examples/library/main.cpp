// peta_top PROJECT.json [N]: builds a peta project with the library and prints its N desa with the most findings.
// Everything it uses comes from <peta/peta.hpp>: no GDAL, GEOS or JSON header is needed.
#include <peta/peta.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: peta_top PROJECT.json [N]\n");
    return 2;
  }
  try {
    const peta::api::Project project = peta::api::Project::load(argv[1]);
    std::printf("peta %s (headers %s): %s\n", peta::api::library_version(), peta::api::kVersion,
                project.name().c_str());

    // Build it, printing the progress at every tenth.
    int next_tenth = 0;
    peta::api::BuildOptions options;
    options.progress = [&next_tenth](double fraction, const std::string&) {
      while (next_tenth <= 10 && fraction * 10 >= next_tenth) {
        std::printf("progress %d%%\n", next_tenth * 10);
        ++next_tenth;
      }
    };
    const peta::api::BuildSummary summary = peta::api::build(project, options);
    const peta::api::SourceSummary& t = summary.total;
    std::printf("rows %lld: by coordinates %lld, by name or code %lld, rejected %lld (%s)\n",
                static_cast<long long>(t.rows_read), static_cast<long long>(t.by_coordinates),
                static_cast<long long>(t.by_name_or_code), static_cast<long long>(t.rejected),
                t.balanced() ? "balanced" : "NOT balanced");
    // Among the files written: the GeoPackage (every layer, styled for QGIS) and the run summary.
    for (const char* name : {"peta.gpkg", "ringkasan.json"}) {
      bool written = false;
      for (const auto& file : summary.outputs) written |= file.size() >= std::strlen(name) && file.ends_with(name);
      std::printf("%s %s\n", name, written ? "written" : "MISSING");
    }

    // The top desa of the built project, all categories together.
    peta::api::TopQuery query;
    query.top = argc > 2 ? static_cast<std::size_t>(std::atoi(argv[2])) : 5;
    const peta::api::TopResult top = peta::api::top_units(project, query);
    std::printf("%s\n", top.title.c_str());
    for (const auto& u : top.units)
      std::printf("%zu. %s %s (Kec. %s): %.0f\n", u.rank, u.code.c_str(), u.name.c_str(), u.kecamatan_name.c_str(),
                  u.count.value_or(-1));
    return t.balanced() ? 0 : 3;
  } catch (const peta::api::Error& e) {
    std::fprintf(stderr, "peta_top: %s\n", e.what());
    return 1;
  }
}
