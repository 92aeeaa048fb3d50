#include "findings/duplicate_ids.hpp"

#include <gtest/gtest.h>

#include <string>

namespace peta {
namespace {

TEST(DuplicateIds, NamesTheRowWhereTheIdWasFirstSeen) {
  DuplicateIds ids;
  EXPECT_EQ(ids.first_row("T1", 2), 0);
  EXPECT_EQ(ids.first_row("T2", 3), 0);
  EXPECT_EQ(ids.first_row("T1", 4), 2);
  EXPECT_EQ(ids.first_row("T1", 9), 2);
  EXPECT_EQ(ids.first_row("t1", 10), 0);  // ids compare exactly
  EXPECT_EQ(ids.first_row("T2", 11), 3);
  EXPECT_EQ(ids.distinct(), 3u);
}

TEST(DuplicateIds, HundredThousandDistinctIdsAreAllNew) {
  DuplicateIds ids;
  std::size_t repeats = 0;
  for (int i = 0; i < 100000; ++i) repeats += ids.first_row("T" + std::to_string(i), i + 2) != 0;
  EXPECT_EQ(repeats, 0u);
  EXPECT_EQ(ids.first_row("T99999", 200000), 100001);
}

}  // namespace
}  // namespace peta
