// peta report end to end on the real Probolinggo boundaries: a project built once (5,000 synthetic findings,
// public profile, k = 5, Gi*), then booklets checked with poppler-utils: pdfinfo page counts, pdftotext headings
// and the exact numbers the layers hold, and pdftoppm of the map pages against the renderer's own PNG of the
// same page.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "project/project_settings.hpp"
#include "report/booklet.hpp"
#include "report/report_data.hpp"
#include "report/report_pdf.hpp"
#include "store/finding_store.hpp"
#include "store/store_aggregates.hpp"
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
    run(cli + " sample --boundaries " + data("probolinggo/desa.geojson") + " --kecamatan " +
        data("probolinggo/kecamatan.geojson") + " --count 5000 --seed 2026 --out " + dir_ + "/temuan.csv --kunjungan " +
        dir_ + "/kunjungan.csv");
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
        {"waktu", {{"periode", "bulan"}}},
        {"program", {{"kunjungan", "kunjungan.csv"}}},
        {"store", {{"path", "temuan_store.gpkg"}}},
        {"output", {{"folder", dir_ + "/out"}, {"formats", {"geojson", "geopackage"}}}}};
    project_ = dir_ + "/project.json";
    peta::test::write_file(project_, p.dump(2));
    // The store (a build of a project with a store counts the store, so it comes after the import): every finding first seen on 1 October 2026; the first 400 stored ids verified, the first 150 of
    // them handled on 1 December (status file), so the report as of 31 December has open, handled and overdue ones.
    run(cli + " import " + project_ + " --tanggal 2026-10-01");
    std::vector<std::string> ids;
    for (const auto& f : peta::store::FindingStore::open(dir_ + "/temuan_store.gpkg")->findings()) ids.push_back(f.id);
    std::sort(ids.begin(), ids.end());
    ASSERT_GT(ids.size(), 4900u);
    std::string status = "id,status,tanggal\n";
    for (int i = 0; i < 400; ++i) status += ids[i] + ",diverifikasi,2026-10-15\n";
    for (int i = 0; i < 150; ++i) status += ids[i] + ",selesai,2026-12-01\n";
    peta::test::write_file(dir_ + "/status.csv", status);
    run(cli + " status " + project_ + " --berkas " + dir_ + "/status.csv");
    run(cli + " build " + project_ + " --per-tanggal 2026-12-31");
    settings_ = new peta::ProjectSettings(peta::load_project(project_));
    data_ = new peta::report::ReportData(peta::report::load_report_data(*settings_, "", kAsOf));
  }
  static void TearDownTestSuite() {
    delete data_;
    delete settings_;
  }
  static std::string report(const std::string& args, const std::string& out) {
    return run(std::string(PETA_CLI) + " report " + project_ + " " + args + " --tanggal " + kAsOf + " --out " + dir_ +
               "/" + out);
  }
  static constexpr const char* kAsOf = "2026-12-31";
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

// The text of each page (pdftotext separates pages with a form feed).
std::vector<std::string> page_texts(const std::string& pdf) {
  std::vector<std::string> pages;
  std::string all = pdf_text(pdf), page;
  for (char c : all) {
    if (c == '\f') pages.push_back(page), page.clear();
    else page += c;
  }
  if (!page.empty()) pages.push_back(page);
  return pages;
}

// The 1-based number of the first page whose text holds `heading` (0: none).
int page_with(const std::vector<std::string>& pages, const std::string& heading) {
  for (std::size_t i = 0; i < pages.size(); ++i)
    if (pages[i].find(heading) != std::string::npos) return static_cast<int>(i) + 1;
  return 0;
}

// Categories with a class other than "no pattern" in some desa of `desa` (the build's tren_ fields), public only.
int emerging_categories(const std::vector<nlohmann::json>& desa, const peta::report::ReportData& d) {
  int n = 0;
  for (const auto& c : d.categories) {
    if (c.sensitive) continue;
    bool any = false;
    for (const auto& p : desa)
      if (p.contains("tren_" + c.code) && p["tren_" + c.code].is_string() && p["tren_" + c.code] != "tidak_ada_pola")
        any = true;
    n += any ? 1 : 0;
  }
  return n;
}

TEST_F(Report, KecamatanBookletHoldsTheHeadingsAndTheLayersNumbers) {
  report("--kecamatan Sumber", "sumber.pdf");
  const std::string pdf = dir_ + "/sumber.pdf";
  auto desa = desa_of("Sumber");
  ASSERT_FALSE(desa.empty());
  bool any_potential = false;
  for (const auto& d : desa) any_potential = any_potential || (d["n_potensi"].is_number() && d["n_potensi"] > 0);
  EXPECT_TRUE(any_potential) << "the sample has potensi findings in Sumber";
  // cover, key numbers, count map, Gi* map, emerging hot spot maps, top 10, per-OPD, trend, (potential), sources
  const int emerging = emerging_categories(desa, *data_);
  const int pages = 8 + emerging + (any_potential ? 1 : 0);
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
  const int top_page = page_with(page_texts(pdf), "10 desa dengan temuan terbanyak");
  EXPECT_EQ(top_page, 5 + emerging);
  const std::string top = pdf_text(pdf, top_page, top_page);
  std::regex first_row("\\n\\s*1\\s+" + desa[0]["nama"].get<std::string>() + "\\s+(\\d+)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(top, m, first_row)) << top;
  EXPECT_EQ(std::stoi(m[1]), desa[0]["n_total"].get<int>());
  int withheld_in_top = 0;
  for (std::size_t i = 0; i < std::min<std::size_t>(10, desa.size()); ++i)
    withheld_in_top += desa[i]["n_stunting"].is_null() ? 1 : 0;
  if (withheld_in_top) {
    EXPECT_NE(top.find("– disembunyikan"), std::string::npos);
  }
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

// The numbers of a table row of pdftotext -layout: every run of digits (with thousands dots) after `label`, on
// the first line holding `label` and some number.
std::vector<long long> numbers_after(const std::string& text, const std::string& label) {
  std::vector<long long> out;
  std::istringstream in(text);
  std::string line;
  static const std::regex number(R"((?:^|\s)(\d{1,3}(?:\.\d{3})*|\d+)(?=\s|$))");
  while (std::getline(in, line)) {
    auto at = line.find(label);
    if (at == std::string::npos) continue;
    std::string rest = line.substr(at + label.size());
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), number); it != std::sregex_iterator(); ++it) {
      std::string digits;
      for (char c : (*it)[1].str())
        if (c != '.') digits += c;
      out.push_back(std::stoll(digits));
    }
    if (!out.empty()) return out;  // a line with the label but no number (the running header): look further
  }
  return out;
}

TEST_F(Report, StoreAndTimePagesPrintTheStoresAndThePeriodsNumbers) {
  report("--kecamatan Sumber", "sumber_waktu.pdf");
  const std::string pdf = dir_ + "/sumber_waktu.pdf";
  const auto pages = page_texts(pdf);
  const auto kec = kecamatan_props("Sumber");
  const std::string kode = kec["kode"];
  std::string digits;
  for (char c : kode)
    if (c != '.') digits += c;

  // The store, read here on its own: public profile, so the sensitive categories are left out.
  auto all = peta::store::FindingStore::open(dir_ + "/temuan_store.gpkg")->findings();
  std::vector<peta::store::StoredFinding> published;
  for (const auto& f : all)
    if (f.category != "stunting") published.push_back(f);
  ASSERT_LT(published.size(), all.size());
  const auto status = peta::store::aggregate_status(published, kAsOf, settings_->opd);
  const auto& counts = status.kecamatan.at(digits);
  EXPECT_GT(counts.n_selesai, 0);
  EXPECT_GT(counts.n_lewat_target, 0);
  const std::string key = pages.at(1);
  EXPECT_EQ(value_after(key, "Masalah terbuka (belum selesai)"), peta::report::format_count(counts.n_terbuka, "id"));
  EXPECT_EQ(value_after(key, "Masalah selesai ditangani"), peta::report::format_count(counts.n_selesai, "id"));
  EXPECT_EQ(value_after(key, "Persen selesai"), peta::report::format_decimal(counts.persen_selesai, 1, "id") + " %");
  EXPECT_EQ(value_after(key, "Umur median masalah terbuka"),
            peta::report::format_decimal(counts.umur_median_hari, 1, "id") + " hari");
  EXPECT_EQ(value_after(key, "Masalah terbuka lewat target"), peta::report::format_count(counts.n_lewat_target, "id"));

  // The visit (Ngantor di Kecamatan): its dates and team, the findings of the kunjungan table, and since.
  auto visits = nlohmann::json::parse(peta::test::read_file(dir_ + "/out/kunjungan.geojson"));
  nlohmann::json visit;
  for (const auto& f : visits["features"])
    if (f["properties"]["kode_kec"] == kode) visit = f["properties"];
  ASSERT_FALSE(visit.is_null());
  EXPECT_EQ(value_after(key, "Temuan selama kunjungan"),
            peta::report::format_count(visit["temuan"].get<double>(), "id") + " di " +
                peta::report::format_count(visit["desa_temuan"].get<double>(), "id") + " desa");
  auto temuan = nlohmann::json::parse(peta::test::read_file(dir_ + "/out/temuan.geojson"));
  long long since = 0;
  for (const auto& f : temuan["features"]) {
    const auto& p = f["properties"];
    if (p["kode_kec"] == kode && p["tanggal"].is_string() && p["tanggal"].get<std::string>() >= visit["mulai"].get<std::string>())
      ++since;
  }
  EXPECT_EQ(value_after(key, "Temuan sejak kunjungan dimulai"), peta::report::format_count(double(since), "id"));
  EXPECT_NE(key.find("Kunjungan Ngantor di Kecamatan"), std::string::npos);

  // The per-OPD page: one row per overdue_by_opd row of this kecamatan, with its exact numbers.
  const int opd_page = page_with(pages, "Masalah terbuka dan lewat target per OPD");
  ASSERT_GT(opd_page, 0);
  const std::string opd_text = pages.at(opd_page - 1);
  int rows = 0;
  for (const auto& r : peta::store::overdue_by_opd(published, kAsOf, settings_->opd)) {
    if (r.kecamatan_code != digits) continue;
    ++rows;
    EXPECT_EQ(numbers_after(opd_text, r.opd), (std::vector<long long>{r.n_terbuka, r.n_lewat_target,
                                                                      static_cast<long long>(r.hari_lewat_maks)}))
        << r.opd;
  }
  EXPECT_GE(rows, 3);
  EXPECT_EQ(opd_text.find("Dinas Kesehatan"), std::string::npos) << "stunting's OPD: sensitive, not counted";

  // The trend page: per month and category, the sum of hitungan_periode over the kecamatan's desa.
  const int trend_page = page_with(pages, "Tren temuan per bulan");
  ASSERT_GT(trend_page, 0);
  const std::string trend = pages.at(trend_page - 1);
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir_ + "/out/peta.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  std::map<std::string, std::map<std::string, long long>> expected;  // periode -> kategori -> n
  OGRLayer* sql = ds->ExecuteSQL(("SELECT periode, kategori, SUM(n) FROM hitungan_periode WHERE kode_desa LIKE '" +
                                  kode + ".%' GROUP BY periode, kategori").c_str(), nullptr, "SQLITE");
  ASSERT_TRUE(sql);
  for (auto& f : *sql) expected[f->GetFieldAsString(0)][f->GetFieldAsString(1)] = f->GetFieldAsInteger64(2);
  ds->ReleaseResultSet(sql);
  ASSERT_EQ(expected.size(), 12u);  // the sample's dates cover 2026
  for (const auto& [period, by] : expected) EXPECT_FALSE(by.count("stunting")) << "no sensitive time series";
  const char* months[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
  std::vector<std::string> order;  // the chart's categories: the report's, without the sensitive ones, with findings
  for (const auto& c : data_->categories) {
    if (c.sensitive) continue;
    bool any = false;
    for (const auto& [period, by] : expected) any = any || by.count(c.code);
    if (any) order.push_back(c.code);
  }
  for (int m = 0; m < 12; ++m) {
    char period[8];
    std::snprintf(period, sizeof period, "2026-%02d", m + 1);
    std::vector<long long> row;
    long long total = 0;
    for (const auto& c : order) {
      const long long n = expected[period].count(c) ? expected[period][c] : 0;
      row.push_back(n);
      total += n;
    }
    row.push_back(total);
    EXPECT_EQ(numbers_after(trend, std::string(months[m]) + " 2026"), row) << period;
  }
}

TEST_F(Report, TheTrendPageLooksLikeTheRenderersOwnPicture) {
  report("--kecamatan Sumber", "sumber_tren.pdf");
  const int page = page_with(page_texts(dir_ + "/sumber_tren.pdf"), "Tren temuan per bulan");
  ASSERT_GT(page, 0);
  peta::report::ReportRequest request{"Sumber", false, "id", ""};
  const std::string ours = dir_ + "/ours_trend.png";
  peta::report::write_booklet_page_png(*data_, request, page, 60, ours);
  run("pdftoppm -f " + std::to_string(page) + " -l " + std::to_string(page) + " -r 60 -png -singlefile '" + dir_ +
      "/sumber_tren.pdf' '" + dir_ + "/pdf_trend'");
  Difference d = compare(ours, dir_ + "/pdf_trend.png");
  EXPECT_LT(d.mean, 2.5);
  EXPECT_LT(d.share_far, 0.005);
  // Against the top-10 table page: a different picture must fail the tolerance.
  const std::string other = dir_ + "/ours_top.png";
  peta::report::write_booklet_page_png(*data_, request, page_with(page_texts(dir_ + "/sumber_tren.pdf"),
                                                                   "10 desa dengan temuan terbanyak"), 60, other);
  Difference o = compare(other, dir_ + "/pdf_trend.png");
  EXPECT_TRUE(o.mean >= 2.5 || o.share_far >= 0.005) << o.mean << " " << o.share_far;
}

}  // namespace
