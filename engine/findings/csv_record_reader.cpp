#include "findings/csv_record_reader.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "core/error.hpp"

namespace peta {

namespace {
constexpr std::size_t kChunk = 1 << 22;  // 4 MiB reads
}

CsvRecordReader::CsvRecordReader(const std::string& path, char delimiter) : path_(path) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) throw Error("cannot open findings file '" + path + "': " + std::strerror(errno));
  std::error_code ec;
  file_size_ = static_cast<long long>(std::filesystem::file_size(path, ec));
  buffer_.resize(kChunk * 2);
  fill();
  if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
  if (delimiter) {
    delimiter_ = delimiter;
  } else {  // the header decides: more ';' than ',' outside quotes means semicolon-separated
    std::size_t commas = 0, semis = 0;
    bool quoted = false;
    for (std::size_t i = pos_; i < end_ && (quoted || (buffer_[i] != '\n' && buffer_[i] != '\r')); ++i) {
      char c = buffer_[i];
      if (c == '"') quoted = !quoted;
      else if (!quoted && c == ',') ++commas;
      else if (!quoted && c == ';') ++semis;
    }
    delimiter_ = semis > commas ? ';' : ',';
  }
  if (!next(header_)) throw Error("findings file '" + path + "' is empty: no header row");
  for (auto& h : header_) {  // trim the header names
    auto b = h.find_first_not_of(" \t");
    auto e = h.find_last_not_of(" \t");
    h = b == std::string::npos ? std::string() : h.substr(b, e - b + 1);
  }
}

CsvRecordReader::~CsvRecordReader() {
  if (file_) std::fclose(file_);
}

double CsvRecordReader::progress() const {
  return file_size_ > 0 ? std::min(1.0, static_cast<double>(bytes_consumed_ + static_cast<long long>(pos_)) / file_size_) : 1.0;
}

bool CsvRecordReader::fill() {
  if (eof_) return false;
  std::size_t tail = end_ - pos_;
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, tail);
    bytes_consumed_ += static_cast<long long>(pos_);
  }
  pos_ = 0;
  end_ = tail;
  if (buffer_.size() - end_ < kChunk) buffer_.resize(end_ + kChunk);
  std::size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
  end_ += got;
  if (got == 0) eof_ = true;
  return got > 0;
}

// Parses one record starting at pos_. Returns false (leaving pos_ unchanged) if the buffer ends
// before the record does and more data may follow.
bool CsvRecordReader::parse_record(std::vector<std::string>& fields, std::size_t& count) {
  const char* data = buffer_.data();
  std::size_t i = pos_;
  count = 0;
  long long newlines = 0;
  for (;;) {
    if (count == fields.size()) fields.emplace_back();
    std::string& f = fields[count++];
    f.clear();
    if (i < end_ && data[i] == '"') {  // quoted field
      ++i;
      for (;;) {
        const char* q = static_cast<const char*>(std::memchr(data + i, '"', end_ - i));
        if (!q) {
          if (!eof_) return false;
          f.append(data + i, end_ - i);  // unterminated quote at end of file: take the rest
          i = end_;
          break;
        }
        std::size_t qi = static_cast<std::size_t>(q - data);
        newlines += std::count(data + i, q, '\n');
        f.append(data + i, qi - i);
        if (qi + 1 >= end_ && !eof_) return false;
        if (qi + 1 < end_ && data[qi + 1] == '"') {  // escaped quote
          f += '"';
          i = qi + 2;
          continue;
        }
        i = qi + 1;
        break;
      }
      // anything between the closing quote and the delimiter is kept, as spreadsheets do
      while (i < end_ && data[i] != delimiter_ && data[i] != '\n' && data[i] != '\r') f += data[i++];
    } else {
      std::size_t start = i;
      while (i < end_ && data[i] != delimiter_ && data[i] != '\n' && data[i] != '\r') ++i;
      f.assign(data + start, i - start);
    }
    if (i >= end_) {
      if (!eof_) return false;
      pos_ = i;
      next_row_ += newlines;
      return true;
    }
    if (data[i] == delimiter_) {
      ++i;
      continue;
    }
    // end of record: \n, \r\n or \r
    if (data[i] == '\r') {
      if (i + 1 >= end_ && !eof_) return false;
      ++i;
      if (i < end_ && data[i] == '\n') ++i;
    } else {
      ++i;
    }
    pos_ = i;
    next_row_ += newlines;
    return true;
  }
}

bool CsvRecordReader::next(std::vector<std::string>& fields) {
  for (;;) {
    if (pos_ >= end_ && !fill()) return false;
    std::size_t count = 0;
    long long start_row = next_row_;
    if (!parse_record(fields, count)) {
      if (!fill()) eof_ = true;
      continue;
    }
    row_ = start_row;
    ++next_row_;
    fields.resize(count);
    if (count == 1 && fields[0].empty()) continue;  // blank line
    return true;
  }
}

}  // namespace peta
