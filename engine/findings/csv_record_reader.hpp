#pragma once
// A streaming RFC 4180 record reader: big buffered reads, quoted fields with embedded delimiters,
// quotes and newlines, a UTF-8 BOM skipped, the delimiter (',' or ';') detected from the header.
#include <cstdio>
#include <string>
#include <vector>

namespace peta {

class CsvRecordReader {
 public:
  // Throws peta::Error naming the file if it cannot be opened or has no header.
  explicit CsvRecordReader(const std::string& path, char delimiter = 0);
  ~CsvRecordReader();
  CsvRecordReader(const CsvRecordReader&) = delete;
  CsvRecordReader& operator=(const CsvRecordReader&) = delete;

  const std::vector<std::string>& header() const { return header_; }
  char delimiter() const { return delimiter_; }
  // Reads the next non-empty record into `fields` (reusing their storage). false at end of file.
  bool next(std::vector<std::string>& fields);
  // Spreadsheet row number of the record last returned (the header is row 1).
  long long row() const { return row_; }
  double progress() const;

 private:
  bool fill();  // moves the unread tail to the front and reads more; false when nothing more
  bool parse_record(std::vector<std::string>& fields, std::size_t& count);

  std::FILE* file_ = nullptr;
  std::string path_;
  std::string buffer_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  char delimiter_ = ',';
  std::vector<std::string> header_;
  long long row_ = 0;
  long long next_row_ = 1;
  long long bytes_consumed_ = 0;
  long long file_size_ = 0;
};

}  // namespace peta
