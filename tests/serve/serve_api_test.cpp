// The HTTP API against a running `peta serve` (a child process on a free loopback port) over the fixture
// GeoPackage: answers, status codes and messages for bad requests, limits, read-only methods, concurrency.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "query_fixture.hpp"
#include "serve_test_support.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

class ServeApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(test::temp_dir("serve-api"));
    test::write_query_fixture(*dir_ + "/peta.gpkg");
    server_ = new test::ServeProcess({"--gpkg", *dir_ + "/peta.gpkg", "--max-rows", "50"});
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0);
    delete server_;
    delete dir_;
  }
  static httplib::Client client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(5, 0);
    return c;
  }
  static nlohmann::json json_of(const httplib::Result& r) { return nlohmann::json::parse(r->body); }
  static std::string* dir_;
  static test::ServeProcess* server_;
};
std::string* ServeApi::dir_ = nullptr;
test::ServeProcess* ServeApi::server_ = nullptr;

TEST_F(ServeApi, BindsLoopbackAndAnswersHealth) {
  EXPECT_EQ(server_->first_line().rfind("peta serve: http://127.0.0.1:", 0), 0u) << server_->first_line();
  EXPECT_NE(server_->first_line().find("5 desa, 2 kecamatan, 26 temuan"), std::string::npos);
  auto r = client().Get("/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "{\"ok\":true}\n");
}

TEST_F(ServeApi, TopNQueryAsJsonCsvAndGeoJson) {
  auto r = client().Get("/api/query?category=jalan_rusak&kecamatan=Sumber&n=2");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto j = json_of(r);
  ASSERT_EQ(j["rows"].size(), 2u);
  EXPECT_EQ(j["rows"][0]["nama"], "Bravo");
  EXPECT_EQ(j["rows"][0]["n"], 6);
  EXPECT_EQ(j["rows"][1]["nama"], "Alpha");
  EXPECT_EQ(j["matched"], 3);

  auto hot = json_of(client().Get("/api/query?category=stunting&significance=95"));
  ASSERT_EQ(hot["rows"].size(), 2u);
  EXPECT_EQ(hot["rows"][0]["nama"], "Charlie");
  EXPECT_EQ(hot["rows"][0]["gi_bin"], 3);

  auto csv = client().Get("/api/query?category=jalan_rusak&n=1&format=csv&severity=berat");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body, "peringkat,kode,nama,kode_kec,nama_kec,n,laju,prioritas\n1,35.13.01.2001,Alpha,35.13.01,Sumber,2,1.0,24.0\n");

  auto geo = client().Get("/api/query?sort=priority&per_kecamatan=1&n=1&format=geojson");
  auto g = json_of(geo);
  ASSERT_EQ(g["features"].size(), 2u);
  EXPECT_EQ(g["features"][0]["properties"]["nama"], "Bravo");
  EXPECT_EQ(g["features"][1]["properties"]["nama"], "Delta");
  EXPECT_EQ(g["features"][1]["properties"]["peringkat_kab"], 4);
}

TEST_F(ServeApi, LayersMetaDesaAndThePage) {
  auto layer = json_of(client().Get("/api/layers/desa.geojson"));
  EXPECT_EQ(layer["features"].size(), 5u);
  EXPECT_EQ(json_of(client().Get("/api/layers/kecamatan.geojson"))["features"].size(), 2u);
  auto meta = json_of(client().Get("/api/meta"));
  EXPECT_EQ(meta["categories"].size(), 6u);
  EXPECT_EQ(meta["limits"]["max_rows"], 50);
  auto desa = json_of(client().Get("/api/desa?kode=35.13.01.2002&severity=sedang&lang=en"));
  EXPECT_EQ(desa["nama"], "Bravo");
  EXPECT_EQ(desa["n_total"], 3);
  EXPECT_EQ(desa["categories"][1]["label"], "Stunting");
  auto page = client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<script src=\"leaflet.js\"></script>"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  auto leaflet = client().Get("/leaflet.js");
  ASSERT_TRUE(leaflet);
  EXPECT_EQ(leaflet->status, 200);
  EXPECT_GT(leaflet->body.size(), 100000u) << "Leaflet was not bundled: run npm ci in web/ and rebuild";
}

TEST_F(ServeApi, BadParametersAre400WithAMessage) {
  auto expect_400 = [&](const std::string& target, const std::string& message) {
    auto r = client().Get(target);
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 400) << target;
    EXPECT_EQ(json_of(r)["error"], message) << target;
  };
  expect_400("/api/query?category=banjir",
             "category: unknown 'banjir' (codes: jalan_rusak, stunting, akses_sekolah, kemiskinan, layanan_publik, potensi, or all)");
  expect_400("/api/query?n=51", "n: at most 50 rows, got 51");
  expect_400("/api/query?sort=gi_z&category=jalan_rusak",
             "sort gi_z: the desa layer has no field 'gi_z_jalan_rusak' (hotspot fields come with a build that computes them)");
  expect_400("/api/query?from=kemarin", "from: expected a date like 2024-03-31, got 'kemarin'");
  expect_400("/api/query?file=../../etc/passwd",
             "unknown parameter 'file' (expected level, category, sort, n, per_kecamatan, order, kecamatan, filter, severity, "
             "status, from, to, opd, overdue, as_of, significance, spot, statistic, lang, format)");
  expect_400("/api/query?format=table", "format: table is for the terminal; use json, csv or geojson");
  expect_400("/api/desa", "kode: missing (e.g. /api/desa?kode=35.13.01.2001)");
  expect_400("/api/desa?kode=1.2.3", "kode: no desa '1.2.3'");
  expect_400("/api/meta?x=1", "/api/meta takes no parameters");
}

TEST_F(ServeApi, PathsAreRoutesNotFiles) {
  for (const char* target : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/layers/../../peta.gpkg",
                             "/peta.gpkg", "/app.js/", "/node_modules/leaflet/package.json"}) {
    auto r = client().Get(target);
    ASSERT_TRUE(r) << target;
    EXPECT_TRUE(r->status == 404 || r->status == 400) << target << " -> " << r->status;
    EXPECT_EQ(r->body.find("SQLite"), std::string::npos);
  }
}

TEST_F(ServeApi, ReadOnlyAndSizeLimits) {
  auto c = client();
  auto post = c.Post("/api/query", "category=stunting", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto del = c.Delete("/api/layers/desa.geojson");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto put = c.Put("/", "x", "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  auto long_target = c.Get("/api/query?kecamatan=" + std::string(3000, 'a'));
  ASSERT_TRUE(long_target);
  EXPECT_EQ(long_target->status, 414);
  auto long_value = c.Get("/api/query?kecamatan=" + std::string(300, 'a'));
  ASSERT_TRUE(long_value);
  EXPECT_EQ(long_value->status, 400);
  std::string many = "/api/query?";
  for (int i = 1; i <= 40; ++i) many += "n=" + std::to_string(i) + "&";  // distinct: httplib drops repeated pairs
  auto too_many = c.Get(many);
  ASSERT_TRUE(too_many);
  EXPECT_EQ(too_many->status, 400);
  EXPECT_EQ(json_of(too_many)["error"], "too many parameters (40, at most 32)");
}

TEST_F(ServeApi, ConcurrentClientsGetConsistentAnswers) {
  std::atomic<int> good{0}, bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      auto c = client();
      c.set_keep_alive(true);
      for (int i = 0; i < 25; ++i) {
        auto r = c.Get("/api/query?category=jalan_rusak&n=1");
        if (r && r->status == 200 && json_of(r)["rows"][0]["nama"] == "Bravo") ++good;
        else ++bad;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(good.load(), 200);
  EXPECT_EQ(bad.load(), 0);
}

}  // namespace
}  // namespace peta
