// The CLI verbs declare their allowed values with the option: `--help` lists them, the parser refuses any other
// value naming the option, and other spellings the HTTP API accepts (English words, another case) give the same
// answer as the listed name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "query_fixture.hpp"
#include "test_support.hpp"

namespace peta::test {
namespace {

struct Choice {
  std::string verb, option, listed;  // `listed`: CLI11's rendering of the allowed values
};

const std::vector<Choice>& declared_choices() {
  static const std::vector<Choice> choices = {
      {"query", "--level", "{desa,kecamatan}"},
      {"query", "--signifikan", "{90,95,99,tidak}"},
      {"query", "--spot", "{panas,dingin}"},
      {"query", "--statistik", "{gi,lisa}"},
      {"query", "--format", "{table,csv,json,geojson}"},
      {"query", "--bahasa", "{id,en}"},
      {"query", "--periode", "{bulan,minggu,triwulan}"},
      {"report", "--bahasa", "{id,en}"},
      {"status", "--jadi", "{baru,diverifikasi,ditindaklanjuti,selesai,bukan_masalah,duplikat}"},
  };
  return choices;
}

// The line of `help` that describes `option`.
std::string help_line(const std::string& help, const std::string& option) {
  for (std::size_t at = help.find(option); at != std::string::npos; at = help.find(option, at + 1)) {
    const std::size_t begin = help.rfind('\n', at) + 1;
    const std::size_t end = help.find('\n', at);
    const std::string line = help.substr(begin, end - begin);
    if (line.find_first_not_of(' ') == line.find('-')) return line;  // an option line, not a description mentioning it
  }
  return "";
}

TEST(VerbChoices, HelpListsEveryDeclaredChoice) {
  const std::string dir = temp_dir("verb-choices-help");
  for (const auto& c : declared_choices()) {
    const CliRun r = run_cli(c.verb + " --help", dir);
    ASSERT_EQ(r.code, 0) << c.verb << ": " << r.err;
    const std::string line = help_line(r.out, c.option);
    EXPECT_NE(line.find(c.listed), std::string::npos) << c.verb << " " << c.option << ": '" << line << "'";
  }
}

TEST(VerbChoices, AnInvalidChoiceIsRefusedNamingTheOption) {
  const std::string dir = temp_dir("verb-choices-invalid");
  write_file(dir + "/proyek.json", "{}");
  for (const auto& c : declared_choices()) {
    std::string args = c.verb + " " + dir + "/proyek.json " + c.option + " bukan_pilihan";
    if (c.verb == "report") args += " --out " + dir + "/x.pdf";
    const CliRun r = run_cli(args, dir);
    EXPECT_NE(r.code, 0) << args;
    EXPECT_NE(r.err.find(c.option + ": bukan_pilihan bukan salah satu dari " + c.listed + " / bukan_pilihan not in " +
                         c.listed),
              std::string::npos)
        << args << ": " << r.err;
    EXPECT_NE(r.err.find("Kesalahan perintah: ada nilai yang tidak diterima. Jalankan dengan --help untuk keterangan"),
              std::string::npos)
        << args << ": " << r.err;
    EXPECT_EQ(r.out, "") << args;
  }
}

// The same question in other spellings the query parser accepts gives byte-identical answers.
// Other refusals of the parser get the Indonesian line too, naming the kind of mistake.
TEST(VerbChoices, ParserRefusalsSayWhatKindOfMistakeInIndonesian) {
  const std::string dir = temp_dir("verb-choices-kinds");
  const CliRun missing = run_cli("build", dir);
  EXPECT_NE(missing.code, 0);
  EXPECT_NE(missing.err.find("project is required\nKesalahan perintah: ada pilihan wajib yang belum diisi."), std::string::npos)
      << missing.err;
  write_file(dir + "/proyek.json", "{}");
  const CliRun extra = run_cli("build " + dir + "/proyek.json --tidak-ada", dir);
  EXPECT_NE(extra.code, 0);
  EXPECT_NE(extra.err.find("Kesalahan perintah: ada argumen yang tidak dikenal."), std::string::npos) << extra.err;
  EXPECT_NE(extra.err.find("/ Run with --help for more information."), std::string::npos) << extra.err;
}

TEST(VerbChoices, OtherSpellingsGiveTheListedChoicesAnswer) {
  const std::string dir = temp_dir("verb-choices-spellings");
  const std::string gpkg = dir + "/peta.gpkg";
  write_query_fixture(gpkg);
  const CliRun listed = run_cli("query --gpkg " + gpkg + " --level desa --spot dingin --statistik lisa -f csv --bahasa en -n 3", dir);
  ASSERT_EQ(listed.code, 0) << listed.err;
  ASSERT_NE(listed.out.find('\n'), std::string::npos) << listed.out;
  const CliRun other =
      run_cli("query --gpkg " + gpkg + " --level Village --spot COLD --statistik ' Moran' -f CSV --bahasa EN -n 3", dir);
  ASSERT_EQ(other.code, 0) << other.err;
  EXPECT_EQ(other.out, listed.out);
  const CliRun kecamatan = run_cli("query --gpkg " + gpkg + " --level district -f csv -n 3", dir);
  ASSERT_EQ(kecamatan.code, 0) << kecamatan.err;
  EXPECT_EQ(kecamatan.out, run_cli("query --gpkg " + gpkg + " --level kecamatan -f csv -n 3", dir).out);
  EXPECT_NE(kecamatan.out, run_cli("query --gpkg " + gpkg + " --level desa -f csv -n 3", dir).out);
}

}  // namespace
}  // namespace peta::test
