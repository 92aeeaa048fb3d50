#include <gtest/gtest.h>

#include <cmath>

#include "render/label_placement.hpp"

using peta::render::LabelBox;
using peta::render::LabelRequest;
using peta::render::place_labels;

TEST(LabelPlacement, NoTwoPlacedLabelsOverlapAndAllStayInTheFrame) {
  // 400 labels of varied widths on a 40 x 40 grid of anchors 12 units apart in a 300 x 200 frame: far more
  // than fit, so many must be dropped and the rest must not touch.
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 400; ++i)
    requests.push_back({5.0 + (i * 37 % 300), 5.0 + (i * 53 % 200), 18.0 + (i % 7) * 6.0, 8.0});
  const LabelBox frame{0, 0, 300, 200};
  auto placed = place_labels(requests, frame);
  ASSERT_EQ(placed.size(), requests.size());
  std::vector<LabelBox> boxes;
  for (const auto& p : placed)
    if (p) boxes.push_back(*p);
  EXPECT_GT(boxes.size(), 60u);
  EXPECT_LT(boxes.size(), 400u);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    EXPECT_TRUE(boxes[i].inside(frame));
    for (std::size_t j = i + 1; j < boxes.size(); ++j)
      EXPECT_FALSE(boxes[i].overlaps(boxes[j])) << i << " and " << j;
  }
}

TEST(LabelPlacement, CentredFirstThenAboveBelowRightLeftThenDropped) {
  // A (100,100) 20x10 goes centred: [90,110] x [95,105]. B (100,104): centred and above hit A, below is free at
  // y = 104 + 1.5. C (125,100) is centred (it touches A's edge only). D (112,100) 6x10: every candidate hits A or
  // C, so it is dropped.
  auto placed = place_labels({{100, 100, 20, 10}, {100, 104, 20, 10}, {125, 100, 20, 10}, {112, 100, 6, 10}},
                             {0, 0, 300, 300});
  ASSERT_TRUE(placed[0] && placed[1] && placed[2]);
  EXPECT_DOUBLE_EQ(placed[0]->x, 90);
  EXPECT_DOUBLE_EQ(placed[0]->y, 95);
  EXPECT_DOUBLE_EQ(placed[1]->x, 90);
  EXPECT_DOUBLE_EQ(placed[1]->y, 105.5);
  EXPECT_DOUBLE_EQ(placed[2]->x, 115);
  EXPECT_DOUBLE_EQ(placed[2]->y, 95);
  EXPECT_FALSE(placed[3].has_value());
}

TEST(LabelPlacement, BlockedBoxesAndTheFrameEdgeAreRespected) {
  // The centre and above are blocked, so the label goes below; a label whose every candidate leaves the frame
  // is dropped.
  auto placed = place_labels({{50, 50, 10, 4}, {1, 1, 40, 4}}, {0, 0, 100, 100}, {{44, 47, 12, 3}});
  ASSERT_TRUE(placed[0].has_value());
  EXPECT_DOUBLE_EQ(placed[0]->y, 50.6);
  EXPECT_FALSE(placed[0]->overlaps({44, 47, 12, 3}));
  EXPECT_FALSE(placed[1].has_value());
}
