// peta serve follows the findings store (issues 13 and 17): answers are kept (AnswerCache) and computed again
// once after the store changes (LiveModel, the store's change token), not on every request. Through ApiRouter
// with a copy of the query fixture's store (store_query_fixture.hpp), changed by the test while it is served.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>

#include "../query/store_query_fixture.hpp"
#include "serve/answer_cache.hpp"
#include "serve/api_router.hpp"
#include "serve/live_model.hpp"

namespace peta::serve {
namespace {

ApiRequest request(const std::string& path, query::Params params) {
  ApiRequest r;
  r.path = path;
  r.params = std::move(params);
  return r;
}

double alpha_count(const ApiRouter& router, const query::Params& params) {
  const ApiResponse a = router.handle(request("/api/query", params));
  EXPECT_EQ(a.status, 200) << a.body;
  const auto j = nlohmann::json::parse(a.body);
  for (const auto& row : j["rows"])
    if (row["nama"] == "Alpha") return row["n"].get<double>();
  ADD_FAILURE() << a.body;
  return -1;
}

TEST(LiveStore, AnswersAreKeptUntilTheStoreChangesThenComputedOnce) {
  const std::string dir = test::temp_dir("live-store");
  const std::string path = dir + "/temuan.gpkg";
  std::filesystem::copy_file(test::fixture_store_path(), path, std::filesystem::copy_options::overwrite_existing);
  test::write_query_fixture(dir + "/peta.gpkg", true, true, true);
  auto taxonomy = CategoryTaxonomy::defaults();
  query::QueryModel base =
      query::load_query_model(dir + "/peta.gpkg", taxonomy, query::PrioritySettings{}.weights_for(taxonomy));
  query::StoreReadOptions options;
  options.today = "2026-03-05";
  auto store = store::FindingStore::open(path);
  std::atomic<int> reads{0};
  auto read = [&](const query::QueryModel& m) {
    ++reads;
    auto s = store::FindingStore::open(path);
    return query::read_store_table(s->findings(), m, options, store::StatusTimeline(s->status_changes()));
  };
  base.store = query::read_store_table(store->findings(), base, options, store::StatusTimeline(store->status_changes()));
  StoreSource source{[&] { return store->change_token(); }, read};
  LiveModel live(std::move(base), source, std::chrono::milliseconds(0));  // check the token on every request
  ApiRouter router(live);

  const query::Params done = {{"status", "selesai"}, {"as_of", "2026-03-05"}, {"n", "all"}};
  EXPECT_EQ(alpha_count(router, done), 1);  // J2
  const std::string overdue = router.handle(request("/api/lewat-target", {{"as_of", "2026-03-05"}})).body;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(alpha_count(router, done), 1);
    EXPECT_EQ(router.handle(request("/api/lewat-target", {{"as_of", "2026-03-05"}})).body, overdue);
  }
  EXPECT_EQ(reads.load(), 0);  // nothing changed: the store was not read again
  EXPECT_EQ(live.current().generation, 0u);

  // A status change (as `peta status` makes it, through another connection): read once, answers recomputed.
  auto writer = store::FindingStore::open(path);
  auto out = writer->change_status({{"J5", "diverifikasi", "2026-03-01", "Dinas", "", "", 0},
                                    {"J5", "selesai", "2026-03-01", "Dinas", "", "", 0}});
  ASSERT_TRUE(out.at(0).applied) << out.at(0).reason;
  ASSERT_TRUE(out.at(1).applied) << out.at(1).reason;
  EXPECT_EQ(alpha_count(router, done), 2);  // J2 J5
  EXPECT_EQ(reads.load(), 1);
  EXPECT_EQ(live.current().generation, 1u);
  const std::string after = router.handle(request("/api/lewat-target", {{"as_of", "2026-03-05"}})).body;
  EXPECT_NE(after, overdue);  // J5 no longer open: Dinas PUPR Sumber 4 open, 3 overdue
  EXPECT_NE(after.find("\"n_lewat_target\":3"), std::string::npos) << after;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(alpha_count(router, done), 2);
  EXPECT_EQ(reads.load(), 1);
  EXPECT_EQ(live.last_error(), "");
}

TEST(LiveStore, TheTokenIsCheckedAtMostOncePerInterval) {
  const std::string dir = test::temp_dir("live-store-interval");
  test::write_query_fixture(dir + "/peta.gpkg", true, true, true);
  auto taxonomy = CategoryTaxonomy::defaults();
  query::QueryModel base =
      query::load_query_model(dir + "/peta.gpkg", taxonomy, query::PrioritySettings{}.weights_for(taxonomy));
  int checks = 0, reads = 0;
  StoreSource source{[&] { return std::to_string(++checks); },  // a token that changes on every check
                     [&](const query::QueryModel&) {
                       ++reads;
                       return std::make_shared<const query::StoreTable>();
                     }};
  LiveModel live(std::move(base), source, std::chrono::hours(1));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(live.current().generation, 0u);
  EXPECT_EQ(checks, 1);  // at start only
  EXPECT_EQ(reads, 0);
}

TEST(AnswerCache, KeepsSuccessfulAnswersOfOneGeneration) {
  AnswerCache cache(1 << 20, 3);
  auto answer = [](int status, std::string body) {
    ApiResponse r;
    r.status = status;
    r.body = std::move(body);
    return std::make_shared<const ApiResponse>(std::move(r));
  };
  const std::string a = AnswerCache::key(request("/api/query", {{"n", "10"}, {"category", "stunting"}}));
  const std::string b = AnswerCache::key(request("/api/query", {{"n", "10"}, {"category", "stunting=x"}}));
  const std::string c = AnswerCache::key(request("/api/query", {{"n", "10"}, {"category", "stunting"}, {"x", ""}}));
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  ApiRequest gz = request("/api/query", {{"n", "10"}, {"category", "stunting"}});
  gz.accepts_gzip = true;
  EXPECT_NE(a, AnswerCache::key(gz));
  cache.put(a, 0, answer(200, "A"));
  cache.put(b, 0, answer(400, "refused"));  // an error is never kept
  EXPECT_EQ(cache.find(a, 0)->body, "A");
  EXPECT_EQ(cache.find(b, 0), nullptr);
  EXPECT_EQ(cache.find(a, 1), nullptr);  // another generation
  cache.put(c, 1, answer(200, "C"));     // a new generation drops the old answers
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find(a, 0), nullptr);
  cache.put(a, 0, answer(200, "old"));  // computed from a replaced snapshot: not kept
  EXPECT_EQ(cache.find(a, 1), nullptr);
  cache.put(a, 1, answer(200, "A1"));
  cache.put(b, 1, answer(200, "B1"));
  EXPECT_EQ(cache.size(), 3u);
  cache.put(AnswerCache::key(request("/x", {})), 1, answer(200, "D"));  // over max_entries: starts again
  EXPECT_EQ(cache.size(), 1u);
}

}  // namespace
}  // namespace peta::serve
