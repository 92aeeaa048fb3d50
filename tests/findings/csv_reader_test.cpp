#include <gtest/gtest.h>

#include "core/error.hpp"
#include "findings/csv_finding_reader.hpp"
#include "findings/row_location.hpp"
#include "findings/csv_record_reader.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

TEST(CsvRecordReader, QuotesBomSemicolonsAndRowNumbers) {
  auto dir = test::temp_dir("csvrec");
  std::string path = dir + "/a.csv";
  test::write_file(path, "\xEF\xBB\xBFid;nama;catatan\r\n1;\"Soka'an\";\"a;b\"\r\n\r\n2;x;\"multi\nline \"\"q\"\"\"\r\n3;y;\n");
  CsvRecordReader r(path);
  EXPECT_EQ(r.delimiter(), ';');
  ASSERT_EQ(r.header(), (std::vector<std::string>{"id", "nama", "catatan"}));
  std::vector<std::string> f;
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(r.row(), 2);
  EXPECT_EQ(f, (std::vector<std::string>{"1", "Soka'an", "a;b"}));
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(r.row(), 4);  // the blank line 3 is skipped but counted
  EXPECT_EQ(f, (std::vector<std::string>{"2", "x", "multi\nline \"q\""}));
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(r.row(), 6);  // the quoted newline took a line
  EXPECT_EQ(f, (std::vector<std::string>{"3", "y", ""}));
  EXPECT_FALSE(r.next(f));
}

TEST(CsvRecordReader, RecordsSpanningReadChunks) {
  auto dir = test::temp_dir("csvbig");
  std::string path = dir + "/big.csv";
  std::string text = "id,note\n";
  for (int i = 0; i < 200000; ++i) text += std::to_string(i) + ",\"note, with comma " + std::to_string(i) + "\"\n";
  test::write_file(path, text);
  CsvRecordReader r(path);
  std::vector<std::string> f;
  int n = 0;
  while (r.next(f)) {
    ASSERT_EQ(f.size(), 2u);
    ASSERT_EQ(f[0], std::to_string(n));
    ASSERT_EQ(f[1], "note, with comma " + std::to_string(n));
    ++n;
  }
  EXPECT_EQ(n, 200000);
  EXPECT_DOUBLE_EQ(r.progress(), 1.0);
}

TEST(CsvFindingReader, DetectsColumnsAndRejectsBadRowsWithReasons) {
  auto dir = test::temp_dir("csvfind");
  std::string path = dir + "/temuan.csv";
  test::write_file(path,
                   "no,Bujur,Lintang,kategori,catatan\n"
                   "A1,113.2,-7.8,jalan_rusak,ok\n"
                   "A2,,-7.8,stunting,no lon\n"
                   "A3,113.2,abc,stunting,bad lat\n"
                   "A4,213.2,-7.8,stunting,out of range\n"
                   "A5,113.2,-7.8,stunting\n"
                   "A6, +113.25 , -7.85 ,kemiskinan,spaces\n");
  CsvFindingReader reader(CsvSourceOptions{path, {}, 0});
  EXPECT_EQ(reader.indexes().id, 0);
  EXPECT_EQ(reader.indexes().lon, 1);
  EXPECT_EQ(reader.indexes().lat, 2);
  EXPECT_EQ(reader.indexes().category, 3);
  RawFindingUnit unit;
  ASSERT_TRUE(reader.next_unit(unit));
  reader.split(unit);
  ASSERT_EQ(unit.rows.size, 5u);
  ASSERT_EQ(unit.rows.rejections.size(), 1u);
  EXPECT_EQ(unit.rows.rejections[0].row, 6);
  EXPECT_EQ(unit.rows.rejections[0].code(), "column_count");
  EXPECT_EQ(unit.rows.rejections[0].detail, "expected 5 fields, found 4");
  EXPECT_EQ(unit.rows.rejections[0].file, path);

  CoordinateParser parser;
  RowLocator locator(reader.indexes(), reader.columns(), parser, "");
  struct Want {
    long long row;
    const char* id;
    const char* field;
    const char* reason;
  };
  std::vector<Want> want = {{2, "A1", "", ""},
                            {3, "A2", "Bujur", "coordinate_missing"},
                            {4, "A3", "Lintang", "coordinate_unparseable"},
                            {5, "A4", "Bujur", "coordinate_out_of_range"},
                            {7, "A6", "", ""}};
  RowLocation loc;
  for (std::size_t i = 0; i < want.size(); ++i) {
    Finding& f = unit.rows.findings[i];
    locator.read(f, nullptr, loc);
    EXPECT_EQ(f.row, want[i].row);
    EXPECT_EQ(f.id, want[i].id);
    EXPECT_EQ(loc.field, want[i].field) << i;
    EXPECT_EQ(code(loc.reason), std::string_view(want[i].reason)) << i;
  }
  locator.read(unit.rows.findings[0], nullptr, loc);
  EXPECT_EQ(loc.kind, RowLocation::Kind::point);
  EXPECT_DOUBLE_EQ(loc.lonlat.x, 113.2);
  EXPECT_EQ(unit.rows.findings[0].category, "jalan_rusak");
  locator.read(unit.rows.findings[4], nullptr, loc);
  EXPECT_DOUBLE_EQ(loc.lonlat.y, -7.85);
  EXPECT_FALSE(reader.next_unit(unit));
}

TEST(CsvFindingReader, MissingColumnNamesTheFile) {
  auto dir = test::temp_dir("csvmiss");
  std::string path = dir + "/t.csv";
  test::write_file(path, "id,lon,kategori\n1,113,jalan\n");
  try {
    CsvFindingReader reader(CsvSourceOptions{path, {}, 0});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path + ": no latitude column"), std::string::npos) << e.what();
  }
  FindingColumns wrong;
  wrong.lon = "x_coord";
  EXPECT_THROW(CsvFindingReader(CsvSourceOptions{path, wrong, 0}), Error);
}

}  // namespace
}  // namespace peta

namespace peta {
namespace {

// Every chunk size, down to a few bytes, gives the same records and row numbers: chunks end only on
// record boundaries, even with quoted newlines and doubled quotes.
TEST(CsvChunkReader, ChunksEndOnRecordBoundariesForAnyChunkSize) {
  auto dir = test::temp_dir("csvchunk");
  std::string path = dir + "/c.csv";
  test::write_file(path, "id,\"catatan\npanjang\",x\r\n1,\"a\nb\",2\r\n\r\n2,\"\"\"q\"\", \"\"r\"\"\",3\n3,plain,4\n4,\"z\"");
  std::vector<std::pair<long long, std::vector<std::string>>> want = {
      {3, {"1", "a\nb", "2"}}, {6, {"2", "\"q\", \"r\"", "3"}}, {7, {"3", "plain", "4"}}, {8, {"4", "z"}}};
  for (std::size_t size : {1u, 2u, 3u, 5u, 8u, 13u, 64u, 4096u}) {
    CsvChunkReader reader(path, 0, size);
    ASSERT_EQ(reader.header(), (std::vector<std::string>{"id", "catatan\npanjang", "x"})) << size;
    std::vector<std::pair<long long, std::vector<std::string>>> got;
    CsvChunk chunk;
    while (reader.next(chunk)) {
      CsvChunkCursor cursor(chunk, reader.delimiter());
      std::vector<std::string> fields;
      while (cursor.next(fields)) got.emplace_back(cursor.row(), fields);
    }
    EXPECT_EQ(got, want) << "chunk size " << size;
    EXPECT_DOUBLE_EQ(reader.progress(), 1.0);
  }
}

}  // namespace
}  // namespace peta
