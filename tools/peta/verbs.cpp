#include "verbs.hpp"

#include <cctype>
#include <cstdio>
#include <exception>
#include <vector>

#include <cpl_conv.h>
#include <gdal.h>

#include "core/error.hpp"

namespace peta::cli {
namespace {

std::vector<std::unique_ptr<Verb>>& verbs() {
  static std::vector<std::unique_ptr<Verb>> v;
  return v;
}

}  // namespace

void add_verb(std::unique_ptr<Verb> verb) { verbs().push_back(std::move(verb)); }

std::string folded(const std::string& value) {
  std::size_t begin = 0, end = value.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(value[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(value[end - 1]))) --end;
  std::string out = value.substr(begin, end - begin);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

CLI::Validator choices(std::vector<std::string> names, Spelling spelling) {
  // CLI11's IsMember applies the filter to the value and to each name, and stores the matching name.
  std::function<std::string(std::string)> filter = [spelling = std::move(spelling)](std::string value) {
    return spelling ? spelling(value) : folded(value);
  };
  return CLI::IsMember(std::move(names), std::move(filter));
}

void add_verbs(CLI::App& app) {
  add_build(app);
  add_boundaries(app);
  add_sample(app);
  add_bench(app);
  add_query(app);
  add_serve(app);
  add_import(app);
  add_status(app);
  add_report(app);
}

int run_selected(CLI::App& app) {
  GDALAllRegister();
  try {
    for (auto& verb : verbs())
      if (verb->command().parsed()) return verb->run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "peta: error: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "%s", app.help().c_str());
  return 2;
}

}  // namespace peta::cli
