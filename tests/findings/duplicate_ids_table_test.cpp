// DuplicateIds' open-addressing table: growth, the hash 0, rows past 32 bits and a reserve keep every answer
// exactly what a plain map of hash -> first row gives.
#include "findings/duplicate_ids.hpp"

#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

namespace peta {
namespace {

TEST(DuplicateIdsTable, MatchesAPlainMapThroughGrowth) {
  DuplicateIds ids;
  std::unordered_map<std::uint64_t, std::int64_t> want;
  std::mt19937_64 rng(11);
  std::vector<std::uint64_t> seen;
  std::size_t repeats = 0;
  for (std::int64_t row = 2; row < 300002; ++row) {
    // One row in eight repeats an earlier hash; hashes that share their high bits (the home slot) too.
    std::uint64_t key;
    if (!seen.empty() && row % 8 == 0) key = seen[rng() % seen.size()];
    else if (row % 97 == 0) key = (0xabcdull << 48) | std::uint64_t(row);  // few home slots: long probe runs
    else key = rng();
    seen.push_back(key);
    const auto [it, fresh] = want.emplace(key, row);
    const std::int64_t expected = fresh ? 0 : it->second;
    repeats += !fresh;
    ASSERT_EQ(ids.first_row_of_hash(key, row), expected) << "row " << row;
  }
  EXPECT_EQ(ids.distinct(), want.size());
  EXPECT_EQ(repeats, 300000 - want.size());
  // At most 3/4 full: 12 bytes a slot.
  EXPECT_GE(ids.memory_bytes() * 3, want.size() * 12 * 4);
}

TEST(DuplicateIdsTable, HashZeroAndRowsPast32Bits) {
  DuplicateIds ids;
  EXPECT_EQ(ids.first_row_of_hash(0, 5), 0);
  EXPECT_EQ(ids.first_row_of_hash(0, 9), 5);
  const std::int64_t far = (std::int64_t(1) << 33) + 7;
  EXPECT_EQ(ids.first_row_of_hash(42, far), 0);
  EXPECT_EQ(ids.first_row_of_hash(42, far + 1), far);
  EXPECT_EQ(ids.first_row_of_hash(43, 0xffffffffll), 0);  // the sentinel value itself is a far row
  EXPECT_EQ(ids.first_row_of_hash(43, 1), 0xffffffffll);
  EXPECT_EQ(ids.first_row_of_hash(44, 0xfffffffell), 0);  // the largest row kept in the slot
  EXPECT_EQ(ids.first_row_of_hash(44, 1), 0xfffffffell);
  EXPECT_EQ(ids.distinct(), 4u);
}

TEST(DuplicateIdsTable, ReserveHoldsWithoutGrowing) {
  DuplicateIds ids;
  ids.reserve(100000);
  const std::size_t bytes = ids.memory_bytes();
  EXPECT_EQ(bytes, std::size_t(133334) * 12);  // 100,000 / (3/4) + 1
  for (int i = 0; i < 100000; ++i) ASSERT_EQ(ids.first_row("T" + std::to_string(i), i + 2), 0);
  EXPECT_EQ(ids.memory_bytes(), bytes);
  EXPECT_EQ(ids.first_row("T99999", 1), 100001);
  EXPECT_EQ(ids.distinct(), 100000u);
  ids.reserve(10);  // never shrinks
  EXPECT_EQ(ids.memory_bytes(), bytes);
  EXPECT_EQ(ids.first_row("T0", 1), 2);
}

}  // namespace
}  // namespace peta
