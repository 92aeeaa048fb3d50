#include "core/admin_code.hpp"

#include <gtest/gtest.h>

using peta::AdminCode;
using peta::AdminLevel;

TEST(AdminCode, ParsesDottedAndUndottedDesaCodes) {
  auto a = AdminCode::parse("35.13.01.2001");
  auto b = AdminCode::parse("3513012001");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(a->dotted(), "35.13.01.2001");
  EXPECT_EQ(b->digits(), "3513012001");
  EXPECT_EQ(a->level(), AdminLevel::desa);
  EXPECT_FALSE(a->is_kelurahan());
  EXPECT_TRUE(AdminCode::parse("35.13.14.1017")->is_kelurahan());
}

TEST(AdminCode, ParentsAndLevels) {
  auto d = *AdminCode::parse("35.13.01.2001");
  EXPECT_EQ(d.parent()->dotted(), "35.13.01");
  EXPECT_EQ(d.parent()->level(), AdminLevel::kecamatan);
  EXPECT_EQ(d.at(AdminLevel::kabupaten).dotted(), "35.13");
  EXPECT_EQ(AdminCode::parse("351301")->dotted(), "35.13.01");
  EXPECT_EQ(AdminCode::parse("35")->parent(), std::nullopt);
}

TEST(AdminCode, RejectsWhatIsNotACode) {
  EXPECT_EQ(AdminCode::parse(""), std::nullopt);
  EXPECT_EQ(AdminCode::parse("35.13.01.200"), std::nullopt);
  EXPECT_EQ(AdminCode::parse("35.13.01.3001"), std::nullopt);  // 4-digit part must start with 1 or 2
  EXPECT_EQ(AdminCode::parse("35.1x"), std::nullopt);
  EXPECT_EQ(AdminCode::parse("3513012001999"), std::nullopt);
}
