#pragma once
// A small hand-made GeoPackage shaped like `peta build`'s output, with hotspot fields (gi_z_/gi_bin_/lisa_p_/
// lisa_q_stunting) that a later build will add: 2 kecamatan, 5 desa (unit squares), 26 findings.
//
//   desa                       kec       luas  jalan_rusak  stunting  potensi  other  total
//   35.13.01.2001 Alpha        Sumber    2.0   4            1         0        0      5
//   35.13.01.2002 Bravo        Sumber    3.0   6            3         0        0      9
//   35.13.01.2003 Charlie      Sumber    1.0   1            5         0        1      7
//   35.13.02.2001 Delta        Lumbang   4.0   2            0         3        0      5
//   35.13.02.2002 Echo         Lumbang   5.0   0            0         0        0      0
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <map>
#include <stdexcept>
#include <tuple>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"

namespace peta::test {

// Adds `f` to `layer`; a fixture that cannot be written is a broken test, not a passing one.
inline void create_feature(OGRLayerH layer, OGRFeatureH f) {
  if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE) throw std::runtime_error("query fixture: feature not written");
}

struct FixtureFinding {
  const char* desa;
  const char* kategori;  // taxonomy code, or another word (counted in n_lainnya)
  const char* tanggal;
  const char* tingkat;
  const char* status;
  const char* keterangan;
};

inline std::vector<FixtureFinding> fixture_findings() {
  std::vector<FixtureFinding> f = {
      {"35.13.01.2001", "jalan_rusak", "2024-01-10", "berat", "baru", "Jalan berlubang"},
      {"35.13.01.2001", "jalan_rusak", "2024-02-01", "ringan", "baru", "Aspal mengelupas"},
      {"35.13.01.2001", "jalan_rusak", "2024-03-05", "berat", "selesai", "Jembatan retak"},
      {"35.13.01.2001", "jalan_rusak", "2024-06-01", "sedang", "baru", "Jalan tergenang"},
      {"35.13.01.2001", "stunting", "2024-01-15", "berat", "baru", "Balita A, RT 02"},
      {"35.13.01.2003", "jalan_rusak", "2023-12-31", "berat", "selesai", "Jalan desa belum diaspal"},
      {"35.13.01.2003", "banjir", "2024-01-01", "ringan", "baru", "Banjir kecil"},
  };
  for (int i = 1; i <= 6; ++i)
    f.push_back({"35.13.01.2002", "jalan_rusak", i == 1 ? "2024-05-01" : i == 2 ? "2024-05-02" : i == 3 ? "2024-05-03"
                                                 : i == 4 ? "2024-05-04" : i == 5 ? "2024-05-05" : "2024-05-06",
                 "ringan", "baru", "Lubang"});
  for (int i = 0; i < 3; ++i) f.push_back({"35.13.01.2002", "stunting", "2024-04-01", "sedang", "baru", "Gizi kurang"});
  for (int i = 0; i < 5; ++i) f.push_back({"35.13.01.2003", "stunting", "2024-02-02", "berat", "baru", "Balita di bawah garis merah"});
  for (int i = 0; i < 2; ++i) f.push_back({"35.13.02.2001", "jalan_rusak", "2024-01-20", "berat", "baru", "Jalan putus"});
  for (int i = 0; i < 3; ++i) f.push_back({"35.13.02.2001", "potensi", "2024-03-03", "ringan", "", "Wisata air terjun"});
  return f;
}

struct FixtureDesa {
  const char* kode;
  const char* nama;
  const char* kode_kec;
  const char* nama_kec;
  double luas, x;
  double gi_z, gi_bin, lisa_p, lisa_q;
};

inline std::vector<FixtureDesa> fixture_desa() {
  return {{"35.13.01.2001", "Alpha", "35.13.01", "Sumber", 2.0, 0, 0.5, 0, 0.5, 0},
          {"35.13.01.2002", "Bravo", "35.13.01", "Sumber", 3.0, 1, 2.1, 2, 0.03, 1},
          {"35.13.01.2003", "Charlie", "35.13.01", "Sumber", 1.0, 2, 2.8, 3, 0.004, 1},
          {"35.13.02.2001", "Delta", "35.13.02", "Lumbang", 4.0, 3, -1.2, 0, 0.2, 2},
          {"35.13.02.2002", "Echo", "35.13.02", "Lumbang", 5.0, 4, -2.0, -2, 0.04, 3}};
}

namespace fixture_detail {

inline OGRGeometryH rectangle(double x0, double y0, double width, double height) {
  OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
  OGR_G_AddPoint_2D(ring, x0, y0);
  OGR_G_AddPoint_2D(ring, x0 + width, y0);
  OGR_G_AddPoint_2D(ring, x0 + width, y0 + height);
  OGR_G_AddPoint_2D(ring, x0, y0 + height);
  OGR_G_AddPoint_2D(ring, x0, y0);
  OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
  OGR_G_AddGeometryDirectly(poly, ring);
  OGRGeometryH multi = OGR_G_CreateGeometry(wkbMultiPolygon);
  OGR_G_AddGeometryDirectly(multi, poly);
  return multi;
}

inline void field(OGRLayerH layer, const char* name, OGRFieldType type) {
  OGRFieldDefnH f = OGR_Fld_Create(name, type);
  OGR_L_CreateField(layer, f, TRUE);
  OGR_Fld_Destroy(f);
}

}  // namespace fixture_detail

// Writes the fixture to `path` (overwriting). `with_hotspots` adds the gi_/lisa_ fields for stunting.
// `public_profile` writes it as the public profile does (k = 5): stunting (sensitive) only as counts, with
// s_stunting flags: Alpha (1), Bravo (3), Delta (0), Echo (0) below k (1), Charlie (5) withheld as their
// complement (2: Alpha + Bravo = 4 < k); kecamatan Sumber (9) shown, Lumbang (0) below k. n_total leaves stunting
// out, the temuan layer has no stunting points, and desa get rate_semua = n_total / luas_km2 * 10.
inline void write_query_fixture(const std::string& path, bool with_hotspots = true, bool with_temuan = true,
                                bool public_profile = false) {
  using namespace fixture_detail;
  GDALAllRegister();
  VSIUnlink(path.c_str());
  GDALDriverH driver = GDALGetDriverByName("GPKG");
  GDALDatasetH ds = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(wgs84, 4326);
  OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
  const auto categories = CategoryTaxonomy::defaults().categories();
  auto findings = fixture_findings();
  // counts[desa][code]
  std::map<std::string, std::map<std::string, int>> counts;
  for (const auto& f : findings) {
    if (public_profile && std::string(f.kategori) == "stunting") {
      counts[f.desa]["stunting"]++;
      continue;
    }
    std::string code = f.kategori;
    bool known = false;
    for (const auto& c : categories) known = known || c.code == code;
    counts[f.desa][known ? code : "lainnya"]++;
    counts[f.desa]["total"]++;
  }
  auto add_counts = [&](OGRLayerH layer) {
    field(layer, "n_total", OFTInteger);
    for (const auto& c : categories) field(layer, ("n_" + c.code).c_str(), OFTInteger);
    field(layer, "n_lainnya", OFTInteger);
  };

  OGRLayerH kec = GDALDatasetCreateLayer(ds, "kecamatan", wgs84, wkbMultiPolygon, nullptr);
  field(kec, "kode", OFTString);
  field(kec, "nama", OFTString);
  field(kec, "luas_km2", OFTReal);
  field(kec, "n_desa", OFTInteger);
  add_counts(kec);
  OGRLayerH desa = GDALDatasetCreateLayer(ds, "desa", wgs84, wkbMultiPolygon, nullptr);
  for (const char* name : {"kode", "nama", "jenis", "kode_kec", "nama_kec"}) field(desa, name, OFTString);
  field(desa, "luas_km2", OFTReal);
  add_counts(desa);
  if (public_profile) {
    field(desa, "rate_semua", OFTReal);
    field(desa, "s_stunting", OFTInteger);
    field(kec, "s_stunting", OFTInteger);
  }
  const std::map<std::string, int> withheld = {
      {"35.13.01.2001", 1}, {"35.13.01.2002", 1}, {"35.13.01.2003", 2}, {"35.13.02.2001", 1}, {"35.13.02.2002", 1}};
  if (with_hotspots) {
    field(desa, "gi_z_stunting", OFTReal);
    field(desa, "gi_p_stunting", OFTReal);
    field(desa, "gi_bin_stunting", OFTInteger);
    field(desa, "lisa_p_stunting", OFTReal);
    field(desa, "lisa_q_stunting", OFTInteger);
  }
  std::map<std::string, std::map<std::string, int>> kec_counts;
  for (const auto& d : fixture_desa()) {
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(desa));
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "kode"), d.kode);
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "nama"), d.nama);
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "jenis"), "desa");
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "kode_kec"), d.kode_kec);
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "nama_kec"), d.nama_kec);
    OGR_F_SetFieldDouble(f, OGR_F_GetFieldIndex(f, "luas_km2"), d.luas);
    for (const char* key : {"total", "lainnya"})
      OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, (std::string("n_") + key).c_str()), counts[d.kode][key]);
    for (const auto& c : categories)
      OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, ("n_" + c.code).c_str()), counts[d.kode][c.code]);
    for (const auto& [k, v] : counts[d.kode]) kec_counts[d.kode_kec][k] += v;
    if (public_profile) {
      OGR_F_SetFieldDouble(f, OGR_F_GetFieldIndex(f, "rate_semua"), counts[d.kode]["total"] / d.luas * 10);
      OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, "s_stunting"), withheld.at(d.kode));
      OGR_F_SetFieldNull(f, OGR_F_GetFieldIndex(f, "n_stunting"));
    }
    if (with_hotspots) {
      OGR_F_SetFieldDouble(f, OGR_F_GetFieldIndex(f, "gi_z_stunting"), d.gi_z);
      OGR_F_SetFieldDouble(f, OGR_F_GetFieldIndex(f, "gi_p_stunting"), 0.05);
      OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, "gi_bin_stunting"), static_cast<int>(d.gi_bin));
      OGR_F_SetFieldDouble(f, OGR_F_GetFieldIndex(f, "lisa_p_stunting"), d.lisa_p);
      OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, "lisa_q_stunting"), static_cast<int>(d.lisa_q));
    }
    OGR_F_SetGeometryDirectly(f, rectangle(113.0 + 0.01 * d.x, -7.8, 0.01, 0.01));
    create_feature(desa, f);
    OGR_F_Destroy(f);
  }
  for (auto [kode, nama, x0, width, luas] : {std::tuple{"35.13.01", "Sumber", 113.0, 0.03, 6.0},
                                             std::tuple{"35.13.02", "Lumbang", 113.03, 0.02, 9.0}}) {
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(kec));
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "kode"), kode);
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "nama"), nama);
    OGR_F_SetFieldDouble(f, OGR_F_GetFieldIndex(f, "luas_km2"), luas);
    for (const auto& c : categories) OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, ("n_" + c.code).c_str()), 0);
    OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, "n_lainnya"), 0);
    for (const auto& [k, v] : kec_counts[kode]) OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, ("n_" + k).c_str()), v);
    if (public_profile) {
      const bool below_k = kec_counts[kode]["stunting"] < 5;
      OGR_F_SetFieldInteger(f, OGR_F_GetFieldIndex(f, "s_stunting"), below_k ? 1 : 0);
      if (below_k) OGR_F_SetFieldNull(f, OGR_F_GetFieldIndex(f, "n_stunting"));
    }
    OGR_F_SetGeometryDirectly(f, rectangle(x0, -7.8, width, 0.01));
    create_feature(kec, f);
    OGR_F_Destroy(f);
  }
  if (with_temuan) {
    OGRLayerH t = GDALDatasetCreateLayer(ds, "temuan", wgs84, wkbPoint, nullptr);
    for (const char* name : {"id", "kategori", "tanggal", "tingkat", "status", "keterangan", "kode_desa", "nama_desa",
                             "kode_kec", "nama_kec", "kat_kode"})
      field(t, name, OFTString);
    int id = 0;
    for (const auto& x : findings) {
      ++id;
      if (public_profile && std::string(x.kategori) == "stunting") continue;  // sensitive: counts only
      OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(t));
      std::string code = x.kategori;
      bool known = false;
      for (const auto& c : categories) known = known || c.code == code;
      OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "id"), ("T" + std::to_string(id)).c_str());
      OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "kategori"), x.kategori);
      OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "tanggal"), x.tanggal);
      OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "tingkat"), x.tingkat);
      if (*x.status) OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "status"), x.status);
      OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "keterangan"), x.keterangan);
      OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "kode_desa"), x.desa);
      if (known) OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "kat_kode"), x.kategori);
      OGRGeometryH p = OGR_G_CreateGeometry(wkbPoint);
      OGR_G_SetPoint_2D(p, 0, 113.005, -7.795);
      OGR_F_SetGeometryDirectly(f, p);
      create_feature(t, f);
      OGR_F_Destroy(f);
    }
  }
  OSRDestroySpatialReference(wgs84);
  GDALClose(ds);
}

}  // namespace peta::test
