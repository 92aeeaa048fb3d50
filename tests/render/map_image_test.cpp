// One scene written as PNG, SVG and PDF by the same code: the PDF's text holds the Unicode labels and the legend,
// the PNG has the fills where the units are, the SVG is a drawing of the same size.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include <gdal_priv.h>

#include "render/map_image.hpp"
#include "test_support.hpp"

namespace {

using namespace peta;

MultiPolygon square(double x0, double y0, double size) {
  return {{Polygon{{Ring{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}}}}};
}

std::string command_output(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  pclose(pipe);
  return out;
}

TEST(MapImage, OneSceneAsPngSvgAndPdf) {
  // Two 10 km squares in EPSG:32749 metres side by side, one red and one withheld (hatched).
  const MultiPolygon a = square(700000, 9100000, 10000), b = square(710000, 9100000, 10000);
  render::MapScene scene;
  scene.title = "Uji peta";
  scene.legend_title = "Jumlah temuan";
  scene.legend = {{{240, 59, 32}, "5–9", false}, {{228, 228, 228}, "disembunyikan, < 5", true}};
  scene.units = {{&a, {240, 59, 32}, false, true}, {&b, {}, true, true}};
  scene.boundary = {&a, &b};
  scene.labels = {{"Soka'an", {705000, 9105000}, false}, {"Kraksaan Wétan", {715000, 9105000}, false}};
  const std::string dir = test::temp_dir("map_image");

  render::write_map_image(scene, dir + "/m.pdf", render::image_format_of(dir + "/m.pdf"), 600, 300);
  const std::string text = command_output("pdftotext '" + dir + "/m.pdf' -");
  for (const char* s : {"Uji peta", "Jumlah temuan", "5–9", "disembunyikan, < 5", "Soka'an", "Kraksaan Wétan", "0", "km", "U"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;

  render::write_map_image(scene, dir + "/m.svg", render::ImageFormat::svg, 600, 300);
  const std::string svg = test::read_file(dir + "/m.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("width=\"600pt\""), std::string::npos);
  EXPECT_NE(svg.find("rgb(94.117647%,23.137255%,12.54902%)"), std::string::npos) << "the red fill";

  render::write_map_image(scene, dir + "/m.png", render::ImageFormat::png, 600, 300, 2.0);
  GDALAllRegister();
  GDALDatasetUniquePtr png(GDALDataset::Open((dir + "/m.png").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  ASSERT_TRUE(png);
  EXPECT_EQ(png->GetRasterXSize(), 1200);
  EXPECT_EQ(png->GetRasterYSize(), 600);
  // The map frame is the box less the legend column; the two squares fill its width. Sample a pixel just inside
  // the red square's lower-left corner and one inside the withheld square (grey or hatch, never red).
  auto pixel = [&](int x, int y) {
    std::array<int, 3> rgb{};
    for (int band = 1; band <= 3; ++band) {
      std::uint8_t v = 0;
      EXPECT_EQ(png->GetRasterBand(band)->RasterIO(GF_Read, x, y, 1, 1, &v, 1, 1, GDT_Byte, 0, 0), CE_None);
      rgb[band - 1] = v;
    }
    return rgb;
  };
  // Frame: x 12..(600-24-162-10)+12 pt, the squares 2:1 centred in it; find the red by scanning a row.
  int red = 0, grey = 0;
  for (int x = 0; x < 1200; ++x) {
    auto p = pixel(x, 330);
    red += (p[0] == 240 && p[1] == 59 && p[2] == 32) ? 1 : 0;
    grey += (p[0] == 228 && p[1] == 228 && p[2] == 228) ? 1 : 0;
  }
  EXPECT_GT(red, 250);   // about half of the ~700 px wide map
  EXPECT_GT(grey, 100);  // the hatched square: grey between the hatch lines
}

}  // namespace
