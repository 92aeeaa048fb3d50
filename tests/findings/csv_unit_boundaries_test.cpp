// CSV units (chunks) must give exactly the records a sequential reader gives, for any content: stray quotes
// inside fields, quoted newlines, doubled quotes, CRLF, blank lines and quotes that never close.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "findings/csv_chunk.hpp"
#include "findings/csv_finding_reader.hpp"
#include "project_run.hpp"

namespace peta {
namespace {

struct Record {
  long long row = 0;
  std::vector<std::string> fields;
  bool broken = false;
  long long quote_row = 0;
  bool operator==(const Record&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Record& r) {
  os << "row " << r.row << (r.broken ? " broken@" + std::to_string(r.quote_row) : std::string()) << " [";
  for (const auto& f : r.fields) os << '<' << f << '>';
  return os << ']';
}

// The reference: a plain sequential reader, byte by byte over the whole text after the header, written
// from the rules in csv_chunk.hpp (RFC 4180, quotes open only at a field start, unclosed quotes end with
// their line) and sharing no code with the chunked reader.
std::vector<Record> sequential_records(const std::string& text, char delim, long long first_row) {
  std::vector<Record> out;
  std::size_t i = 0;
  long long row = first_row;
  const std::size_t n = text.size();
  while (i < n) {
    Record r;
    r.row = row;
    long long lines = 0;  // line breaks inside the record so far
    std::string field;
    bool record_done = false;
    while (!record_done) {
      field.clear();
      if (i < n && text[i] == '"') {
        // find how the quoted field ends
        std::size_t j = i + 1, inner_lines = 0;
        bool closed = false;
        std::string value;
        while (j < n) {
          if (text[j] == '"') {
            if (j + 1 < n && text[j + 1] == '"') {
              value += '"';
              j += 2;
              continue;
            }
            closed = true;
            break;
          }
          if (text[j] == '\n') ++inner_lines;
          value += text[j++];
        }
        if (inner_lines > kMaxQuotedFieldLines) closed = false;
        if (closed && inner_lines > 0 && j + 1 < n && text[j + 1] != delim && text[j + 1] != '\r' &&
            text[j + 1] != '\n')
          closed = false;
        if (!closed) {
          r.broken = true;
          r.quote_row = row + lines;
          std::size_t k = i + 1;
          while (k < n && text[k] != '\n') field += text[k++];
          if (!field.empty() && field.back() == '\r') field.pop_back();
          r.fields.push_back(field);
          i = k < n ? k + 1 : n;
          row += lines + 1;
          record_done = true;
          break;
        }
        lines += static_cast<long long>(inner_lines);
        field = value;
        i = j + 1;
        while (i < n && text[i] != delim && text[i] != '\r' && text[i] != '\n') field += text[i++];
      } else {
        while (i < n && text[i] != delim && text[i] != '\r' && text[i] != '\n') field += text[i++];
      }
      r.fields.push_back(field);
      if (i < n && text[i] == delim) {
        ++i;
        continue;
      }
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') ++i;
      row += lines + 1;
      record_done = true;
    }
    if (!r.broken && r.fields.size() == 1 && r.fields[0].empty()) continue;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Record> chunked_records(const std::string& path, std::size_t unit) {
  CsvChunkReader reader(path, 0, unit);
  std::vector<Record> got;
  CsvChunk chunk;
  std::vector<std::string> fields;
  while (reader.next(chunk)) {
    CsvChunkCursor cursor(chunk, reader.delimiter());
    while (cursor.next(fields))
      got.push_back({cursor.row(), fields, cursor.broken(), cursor.broken() ? cursor.broken_quote_row() : 0});
  }
  return got;
}

const char* kHeader = "id,catatan,lon,lat,kategori\n";

// 20,000 rows over Besuk, each note quoted with a newline, and one stray `2"` in an unquoted note.
std::string notes_with_one_stray_quote(std::size_t rows, std::size_t stray_at) {
  std::string s = kHeader;
  for (std::size_t r = 0; r < rows; ++r) {
    s += std::to_string(r) + ",";
    if (r == stray_at) s += "Pipa 2\" bocor";
    else s += "\"Jalan rusak\nsepanjang " + std::to_string(r % 97) + " m\"";
    s += ",113.1919,-7.8566,jalan\n";
  }
  return s;
}

// Random adversarial content: every kind of quote trouble, mixed.
std::string adversarial(std::size_t rows, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::string s = kHeader;
  for (std::size_t r = 0; r < rows; ++r) {
    s += std::to_string(r) + ",";
    switch (pick(14)) {
      case 0: s += "Pipa 2\" bocor"; break;
      case 1: s += "\"a \"\"kutip\"\" b\""; break;
      case 2: s += "\"baris\r\ndua\",x"; break;  // an extra field
      case 3: s += "\"x\"y\"z"; break;          // text after a closing quote, with a quote in it
      case 4: s += "\"tidak ditutup"; break;    // an unclosed quote
      case 5: s += "\"\""; break;
      case 6: s += "\"multi\n\nline\n\""; break;
      case 7: s += "\"dua\nbaris\"sisa"; break;  // a multi-line quote closed by a stray quote
      case 8: s += "\"\"\"\""; break;
      case 9: s += "\""; break;
      case 10: s += "\n"; break;                  // a blank line, then the rest of the row
      default: s += "biasa " + std::to_string(pick(1000)); break;
    }
    s += pick(5) == 0 ? ",113.19,-7.85,\"jalan\"\r\n" : ",113.19,-7.85,jalan\n";
  }
  if (pick(2)) s += "99999,\"tidak ditutup sampai akhir\n";
  return s;
}

void expect_units_match_sequential(const std::string& path, const std::string& text) {
  const std::string body = text.substr(std::string(kHeader).size());
  const auto want = sequential_records(body, ',', 2);
  for (std::size_t unit : {7u, 64u, 1000u, 4096u, 65536u, 512u << 10}) {
    const auto got = chunked_records(path, unit);
    ASSERT_EQ(got.size(), want.size()) << "unit " << unit;
    for (std::size_t i = 0; i < want.size(); ++i) ASSERT_EQ(got[i], want[i]) << "unit " << unit << " record " << i;
  }
}

TEST(CsvUnitBoundaries, StrayQuoteDoesNotCutALaterQuotedNewline) {
  auto dir = test::temp_dir("csv-stray");
  const std::string text = notes_with_one_stray_quote(20000, 3);
  test::write_file(dir + "/t.csv", text);
  const auto want = sequential_records(text.substr(std::string(kHeader).size()), ',', 2);
  ASSERT_EQ(want.size(), 20000u);
  expect_units_match_sequential(dir + "/t.csv", text);
}

TEST(CsvUnitBoundaries, AdversarialFilesMatchASequentialReader) {
  auto dir = test::temp_dir("csv-adversarial");
  for (unsigned seed : {1u, 2u, 3u}) {
    const std::string text = adversarial(3000, seed);
    test::write_file(dir + "/t.csv", text);
    SCOPED_TRACE("seed " + std::to_string(seed));
    expect_units_match_sequential(dir + "/t.csv", text);
  }
}

// A quote that never closes takes only its own line: the next rows are read, and the record is rejected
// naming the line where the quote opened.
TEST(CsvUnitBoundaries, UnclosedQuoteIsRejectedAndReadingResumes) {
  auto dir = test::temp_dir("csv-unclosed");
  std::string text = kHeader;
  text += "1,biasa,113.1919,-7.8566,jalan\n";
  text += "2,\"Pipa bocor,113.1919,-7.8566,jalan\n";  // row 3: the quote opens and never closes
  for (int r = 3; r <= 10; ++r) text += std::to_string(r) + ",\"catatan " + std::to_string(r) + "\",113.1919,-7.8566,jalan\n";
  text += "11,\"akhir tanpa tutup,113.1919,-7.8566,jalan\n";  // row 12: open at the end of the file
  test::write_file(dir + "/t.csv", text);
  for (std::size_t unit : {5u, 64u, 512u << 10}) {
    const auto got = chunked_records(dir + "/t.csv", unit);
    ASSERT_EQ(got.size(), 11u) << unit;
    EXPECT_TRUE(got[1].broken);
    EXPECT_EQ(got[1].quote_row, 3);
    EXPECT_EQ(got[1].fields, (std::vector<std::string>{"2", "Pipa bocor,113.1919,-7.8566,jalan"}));
    EXPECT_EQ(got[2].fields[1], "catatan 3");
    EXPECT_EQ(got[2].row, 4);
    EXPECT_TRUE(got[10].broken);
    EXPECT_EQ(got[10].quote_row, 12);
  }
  {
    auto r = test::run_findings(dir, nlohmann::json::array({{{"path", dir + "/t.csv"}}}));
    const auto& c = r.summary.sources.begin()->second;
    EXPECT_EQ(c.rows_read, 11);
    EXPECT_EQ(c.rejected, 2);
    EXPECT_EQ(c.rejected_by_reason.at("unclosed_quote"), 2);
    EXPECT_TRUE(c.balanced());
    auto rej = r.rejection(3);
    ASSERT_FALSE(rej.is_null());
    EXPECT_EQ(rej["properties"]["alasan"], "unclosed_quote");
    EXPECT_EQ(rej["properties"]["kolom"], "catatan");
    EXPECT_NE(rej["properties"]["keterangan"].get<std::string>().find("line 3"), std::string::npos);
  }
}

// The whole pipeline, 1 and 2 threads: 20,000 rows read, none rejected for their column count.
TEST(CsvUnitBoundaries, PipelineReadsEveryRowOnceWithOneAndTwoThreads) {
  auto dir = test::temp_dir("csv-stray-run");
  test::write_file(dir + "/t.csv", notes_with_one_stray_quote(20000, 3));
  for (unsigned threads : {1u, 2u}) {
    nlohmann::json p = {{"name", "uji"},
                        {"boundaries",
                         {{"desa", {{"path", test::data("probolinggo/desa.geojson")}}},
                          {"kecamatan", {{"path", test::data("probolinggo/kecamatan.geojson")}}}}},
                        {"findings", nlohmann::json::array({{{"path", dir + "/t.csv"}}})},
                        {"privacy", {{"profile", "internal"}}},
                        {"output", {{"folder", dir + "/out"}, {"formats", {"geojson"}}}}};
    test::write_file(dir + "/project.json", p.dump(2));
    RunOptions options;
    options.threads = threads;
    auto summary = run_project(load_project(dir + "/project.json"), options);
    const auto& c = summary.sources.begin()->second;
    EXPECT_EQ(c.rows_read, 20000) << threads;
    EXPECT_EQ(c.rejected, 0) << threads;
    EXPECT_TRUE(c.balanced());
  }
}

}  // namespace
}  // namespace peta
