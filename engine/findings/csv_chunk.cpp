#include "findings/csv_chunk.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/error.hpp"

namespace peta {

bool CsvChunkCursor::next(RowCells& cells) {
  const bool* stop = stop_;
  const std::string& s = chunk_.bytes;
  const char* data = s.data();
  const std::size_t end = s.size();
  for (;;) {
    if (pos_ >= end) return false;
    cells.clear();
    std::size_t i = pos_;
    long long newlines = 0;
    for (;;) {
      if (i < end && data[i] == '"') {  // quoted field
        ++i;
        for (;;) {
          const char* q = static_cast<const char*>(std::memchr(data + i, '"', end - i));
          std::size_t qi = q ? static_cast<std::size_t>(q - data) : end;
          newlines += std::count(data + i, data + qi, '\n');
          cells.append(std::string_view(data + i, qi - i));
          if (!q) {  // unterminated quote at the end: take the rest
            i = end;
            break;
          }
          if (qi + 1 < end && data[qi + 1] == '"') {
            cells.append('"');
            i = qi + 2;
            continue;
          }
          i = qi + 1;
          break;
        }
        // text between the closing quote and the delimiter is kept, as spreadsheets do
        std::size_t start = i;
        while (i < end && !stop[static_cast<unsigned char>(data[i])]) ++i;
        cells.append(std::string_view(data + start, i - start));
      } else {
        std::size_t start = i;
        while (i < end && !stop[static_cast<unsigned char>(data[i])]) ++i;
        cells.append(std::string_view(data + start, i - start));
      }
      cells.close_cell();
      if (i < end && data[i] == delimiter_) {
        ++i;
        continue;
      }
      if (i < end && data[i] == '\r') ++i;
      if (i < end && data[i] == '\n') ++i;
      break;
    }
    pos_ = i;
    row_ = next_row_;
    next_row_ += newlines + 1;
    if (cells.size() == 1 && cells[0].empty()) continue;  // blank line
    return true;
  }
}

bool CsvChunkCursor::next(std::vector<std::string>& fields) {
  if (!next(cells_)) return false;
  fields.resize(cells_.size());
  for (std::size_t i = 0; i < cells_.size(); ++i) fields[i].assign(cells_[i]);
  return true;
}

CsvChunkReader::CsvChunkReader(const std::string& path, char delimiter, std::size_t chunk_bytes)
    : path_(path), chunk_bytes_(chunk_bytes) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) throw Error("cannot open findings file '" + path + "': " + std::strerror(errno));
  std::error_code ec;
  file_size_ = static_cast<long long>(std::filesystem::file_size(path, ec));
  read_into(pending_);
  if (pending_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    pending_.erase(0, 3);
    bytes_handed_ += 3;
  }
  // The header is the first record (a quoted header name may hold a newline).
  std::size_t header_end = std::string::npos;
  for (;;) {
    bool quoted = false;
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      char c = pending_[i];
      if (c == '"') quoted = !quoted;
      else if (!quoted && c == '\n') {
        header_end = i + 1;
        break;
      }
    }
    if (header_end != std::string::npos || !read_into(pending_)) break;
  }
  if (header_end == std::string::npos) header_end = pending_.size();
  if (delimiter) {
    delimiter_ = delimiter;
  } else {  // more ';' than ',' outside quotes in the header means semicolon-separated
    std::size_t commas = 0, semis = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < header_end; ++i) {
      char c = pending_[i];
      if (c == '"') quoted = !quoted;
      else if (!quoted && c == ',') ++commas;
      else if (!quoted && c == ';') ++semis;
    }
    delimiter_ = semis > commas ? ';' : ',';
  }
  CsvChunk first{pending_.substr(0, header_end), 1};
  CsvChunkCursor cursor(first, delimiter_);
  if (!cursor.next(header_)) throw Error("findings file '" + path + "' is empty: no header row");
  for (auto& h : header_) {
    auto b = h.find_first_not_of(" \t");
    auto e = h.find_last_not_of(" \t");
    h = b == std::string::npos ? std::string() : h.substr(b, e - b + 1);
  }
  pending_row_ = 1 + std::count(first.bytes.begin(), first.bytes.end(), '\n');
  pending_.erase(0, header_end);
  bytes_handed_ += static_cast<long long>(header_end);
}

CsvChunkReader::~CsvChunkReader() {
  if (file_) std::fclose(file_);
}

double CsvChunkReader::progress() const {
  return file_size_ > 0 ? std::min(1.0, static_cast<double>(bytes_handed_) / static_cast<double>(file_size_)) : 1.0;
}

bool CsvChunkReader::read_into(std::string& buffer) {
  if (eof_) return false;
  std::size_t old = buffer.size();
  buffer.resize(old + chunk_bytes_);
  std::size_t got = std::fread(buffer.data() + old, 1, chunk_bytes_, file_);
  buffer.resize(old + got);
  if (got < chunk_bytes_) eof_ = true;
  return got > 0;
}

namespace {

// The end of the last whole record in data[0..n): one past the last '\n' outside quotes, or npos.
// A '\n' is outside quotes when the quotes before it are even in number (a doubled quote inside a quoted
// field counts twice); text starts outside quotes, since every chunk starts on a record boundary.
std::size_t last_record_end(const char* data, std::size_t n) {
  std::size_t quotes_before = static_cast<std::size_t>(std::count(data, data + n, '"'));
  std::size_t end = n;
  while (end > 0) {
    const void* nl = memrchr(data, '\n', end);
    if (!nl) return std::string::npos;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(nl) - data);
    quotes_before -= static_cast<std::size_t>(std::count(data + at + 1, data + end, '"'));
    if (quotes_before % 2 == 0) return at + 1;
    end = at;
  }
  return std::string::npos;
}

}  // namespace

bool CsvChunkReader::next(CsvChunk& chunk) {
  // The chunk gets what is pending (the start of a record, usually short), then the file is read straight
  // into it; what follows its last whole record becomes the pending text of the next chunk.
  std::string& bytes = chunk.bytes;
  bytes.assign(pending_);
  pending_.clear();
  std::size_t cut = std::string::npos;
  for (;;) {
    if (bytes.size() < chunk_bytes_) read_into(bytes);
    if (eof_) {
      cut = bytes.size();
      break;
    }
    cut = last_record_end(bytes.data(), bytes.size());
    if (cut != std::string::npos) break;
    if (!read_into(bytes)) {  // a record longer than a chunk: read on
      cut = bytes.size();
      break;
    }
  }
  if (cut == 0 && bytes.empty()) return false;
  pending_.assign(bytes, cut, std::string::npos);
  bytes.resize(cut);
  chunk.first_row = pending_row_;
  pending_row_ += std::count(bytes.begin(), bytes.end(), '\n');
  bytes_handed_ += static_cast<long long>(cut);
  return !bytes.empty();
}

}  // namespace peta
