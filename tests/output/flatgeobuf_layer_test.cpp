// output.formats "flatgeobuf": one <layer>.fgb per layer, read back exactly by GDAL (count, fields, dates,
// coordinates, its spatial index), with the layer's .qml beside it.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <set>

#include "output/output_set.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

TEST(FlatGeobufLayer, ReadBackExactly) {
  const std::string dir = test::temp_dir("fgb");
  {
    OutputOptions o;
    o.folder = dir;
    o.geojson = o.shapefile = o.geopackage = false;
    o.flatgeobuf = true;
    OutputSet out(o);
    LayerSchema s{"temuan", GeometryKind::point, {}};
    s.fields = {{"id_temuan", FieldType::text, "id_temuan"},
                {"kategori", FieldType::text, "kategori"},
                {"tanggal", FieldType::date, "tanggal"},
                {"jumlah", FieldType::integer, "jumlah"}};
    LayerSink& sink = out.open_layer(s);
    for (int i = 0; i < 5000; ++i)
      sink.write(Feature{Coord{113.0 + i * 1e-4, -7.9 - i * 1e-5},
                         {std::string("T") + std::to_string(i), std::string(i % 3 ? "jalan_rusak" : "stunting"),
                          i == 7 ? std::string("bukan") : std::string("2026-05-17"), static_cast<std::int64_t>(i)}});
    out.commit();
  }
  EXPECT_TRUE(std::filesystem::exists(dir + "/temuan.qml"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/peta.gpkg"));
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/temuan.fgb").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  EXPECT_STREQ(ds->GetDriver()->GetDescription(), "FlatGeobuf");
  OGRLayer* layer = ds->GetLayer(0);
  EXPECT_STREQ(layer->GetName(), "temuan");
  EXPECT_EQ(layer->GetFeatureCount(TRUE), 5000);
  EXPECT_EQ(layer->GetGeomType(), wkbPoint);
  EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4326");
  // The index is there: a spatial filter of the first 100 points' box finds exactly them.
  layer->SetSpatialFilterRect(113.0 - 1e-9, -7.9 - 99e-5 - 1e-9, 113.0 + 99e-4 + 1e-9, -7.9 + 1e-9);
  std::set<std::string> ids;
  for (auto& f : *layer) ids.insert(f->GetFieldAsString("id_temuan"));
  EXPECT_EQ(ids.size(), 100u);
  EXPECT_EQ(ids.count("T0") + ids.count("T99") + ids.count("T100"), 2u);
  layer->SetSpatialFilter(nullptr);
  // Features come back in Hilbert order: find by id.
  layer->SetAttributeFilter("id_temuan = 'T4321'");
  OGRFeatureUniquePtr f(layer->GetNextFeature());
  ASSERT_TRUE(f);
  EXPECT_STREQ(f->GetFieldAsString("kategori"), "jalan_rusak");
  EXPECT_EQ(f->GetFieldAsInteger64("jumlah"), 4321);
  int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
  float s = 0;
  ASSERT_TRUE(f->GetFieldAsDateTime(f->GetFieldIndex("tanggal"), &y, &m, &d, &h, &mi, &s, &tz));
  EXPECT_EQ(y * 10000 + m * 100 + d, 20260517);
  EXPECT_DOUBLE_EQ(f->GetGeometryRef()->toPoint()->getX(), 113.0 + 4321 * 1e-4);
  EXPECT_DOUBLE_EQ(f->GetGeometryRef()->toPoint()->getY(), -7.9 - 4321 * 1e-5);
  layer->SetAttributeFilter("id_temuan = 'T7'");
  f.reset(layer->GetNextFeature());
  ASSERT_TRUE(f);
  EXPECT_FALSE(f->IsFieldSetAndNotNull(f->GetFieldIndex("tanggal")));  // not a date: NULL
}

}  // namespace
}  // namespace peta
