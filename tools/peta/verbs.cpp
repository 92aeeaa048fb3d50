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
  // As CLI11's IsMember (the spelling applied to the value and to each name, the matching name stored), with the
  // refusal in Indonesian first: IsMember's message is English only.
  std::string listed = "{";
  for (std::size_t i = 0; i < names.size(); ++i) listed += (i ? "," : "") + names[i];
  listed += "}";
  auto check = [names = std::move(names), spelling = std::move(spelling), listed](std::string& value) -> std::string {
    auto spelled = [&](const std::string& v) { return spelling ? spelling(v) : folded(v); };
    const std::string wanted = spelled(value);
    for (const auto& name : names)
      if (spelled(name) == wanted) {
        value = name;
        return {};
      }
    return value + " bukan salah satu dari " + listed + " / " + value + " not in " + listed;
  };
  return CLI::Validator(std::move(check), listed);
}

std::string failure_message(const CLI::App* app, const CLI::Error& e) {
  // CLI11's own texts are English; a line in Indonesian says what kind of mistake it is and where help is.
  std::string kind = "perintah tidak dapat dibaca";
  if (dynamic_cast<const CLI::RequiredError*>(&e)) kind = "ada pilihan wajib yang belum diisi";
  else if (dynamic_cast<const CLI::ExtrasError*>(&e)) kind = "ada argumen yang tidak dikenal";
  else if (dynamic_cast<const CLI::ConversionError*>(&e)) kind = "ada nilai yang tidak dapat dibaca";
  else if (dynamic_cast<const CLI::ValidationError*>(&e)) kind = "ada nilai yang tidak diterima";
  else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) kind = "jumlah nilai tidak sesuai";
  std::string help = "--help";
  if (app && app->get_help_ptr()) help = app->get_help_ptr()->get_name();
  return std::string(e.what()) + "\nKesalahan perintah: " + kind + ". Jalankan dengan " + help +
         " untuk keterangan / Run with " + help + " for more information.\n";
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
