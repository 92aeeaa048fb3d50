#pragma once
// A findings store made in the test (GeoPackage backend) over the query fixture's 5 desa (tests/query_fixture.hpp),
// with known statuses and due dates, read into the query model as `peta query`/`serve` read it.
//
// Import 1, first seen 2026-01-01:  J1..J6 jalan_rusak Alpha, J7 J8 jalan_rusak Delta, S1..S6 stunting Bravo,
//   S7 S8 stunting Delta, P1 potensi Delta, L1 layanan_publik Echo.
// Import 2, first seen 2026-03-01:  J9 jalan_rusak Alpha, L2 layanan_publik Echo.
// Status: J1 diverifikasi; J2 diverifikasi -> selesai (2026-02-10); J3 bukan_masalah; J4 diverifikasi ->
//   ditindaklanjuti; J7 duplikat; S1 diverifikasi. The rest baru.
// Targets (geodata/opd.json): jalan_rusak Dinas PUPR 60 d (due 2026-03-02), stunting Dinas Kesehatan 30 d
//   (2026-01-31), potensi Bappeda 180 d, layanan_publik Kecamatan 14 d (L1 due 2026-01-15, L2 2026-03-15).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "query/priority_score.hpp"
#include "query/query_model.hpp"
#include "query/store_findings.hpp"
#include "query_fixture.hpp"
#include "store/finding_store.hpp"
#include "test_support.hpp"

namespace peta::test {

inline store::StoreFinding store_fixture_finding(const std::string& id, const std::string& category, const std::string& desa,
                                                 const std::string& note) {
  store::StoreFinding f;
  f.source_file = "ekspor.csv";
  f.id = id;
  f.category = category;
  f.desa_code = desa;
  f.kecamatan_code = desa.substr(0, 8);
  f.date = "2025-12-20";
  f.lon = 113.01;
  f.lat = -7.8;
  f.has_point = true;
  f.values = {{"id", id}, {"kategori", category}, {"tingkat", id == "J1" ? "berat" : "ringan"},
              {"keterangan", note}, {"nama_pelapor", "Bu Siti"}};
  return f;
}

// Builds the store once per process and returns its path.
inline const std::string& fixture_store_path() {
  static const std::string path = [] {
    const std::string dir = temp_dir("store-query");
    const std::string p = dir + "/temuan.gpkg";
    auto s = store::FindingStore::open(p);
    const std::string alpha = "35.13.01.2001", bravo = "35.13.01.2002", delta = "35.13.02.2001", echo = "35.13.02.2002";
    std::vector<store::StoreFinding> first;
    for (int i = 1; i <= 6; ++i) first.push_back(store_fixture_finding("J" + std::to_string(i), "jalan_rusak", alpha, "Jalan berlubang " + std::to_string(i)));
    first.push_back(store_fixture_finding("J7", "jalan_rusak", delta, "Jalan putus"));
    first.push_back(store_fixture_finding("J8", "jalan_rusak", delta, "Jalan putus"));
    for (int i = 1; i <= 6; ++i) first.push_back(store_fixture_finding("S" + std::to_string(i), "stunting", bravo, "Balita " + std::to_string(i)));
    first.push_back(store_fixture_finding("S7", "stunting", delta, "Balita 7"));
    first.push_back(store_fixture_finding("S8", "stunting", delta, "Balita 8"));
    first.push_back(store_fixture_finding("P1", "potensi", delta, "Wisata air terjun"));
    first.push_back(store_fixture_finding("L1", "layanan_publik", echo, "Kantor desa tutup"));
    store::ImportOptions o;
    o.file = "ekspor.csv";
    o.today = "2026-01-01";
    {
      auto session = s->begin_import(o);
      session->add(first);
      session->commit();
    }
    o.today = "2026-03-01";
    o.cumulative = false;
    o.file = "ekspor2.csv";
    {
      auto session = s->begin_import(o);
      session->add({store_fixture_finding("J9", "jalan_rusak", alpha, "Jalan baru rusak"),
                    store_fixture_finding("L2", "layanan_publik", echo, "Antrean panjang")});
      session->commit();
    }
    auto change = [&](const std::string& id, const std::string& to, const std::string& date) {
      auto out = s->change_status({{id, to, date, "Dinas", "uji", "", 0}});
      EXPECT_TRUE(out.at(0).applied) << id << " -> " << to << ": " << out.at(0).reason;
    };
    change("J1", "diverifikasi", "2026-01-05");
    change("J2", "diverifikasi", "2026-01-05");
    change("J2", "selesai", "2026-02-10");
    change("J3", "bukan_masalah", "2026-01-06");
    change("J4", "diverifikasi", "2026-01-05");
    change("J4", "ditindaklanjuti", "2026-01-20");
    change("J7", "duplikat", "2026-01-06");
    change("S1", "diverifikasi", "2026-01-07");
    return p;
  }();
  return path;
}

// The query fixture (public profile) with the store attached; `today` is the default as-of date.
inline std::unique_ptr<query::QueryModel> model_with_store(bool public_profile = true, const std::string& today = "2026-03-05") {
  const std::string dir = temp_dir(std::string("store-query-model-") + (public_profile ? "p" : "i"));
  write_query_fixture(dir + "/peta.gpkg", true, true, public_profile);
  auto taxonomy = CategoryTaxonomy::defaults();
  auto m = std::make_unique<query::QueryModel>(
      query::load_query_model(dir + "/peta.gpkg", taxonomy, query::PrioritySettings{}.weights_for(taxonomy)));
  auto s = store::FindingStore::open(fixture_store_path());
  query::StoreReadOptions options;
  options.public_profile = public_profile;
  options.published_columns = {"tanggal", "tingkat", "keterangan"};
  options.today = today;
  m->store = query::read_store_table(s->findings(), *m, options, store::StatusTimeline(s->status_changes()));
  return m;
}

}  // namespace peta::test
