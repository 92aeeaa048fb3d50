#pragma once
// CSV text cut into chunks that each end on a record boundary, so that chunks can be parsed on
// several threads at once; and the RFC 4180 record parser that works on one chunk.
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/row_cells.hpp"

namespace peta {

struct CsvChunk {
  std::string bytes;        // whole records only
  long long first_row = 0;  // spreadsheet row number of the chunk's first line (the header is row 1)
};

// A quoted field may span at most this many line breaks; one that spans more is taken as a quote that was
// never closed (see CsvChunkCursor::broken).
constexpr std::size_t kMaxQuotedFieldLines = 100;

// Parses the records of one chunk in order. Quoted fields may hold delimiters, doubled quotes and
// newlines; blank lines are skipped (but counted in the row numbers). Records end at LF, CRLF or a lone CR
// (row numbers count all three as line breaks, inside quoted fields too). A quote opens a quoted field only at
// the start of a field; anywhere else (`Pipa 2" bocor`) it is text.
//
// A quoted field that never closes must not swallow the records after it. It is taken as unclosed when no
// closing quote follows it, when it spans more than kMaxQuotedFieldLines line breaks, or when it spans a
// line break and its closing quote is followed by something other than a delimiter or the end of the line
// (RFC 4180 allows nothing else there; such a quote is almost always the opening quote of a later field).
// The record is then cut at the end of the line where the quote opened: next() returns it with broken()
// true (the open cell holds the rest of that line), and reading resumes on the next line.
class CsvChunkCursor {
 public:
  CsvChunkCursor(const CsvChunk& chunk, char delimiter) : chunk_(chunk), delimiter_(delimiter), next_row_(chunk.first_row) {
    stop_[static_cast<unsigned char>(delimiter)] = stop_['\n'] = stop_['\r'] = true;
  }
  // The next record's cells (their storage is reused); false at the end of the chunk.
  bool next(RowCells& cells);
  bool next(std::vector<std::string>& fields);
  long long row() const { return row_; }  // row number of the record last returned
  std::size_t consumed() const { return pos_; }  // bytes of the chunk read so far (up to the next record)
  // The record last returned had a quote that never closed: its row, and the cell where it opened.
  bool broken() const { return broken_; }
  long long broken_quote_row() const { return broken_quote_row_; }
  std::size_t broken_cell() const { return broken_cell_; }

 private:
  const CsvChunk& chunk_;
  char delimiter_;
  std::size_t pos_ = 0;
  long long row_ = 0;
  long long next_row_;
  bool broken_ = false;
  long long broken_quote_row_ = 0;
  std::size_t broken_cell_ = 0;
  bool stop_[256] = {};  // bytes that end an unquoted field: the delimiter, CR and LF
  RowCells cells_;       // for next(fields)
};

// The delimiter of CSV text from its first line: ';' when it has more semicolons than commas outside quotes,
// else ','.
char csv_delimiter_of(std::string_view text);

// Reads a CSV file as chunks of about `chunk_bytes` (a record longer than that makes a longer chunk).
// Skips a UTF-8 BOM, detects the delimiter (',' or ';') from the header unless given, and reads the header.
class CsvChunkReader {
 public:
  explicit CsvChunkReader(const std::string& path, char delimiter = 0, std::size_t chunk_bytes = 4u << 20);
  ~CsvChunkReader();
  CsvChunkReader(const CsvChunkReader&) = delete;
  CsvChunkReader& operator=(const CsvChunkReader&) = delete;

  const std::vector<std::string>& header() const { return header_; }
  char delimiter() const { return delimiter_; }
  const std::string& path() const { return path_; }
  // The next chunk; false when the file is exhausted.
  bool next(CsvChunk& chunk);
  double progress() const;

 private:
  bool read_into(std::string& buffer);  // appends up to chunk_bytes_ to buffer; false at end of file

  std::FILE* file_ = nullptr;
  std::string path_;
  std::size_t chunk_bytes_;
  std::string pending_;          // bytes read but not handed out yet (after the header: a record's start)
  long long pending_row_ = 1;    // row number of pending_'s first line
  bool eof_ = false;
  char delimiter_ = ',';
  std::vector<std::string> header_;
  std::vector<std::pair<std::size_t, std::size_t>> outside_;  // scratch for the record boundary search
  long long bytes_handed_ = 0;
  long long file_size_ = 0;
};

}  // namespace peta
