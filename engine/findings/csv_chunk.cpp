#include "findings/csv_chunk.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "core/error.hpp"

namespace peta {

namespace {

// How a quoted field that opens at data[open] (a '"') ends, read as CsvChunkCursor reads it. The cursor
// and the chunk boundary search both use this, so they always agree on where records end.
struct QuotedField {
  enum class End { closed, unclosed, undecided };
  End end = End::undecided;
  std::size_t close = 0;     // closed: index of the closing quote
  std::size_t newlines = 0;  // line breaks inside the field
};

// `complete`: data[0..n) runs to the end of the input (else more may follow, and a field still open at n,
// or a quote as the last byte, is undecided).
QuotedField scan_quoted(const char* data, std::size_t n, std::size_t open, char delimiter, bool complete) {
  QuotedField f;
  std::size_t i = open + 1;
  for (;;) {
    const char* q = i < n ? static_cast<const char*>(std::memchr(data + i, '"', n - i)) : nullptr;
    const std::size_t qi = q ? static_cast<std::size_t>(q - data) : n;
    f.newlines += static_cast<std::size_t>(std::count(data + i, data + qi, '\n'));
    if (f.newlines > kMaxQuotedFieldLines) {
      f.end = QuotedField::End::unclosed;
      return f;
    }
    if (!q) {
      f.end = complete ? QuotedField::End::unclosed : QuotedField::End::undecided;
      return f;
    }
    if (qi + 1 == n) {  // a quote as the last byte: closing, unless a doubled quote continues past n
      f.end = complete ? QuotedField::End::closed : QuotedField::End::undecided;
      f.close = qi;
      return f;
    }
    const char after = data[qi + 1];
    if (after == '"') {  // a doubled quote: one quote of text
      i = qi + 2;
      continue;
    }
    f.end = (f.newlines > 0 && after != delimiter && after != '\r' && after != '\n') ? QuotedField::End::unclosed
                                                                                       : QuotedField::End::closed;
    f.close = qi;
    return f;
  }
}

}  // namespace

// Line breaks in [b, e) as a text editor shows them, which is what the row numbers count: LF, CRLF, and a CR
// alone (old Mac line ends). The chunk reader counts the rows of whole chunks with it and the cursor the rows of
// each record, so row numbers agree however the file is cut. A CR as the last byte counts (chunks end after LF).
static long long count_line_breaks(const char* b, const char* e) {
  long long n = std::count(b, e, '\n');
  for (const char* c = b; (c = static_cast<const char*>(std::memchr(c, '\r', static_cast<std::size_t>(e - c)))); ++c)
    if (c + 1 == e || c[1] != '\n') ++n;
  return n;
}

char csv_delimiter_of(std::string_view text) {
  std::size_t commas = 0, semis = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) break;
    else if (!quoted && c == ',') ++commas;
    else if (!quoted && c == ';') ++semis;
  }
  return semis > commas ? ';' : ',';
}

// What a file that should be CSV text really is, from its first bytes; empty when it may be text.
static std::string binary_kind(const std::string& head) {
  auto starts = [&](std::string_view magic) { return head.compare(0, magic.size(), magic) == 0; };
  if (starts("PK\x03\x04") || starts("PK\x05\x06")) {
    if (head.find("xl/") != std::string::npos || head.find("[Content_Types].xml") != std::string::npos)
      return "an Excel workbook (XLSX, a ZIP archive)";
    return "a ZIP archive";
  }
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return "an old Excel workbook (XLS)";
  if (starts(std::string_view("SQLite format 3\0", 16))) return "an SQLite database (a GeoPackage?)";
  if (starts("%PDF")) return "a PDF document";
  if (starts("\x1F\x8B")) return "a gzip archive";
  if (starts("\x89PNG") || starts("\xFF\xD8\xFF")) return "a picture";
  return {};
}

bool CsvChunkCursor::next(RowCells& cells) {
  const bool* stop = stop_;
  const std::string& s = chunk_.bytes;
  const char* data = s.data();
  const std::size_t end = s.size();
  broken_ = false;
  for (;;) {
    if (pos_ >= end) return false;
    cells.clear();
    std::size_t i = pos_;
    long long newlines = 0;
    for (;;) {
      if (i < end && data[i] == '"') {  // quoted field
        const QuotedField f = scan_quoted(data, end, i, delimiter_, true);
        if (f.end != QuotedField::End::closed) {
          // never closed: the record ends with the line where the quote opened
          broken_ = true;
          broken_quote_row_ = next_row_ + newlines;
          broken_cell_ = cells.size();
          const char* nl = static_cast<const char*>(std::memchr(data + i, '\n', end - i));
          std::size_t line_end = nl ? static_cast<std::size_t>(nl - data) : end;
          newlines += count_line_breaks(data + i, data + line_end);  // lone CRs inside the cut line
          if (line_end > i && data[line_end - 1] == '\r' && nl) --newlines;  // the CR of its CRLF is not one
          std::size_t text_end = line_end > i + 1 && data[line_end - 1] == '\r' ? line_end - 1 : line_end;
          cells.append(std::string_view(data + i + 1, text_end > i + 1 ? text_end - i - 1 : 0));
          cells.close_cell();
          i = nl ? line_end + 1 : end;
          break;
        }
        newlines += count_line_breaks(data + i, data + f.close);
        ++i;
        while (i < f.close) {  // the text, with doubled quotes made single
          const char* q = static_cast<const char*>(std::memchr(data + i, '"', f.close - i));
          const std::size_t qi = q ? static_cast<std::size_t>(q - data) : f.close;
          cells.append(std::string_view(data + i, qi - i));
          if (!q) break;
          cells.append('"');
          i = qi + 2;
        }
        i = f.close + 1;
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
    if (!broken_ && cells.size() == 1 && cells[0].empty()) continue;  // blank line
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
  // Enough bytes to recognise a binary file and a whole BOM, however small the chunks.
  while (pending_.size() < 64 && read_into(pending_)) {
  }
  if (std::string what = binary_kind(pending_); !what.empty())
    throw Error("findings file '" + path + "' is " + what + ", not CSV text: save it as CSV (or give it its real " +
                "extension)");
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
  delimiter_ = delimiter ? delimiter : csv_delimiter_of(std::string_view(pending_).substr(0, header_end));
  CsvChunk first{pending_.substr(0, header_end), 1};
  CsvChunkCursor cursor(first, delimiter_);
  if (!cursor.next(header_)) throw Error("findings file '" + path + "' is empty: no header row");
  // The header record may end before the first LF (a lone CR): what follows it is data.
  header_end = cursor.consumed();
  for (auto& h : header_) {
    auto b = h.find_first_not_of(" \t");
    auto e = h.find_last_not_of(" \t");
    h = b == std::string::npos ? std::string() : h.substr(b, e - b + 1);
  }
  pending_row_ = 1 + count_line_breaks(pending_.data(), pending_.data() + header_end);
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

// The end of the last whole record in data[0..n): one past the last '\n' outside quoted fields, or npos.
// data starts on a record boundary. The text is walked forwards quote by quote, exactly as CsvChunkCursor
// reads it: a quote opens a quoted field only right after a delimiter, a line break or at the start (a
// stray `2"` inside a field is text, which a count of quotes would take for an open field), and unclosed
// quotes end as the cursor ends them. `outside` receives the stretches outside quoted fields.
std::size_t last_record_end(const char* data, std::size_t n, char delimiter,
                            std::vector<std::pair<std::size_t, std::size_t>>& outside) {
  outside.clear();
  std::size_t segment = 0, i = 0;
  for (;;) {
    const char* q = i < n ? static_cast<const char*>(std::memchr(data + i, '"', n - i)) : nullptr;
    if (!q) {
      outside.emplace_back(segment, n);
      break;
    }
    const std::size_t qi = static_cast<std::size_t>(q - data);
    if (qi != 0) {
      const char before = data[qi - 1];
      if (before != delimiter && before != '\n' && before != '\r') {  // a quote inside a field: text
        i = qi + 1;
        continue;
      }
    }
    outside.emplace_back(segment, qi);
    const QuotedField f = scan_quoted(data, n, qi, delimiter, false);
    if (f.end == QuotedField::End::undecided) break;
    if (f.end == QuotedField::End::closed) {
      segment = i = f.close + 1;
      continue;
    }
    // unclosed (it spans a line break, so there is one): the record ends with the line of the quote
    const char* nl = static_cast<const char*>(std::memchr(data + qi, '\n', n - qi));
    segment = i = static_cast<std::size_t>(nl - data);
  }
  for (auto it = outside.rbegin(); it != outside.rend(); ++it) {
    if (it->second <= it->first) continue;
    const void* nl = memrchr(data + it->first, '\n', it->second - it->first);
    if (nl) return static_cast<std::size_t>(static_cast<const char*>(nl) - data) + 1;
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
    cut = last_record_end(bytes.data(), bytes.size(), delimiter_, outside_);
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
  pending_row_ += count_line_breaks(bytes.data(), bytes.data() + bytes.size());
  bytes_handed_ += static_cast<long long>(cut);
  return !bytes.empty();
}

}  // namespace peta
