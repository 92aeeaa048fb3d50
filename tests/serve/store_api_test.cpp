// The store over HTTP (issue 13): /api/query with status/opd/overdue, /api/lewat-target, /api/temuan, /api/status,
// and the read-only Open311 GeoReport v2 view: fields, filters, errors in the spec's format, and the public profile
// (no stunting request). Through ApiRouter, the function the server calls for every request.
#include <gtest/gtest.h>

#include <set>

#include "../query/store_query_fixture.hpp"
#include "serve/api_router.hpp"

namespace peta::serve {
namespace {

const query::QueryModel& model() {
  static auto m = test::model_with_store(true);
  return *m;
}

const ApiRouter& router() {
  static ApiRouter r(model());
  return r;
}

ApiResponse get(const std::string& path, query::Params params = {}) {
  ApiRequest req;
  req.path = path;
  req.params = std::move(params);
  return router().handle(req);
}

nlohmann::json get_json(const std::string& path, query::Params params = {}, int status = 200) {
  const ApiResponse r = get(path, std::move(params));
  EXPECT_EQ(r.status, status) << path << ": " << r.body;
  return nlohmann::json::parse(r.body);
}

std::set<std::string> ids(const nlohmann::json& requests) {
  std::set<std::string> out;
  for (const auto& r : requests) out.insert(r["service_request_id"].get<std::string>());
  return out;
}

TEST(StoreApi, QueryFiltersByStatusOpdAndOverdue) {
  const auto j = get_json("/api/query", {{"overdue", "true"}, {"as_of", "2026-03-05"}, {"opd", "Dinas PUPR"}, {"n", "2"}});
  ASSERT_EQ(j["rows"].size(), 2u);
  EXPECT_EQ(j["rows"][0]["nama"], "Alpha");
  EXPECT_EQ(j["rows"][0]["n"], 4);
  EXPECT_EQ(j["rows"][1]["nama"], "Delta");
  EXPECT_EQ(j["rows"][1]["n"], 1);
  const auto k = get_json("/api/query", {{"status", "baru"}, {"level", "kecamatan"}, {"category", "layanan_publik"}});
  EXPECT_EQ(k["rows"][0]["nama"], "Lumbang");
  EXPECT_EQ(k["rows"][0]["n"], 2);
  // An empty date range is said in the answer.
  const auto none = get_json("/api/query", {{"status", "baru"}, {"from", "2027-01-01"}});
  EXPECT_EQ(none["note"].get<std::string>().rfind("Tidak ada temuan bertanggal pada 2027-01-01", 0), 0u) << none["note"];
  EXPECT_EQ(get("/api/query", {{"opd", "Dinas Rahasia"}}).status, 400);
}

TEST(StoreApi, OverdueAndFindingEndpoints) {
  const auto t = get_json("/api/lewat-target", {{"as_of", "2026-03-05"}});
  ASSERT_EQ(t["rows"].size(), 5u);
  EXPECT_EQ(t["rows"][4]["opd"], "Kecamatan");
  EXPECT_EQ(t["rows"][4]["hari_lewat_maks"], 49);
  EXPECT_TRUE(t["rows"][1]["n_terbuka"].is_null());  // Dinas Kesehatan, Lumbang: 2 stunting < k
  const ApiResponse csv = get("/api/lewat-target", {{"as_of", "2026-03-05"}, {"format", "csv"}, {"opd", "kecamatan"}});
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body, "opd,kode_kec,nama_kec,n_terbuka,n_lewat_target,hari_lewat_maks\nKecamatan,35.13.02,Lumbang,2,1,49\n");
  const auto f = get_json("/api/temuan", {{"as_of", "2026-03-05"}, {"overdue", "1"}, {"n", "3"}});
  ASSERT_EQ(f["rows"].size(), 3u);
  EXPECT_EQ(f["matched"], 6);
  EXPECT_EQ(f["rows"][0]["id"], "L1");
  EXPECT_EQ(f["rows"][0]["hari_lewat"], 49);
  EXPECT_EQ(f["rows"][0]["tenggat"], "2026-01-15");
  EXPECT_EQ(get("/api/temuan", {{"format", "geojson"}}).status, 400);
  const auto s = get_json("/api/status", {{"as_of", "2026-03-05"}});
  EXPECT_EQ(s["desa"]["35.13.01.2001"]["n_lewat_target"], 4);
  const auto meta = get_json("/api/meta");
  EXPECT_EQ(meta["store"]["n_temuan"], 20);
  EXPECT_EQ(meta["status"].size(), 6u);
}

TEST(StoreApi, Open311Services) {
  const auto s = get_json("/open311/v2/services.json");
  ASSERT_EQ(s.size(), 5u);  // six categories, stunting not published
  nlohmann::json road;
  for (const auto& service : s) {
    EXPECT_NE(service["service_code"], "stunting");
    if (service["service_code"] == "jalan_rusak") road = service;
  }
  ASSERT_FALSE(road.is_null());
  EXPECT_EQ(road["service_name"], "Jalan rusak");
  EXPECT_EQ(road["metadata"], false);
  EXPECT_EQ(road["type"], "realtime");
  EXPECT_EQ(road["group"], "Dinas PUPR");
  EXPECT_EQ(road["keywords"].get<std::string>().rfind("jalan_rusak", 0), 0u);
  EXPECT_EQ(road["description"], "Jalan rusak: ditangani Dinas PUPR, target 60 hari");
}

TEST(StoreApi, Open311RequestFieldsExact) {
  const auto one = get_json("/open311/v2/requests/J2.json");
  ASSERT_EQ(one.size(), 1u);
  const nlohmann::json expected = {
      {"service_request_id", "J2"},
      {"status", "closed"},
      {"status_notes", "selesai"},
      {"service_name", "Jalan rusak"},
      {"service_code", "jalan_rusak"},
      {"description", "Jalan berlubang 2"},
      {"agency_responsible", "Dinas PUPR"},
      {"service_notice", nullptr},
      {"requested_datetime", "2026-01-01T00:00:00+07:00"},
      {"updated_datetime", "2026-02-10T00:00:00+07:00"},
      {"expected_datetime", "2026-03-02T00:00:00+07:00"},
      {"address", "Alpha, Kec. Sumber"},
      {"address_id", "35.13.01.2001"},
      {"zipcode", nullptr},
      {"lat", -7.8},
      {"long", 113.01},
      {"media_url", nullptr}};
  EXPECT_EQ(one[0], expected) << one[0].dump(1);
  EXPECT_EQ(one[0].dump().find("Bu Siti"), std::string::npos);  // unpublished columns never
}

TEST(StoreApi, Open311Filters) {
  const query::Params all = {{"start_date", "2026-01-01T00:00:00+07:00"}};
  EXPECT_EQ(get_json("/open311/v2/requests.json", all).size(), 12u);  // 20 less the 8 stunting ones
  auto open = all;
  open.emplace_back("status", "open");
  EXPECT_EQ(ids(get_json("/open311/v2/requests.json", open)),
            (std::set<std::string>{"J1", "J4", "J5", "J6", "J8", "J9", "P1", "L1", "L2"}));
  EXPECT_EQ(ids(get_json("/open311/v2/requests.json", {{"status", "closed"}, {"start_date", "2026-01-01"}})),
            (std::set<std::string>{"J2", "J3", "J7"}));
  EXPECT_EQ(ids(get_json("/open311/v2/requests.json", {{"start_date", "2026-02-01T00:00:00Z"}})),
            (std::set<std::string>{"J9", "L2"}));
  EXPECT_EQ(ids(get_json("/open311/v2/requests.json", {{"end_date", "2026-02-01T00:00:00+07:00"},
                                                       {"service_code", "layanan_publik,potensi"}})),
            (std::set<std::string>{"L1", "P1"}));
  EXPECT_EQ(ids(get_json("/open311/v2/requests.json", {{"service_request_id", "J1,S1,L2,nope"}})),
            (std::set<std::string>{"J1", "L2"}));  // S1 (stunting) is not published
  // Without dates: the last 90 days before today (2026-03-05 here): every one.
  EXPECT_EQ(get_json("/open311/v2/requests.json").size(), 12u);
  // Newest first.
  EXPECT_EQ(get_json("/open311/v2/requests.json")[0]["service_request_id"], "J9");
}

TEST(StoreApi, Open311ErrorsAndPrivacy) {
  auto e = get_json("/open311/v2/requests/S1.json", {}, 404);
  ASSERT_TRUE(e.is_array());
  EXPECT_EQ(e[0]["code"], 404);
  EXPECT_TRUE(e[0]["description"].is_string());
  e = get_json("/open311/v2/requests.json", {{"service_code", "stunting"}}, 400);
  EXPECT_EQ(e[0]["code"], 400);
  e = get_json("/open311/v2/requests.json", {{"status", "baru"}}, 400);
  EXPECT_EQ(e[0]["description"], "status: expected open or closed, got 'baru'");
  e = get_json("/open311/v2/requests.json", {{"start_date", "kemarin"}}, 400);
  EXPECT_EQ(e[0]["code"], 400);
  e = get_json("/open311/v2/requests.json", {{"start_date", "2026-03-01"}, {"end_date", "2026-01-01"}}, 400);
  get_json("/open311/v2/nothing.json", {}, 404);
  const ApiResponse all = get("/open311/v2/requests.json", {{"start_date", "2020-01-01"}});
  EXPECT_EQ(all.body.find("stunting"), std::string::npos);
  EXPECT_EQ(all.body.find("Balita"), std::string::npos);
}

TEST(StoreApi, WithoutAStore) {
  static query::QueryModel plain = [] {
    query::QueryModel m = *test::model_with_store(true);
    m.store.reset();
    return m;
  }();
  ApiRouter r(plain);
  ApiRequest req;
  req.path = "/open311/v2/requests.json";
  ApiResponse a = r.handle(req);
  EXPECT_EQ(a.status, 404);
  EXPECT_NE(a.body.find("proyek ini tidak punya store"), std::string::npos) << a.body;
  req.path = "/api/lewat-target";
  a = r.handle(req);
  EXPECT_EQ(a.status, 400);
  EXPECT_NE(a.body.find("proyek ini tidak punya store"), std::string::npos) << a.body;
  req.path = "/api/query";
  req.params = {{"overdue", "true"}};
  EXPECT_EQ(r.handle(req).status, 400);
  req.params = {};
  req.path = "/api/meta";
  EXPECT_TRUE(nlohmann::json::parse(r.handle(req).body)["store"].is_null());
}

}  // namespace
}  // namespace peta::serve
