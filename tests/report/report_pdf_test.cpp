// peta report end to end on the real Probolinggo boundaries: a project built once (5,000 synthetic findings,
// public profile, k = 5, Gi*), then booklets checked with poppler-utils: pdfinfo page counts, pdftotext headings
// and the exact numbers the layers hold, and pdftoppm of the map pages against the renderer's own PNG of the
// same page.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <regex>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>

#include "project/project_settings.hpp"
#include "report/booklet.hpp"
#include "report/report_data.hpp"
#include "report/report_pdf.hpp"
#include "test_support.hpp"

namespace {

using peta::test::data;

// Runs a command; returns its stdout; fails the test when it exits non-zero.
std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = pclose(pipe);
  EXPECT_EQ(status, 0) << command << "\n" << out;
  return out;
}

int pdf_pages(const std::string& pdf) {
  std::smatch m;
  std::string info = run("pdfinfo '" + pdf + "'");
  static const std::regex pages(R"(Pages:\s+(\d+))");
  return std::regex_search(info, m, pages) ? std::stoi(m[1]) : -1;
}

std::string pdf_text(const std::string& pdf, int first = 0, int last = 0) {
  std::string range = first ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : "";
  return run("pdftotext -layout" + range + " '" + pdf + "' -");
}

class Report : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = peta::test::temp_dir("report_pdf");
    const std::string cli = PETA_CLI;
    run(cli + " sample --boundaries " + data("probolinggo/desa.geojson") + " --count 5000 --seed 2026 --out " + dir_ +
        "/temuan.csv");
    nlohmann::json p = {
        {"name", "Uji laporan"},
        {"boundaries",
         {{"desa", {{"path", data("probolinggo/desa.geojson")}}},
          {"kecamatan", {{"path", data("probolinggo/kecamatan.geojson")}}},
          {"kabupaten", {{"path", data("probolinggo/kabupaten.geojson")}}}}},
        {"findings",
         {{{"path", "temuan.csv"},
           {"columns", {{"id", "id"}, {"lon", "lon"}, {"lat", "lat"}, {"kategori", "kategori"}}},
           {"publish", {"tanggal", "tingkat", "keterangan"}}}}},
        {"privacy", {{"profile", "public"}, {"k", 5}}},
        {"hotspots", {{"permutations", 99}}},
        {"output", {{"folder", dir_ + "/out"}, {"formats", {"geojson", "geopackage"}}}}};
    project_ = dir_ + "/project.json";
    peta::test::write_file(project_, p.dump(2));
    run(cli + " build " + project_);
    settings_ = new peta::ProjectSettings(peta::load_project(project_));
    data_ = new peta::report::ReportData(peta::report::load_report_data(*settings_));
  }
  static void TearDownTestSuite() {
    delete data_;
    delete settings_;
  }
  static std::string report(const std::string& args, const std::string& out) {
    return run(std::string(PETA_CLI) + " report " + project_ + " " + args + " --out " + dir_ + "/" + out);
  }
  // The desa layer's features of one kecamatan (GeoJSON, as written by the build).
  static std::vector<nlohmann::json> desa_of(const std::string& kecamatan) {
    auto layer = nlohmann::json::parse(peta::test::read_file(dir_ + "/out/desa.geojson"));
    std::vector<nlohmann::json> out;
    for (const auto& f : layer["features"])
      if (f["properties"]["nama_kec"] == kecamatan) out.push_back(f["properties"]);
    return out;
  }
  static nlohmann::json kecamatan_props(const std::string& nama) {
    auto layer = nlohmann::json::parse(peta::test::read_file(dir_ + "/out/kecamatan.geojson"));
    for (const auto& f : layer["features"])
      if (f["properties"]["nama"] == nama) return f["properties"];
    return nullptr;
  }
  static inline std::string dir_, project_;
  static inline peta::ProjectSettings* settings_ = nullptr;
  static inline peta::report::ReportData* data_ = nullptr;
};

// The number a line of the key-numbers page ends with, for the row whose label starts the line.
std::string value_after(const std::string& text, const std::string& label) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    auto at = line.find(label);
    if (at == std::string::npos) continue;
    std::string rest = line.substr(at + label.size());
    auto first = rest.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    return rest.substr(first);
  }
  return "";
}

TEST_F(Report, KecamatanBookletHoldsTheHeadingsAndTheLayersNumbers) {
  report("--kecamatan Sumber", "sumber.pdf");
  const std::string pdf = dir_ + "/sumber.pdf";
  auto desa = desa_of("Sumber");
  ASSERT_FALSE(desa.empty());
  bool any_potential = false;
  for (const auto& d : desa) any_potential = any_potential || (d["n_potensi"].is_number() && d["n_potensi"] > 0);
  // cover, key numbers, count map, Gi* map, top 10, (potential), sources
  const int pages = any_potential ? 7 : 6;
  EXPECT_EQ(pdf_pages(pdf), pages);

  const std::string text = pdf_text(pdf);
  for (const char* heading : {"Profil Permasalahan dan Potensi Desa", "Kecamatan Sumber", "Angka kunci",
                              "Peta jumlah temuan per desa", "Peta titik panas dan titik dingin (Gi*)",
                              "10 desa dengan temuan terbanyak", "Sumber data dan catatan", "Periode temuan:"})
    EXPECT_NE(text.find(heading), std::string::npos) << heading;
  EXPECT_NE(text.find("Halaman 1 dari " + std::to_string(pages)), std::string::npos);
  EXPECT_NE(text.find("Halaman " + std::to_string(pages) + " dari " + std::to_string(pages)), std::string::npos);
  EXPECT_NE(text.find("Remba'an"), std::string::npos) << "a desa of Sumber with an apostrophe (real fonts, full Unicode)";

  // Key numbers: exactly the kecamatan layer's values (Indonesian thousands separator), or "disembunyikan".
  const auto kec = kecamatan_props("Sumber");
  ASSERT_FALSE(kec.is_null());
  const std::string key = pdf_text(pdf, 2, 2);
  EXPECT_EQ(value_after(key, "Semua temuan (tanpa kategori sensitif)"),
            peta::report::format_count(kec["n_total"].get<double>(), "id"));
  for (const auto& c : data_->categories) {
    const std::string label = c.label_id + (c.sensitive ? " *" : "");
    const auto& v = kec["n_" + c.code];
    EXPECT_EQ(value_after(key, label), v.is_null() ? "disembunyikan" : peta::report::format_count(v.get<double>(), "id"))
        << c.code;
  }

  // Top 10: the desa with the most findings, with its exact count; withheld stunting counts print as "–".
  std::sort(desa.begin(), desa.end(), [](const auto& a, const auto& b) { return a["n_total"] > b["n_total"]; });
  const std::string top = pdf_text(pdf, 5, 5);
  std::regex first_row("\\n\\s*1\\s+" + desa[0]["nama"].get<std::string>() + "\\s+(\\d+)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(top, m, first_row)) << top;
  EXPECT_EQ(std::stoi(m[1]), desa[0]["n_total"].get<int>());
  int withheld_in_top = 0;
  for (std::size_t i = 0; i < std::min<std::size_t>(10, desa.size()); ++i)
    withheld_in_top += desa[i]["n_stunting"].is_null() ? 1 : 0;
  if (withheld_in_top) EXPECT_NE(top.find("– disembunyikan"), std::string::npos);
}

TEST_F(Report, AllBookletsInOnePdfWithATableOfContents) {
  const std::string out = report("--semua", "semua.pdf");
  const std::string pdf = dir_ + "/semua.pdf";
  int expected = 1;  // the table of contents
  std::vector<int> first_pages;
  for (const auto& area : peta::report::all_areas(*data_)) {
    first_pages.push_back(expected + 1);
    expected += static_cast<int>(peta::report::build_booklet(*data_, area, "id", "x").pages.size());
  }
  ASSERT_EQ(first_pages.size(), 25u);  // the kabupaten and 24 kecamatan
  EXPECT_EQ(pdf_pages(pdf), expected);
  EXPECT_NE(out.find("25 buklet, " + std::to_string(expected) + " halaman"), std::string::npos) << out;
  const std::string contents = pdf_text(pdf, 1, 1);
  EXPECT_NE(contents.find("Daftar isi"), std::string::npos);
  for (const auto& k : data_->kecamatan.units) {
    std::regex entry("Kecamatan " + k.nama + "\\s+(\\d+)");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(contents, m, entry)) << k.nama;
    // The page the contents give is where that booklet's cover is.
    const int page = std::stoi(m[1]);
    EXPECT_NE(pdf_text(pdf, page, page).find("Kecamatan " + k.nama), std::string::npos) << k.nama;
  }
}

TEST_F(Report, EnglishOnRequest) {
  report("--kecamatan 35.13.01 --bahasa en", "en.pdf");
  const std::string text = pdf_text(dir_ + "/en.pdf");
  for (const char* heading : {"Village Problems and Potential", "Key numbers", "Findings per village",
                              "Hot and cold spots (Gi*)", "Top 10 villages by findings", "Page 1 of"})
    EXPECT_NE(text.find(heading), std::string::npos) << heading;
  EXPECT_EQ(text.find("Halaman"), std::string::npos);
}

TEST_F(Report, AnUnknownKecamatanIsAnErrorThatListsThem) {
  std::string out;
  FILE* pipe = popen((std::string(PETA_CLI) + " report " + project_ + " --kecamatan Atlantis --out " + dir_ +
                      "/x.pdf 2>&1").c_str(), "r");
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  EXPECT_NE(pclose(pipe), 0);
  EXPECT_NE(out.find("kecamatan 'Atlantis' not found"), std::string::npos) << out;
  EXPECT_NE(out.find("Sumber"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/x.pdf"));
}

// Two RGB pictures compared over blocks of 3 x 3 pixels (averaged): the mean absolute difference per channel
// (0-255), and the share of blocks off by more than 64 in some channel. Pictures of different sizes compare over
// their common part (pdftoppm and cairo may round the page size to whole pixels differently).
struct Difference {
  double mean = 0, share_far = 0;
  int width_a = 0, width_b = 0;
};

std::vector<std::uint8_t> read_rgb(const std::string& png, int& w, int& h) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  EXPECT_TRUE(ds) << png;
  if (!ds) return {};
  w = ds->GetRasterXSize();
  h = ds->GetRasterYSize();
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
  int bands[] = {1, 2, 3};
  EXPECT_EQ(ds->RasterIO(GF_Read, 0, 0, w, h, rgb.data(), w, h, GDT_Byte, 3, bands, 3, 3L * w, 1, nullptr), CE_None);
  return rgb;
}

Difference compare(const std::string& a, const std::string& b) {
  constexpr int kBlock = 3;
  int wa = 0, ha = 0, wb = 0, hb = 0;
  auto pa = read_rgb(a, wa, ha), pb = read_rgb(b, wb, hb);
  Difference d{0, 0, wa, wb};
  const int w = std::min(wa, wb), h = std::min(ha, hb);
  double sum = 0;
  std::size_t far = 0, blocks = 0;
  for (int y = 0; y + kBlock <= h; y += kBlock)
    for (int x = 0; x + kBlock <= w; x += kBlock) {
      double worst = 0;
      for (int c = 0; c < 3; ++c) {
        double sa = 0, sb = 0;
        for (int yy = y; yy < y + kBlock; ++yy)
          for (int xx = x; xx < x + kBlock; ++xx) {
            sa += pa[(std::size_t(yy) * wa + xx) * 3 + c];
            sb += pb[(std::size_t(yy) * wb + xx) * 3 + c];
          }
        const double diff = std::abs(sa - sb) / (kBlock * kBlock);
        sum += diff;
        worst = std::max(worst, diff);
      }
      far += worst > 64 ? 1 : 0;
      ++blocks;
    }
  d.mean = sum / (3.0 * blocks);
  d.share_far = double(far) / double(blocks);
  return d;
}

TEST_F(Report, MapPagesOfThePdfLookLikeTheRenderersOwnPicture) {
  // Tolerance: poppler rasterises the PDF with its own anti-aliasing and font rasteriser, so single pixels of
  // edges and glyphs differ; a wrong colour, a missing layer, a shifted map or a missing label moves whole
  // blocks. At 60 dpi over 3 x 3 pixel blocks (1.3 mm): mean difference below 2.5 of 255 per channel and under
  // 0.5 % of blocks off by more than 64 (measured: 1.0-1.2 and 0.11-0.13 %). The count map against the Gi* map
  // (a different picture of the same area) must fail the same tolerance (measured: 6.0 and 12 %).
  report("--kecamatan Kraksaan", "kraksaan.pdf");
  peta::report::ReportRequest request{"Kraksaan", false, "id", ""};
  std::map<int, std::string> ours;
  for (int page : {3, 4}) {
    const std::string png = dir_ + "/ours_" + std::to_string(page) + ".png";
    peta::report::write_booklet_page_png(*data_, request, page, 60, png);
    ours[page] = png;
    run("pdftoppm -f " + std::to_string(page) + " -l " + std::to_string(page) + " -r 60 -png -singlefile '" + dir_ +
        "/kraksaan.pdf' '" + dir_ + "/pdf_" + std::to_string(page) + "'");
  }
  for (int page : {3, 4}) {
    Difference d = compare(ours[page], dir_ + "/pdf_" + std::to_string(page) + ".png");
    EXPECT_LE(std::abs(d.width_a - d.width_b), 1);
    EXPECT_LT(d.mean, 2.5) << "page " << page;
    EXPECT_LT(d.share_far, 0.005) << "page " << page;
  }
  Difference other = compare(ours[3], dir_ + "/pdf_4.png");
  EXPECT_TRUE(other.mean >= 2.5 || other.share_far >= 0.005) << other.mean << " " << other.share_far;
}

}  // namespace
