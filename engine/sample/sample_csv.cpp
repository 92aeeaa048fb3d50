// write_sample_csv: the sample as RFC 4180 CSV, streamed through a buffer, written to a temporary name then renamed.
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>

#include "core/atomic_write.hpp"
#include "core/error.hpp"
#include "sample/sample_generator.hpp"

namespace peta {
namespace {
constexpr std::size_t kFlushAt = 1 << 20;

bool needs_quotes(std::string_view field) {
  for (char ch : field)
    if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') return true;
  return false;
}

void append_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char ch : field) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  out.push_back('"');
}

// Fixed notation with 7 decimals; std::to_chars is exactly specified, so the text is the same everywhere.
void append_degrees(std::string& out, double value) {
  char text[64];
  auto result = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 7);
  out.append(text, result.ptr);
}

struct FileCloser {
  void operator()(std::FILE* f) const { if (f) std::fclose(f); }
};

std::string system_error() { return std::strerror(errno); }
}  // namespace

void write_sample_csv(const Boundaries& boundaries, const SampleOptions& options, const std::string& path) {
  write_via_temporary(path, [&](const std::string& tmp) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(tmp.c_str(), "wb"));
    if (!file) throw Error("cannot create '" + tmp + "': " + system_error());

    std::string buffer;
    buffer.reserve(kFlushAt + 4096);
    bool write_failed = false;
    auto flush = [&] {
      if (!buffer.empty() && std::fwrite(buffer.data(), 1, buffer.size(), file.get()) != buffer.size())
        write_failed = true;
      buffer.clear();
    };
    buffer.append("id,lon,lat,kategori,tanggal,tingkat,keterangan\n");
    generate_sample(boundaries, options, [&](const SamplePoint& p) {
      append_field(buffer, p.id);
      buffer.push_back(',');
      append_degrees(buffer, p.lonlat.x);
      buffer.push_back(',');
      append_degrees(buffer, p.lonlat.y);
      buffer.push_back(',');
      append_field(buffer, p.category);
      buffer.push_back(',');
      append_field(buffer, p.date);
      buffer.push_back(',');
      append_field(buffer, p.severity);
      buffer.push_back(',');
      append_field(buffer, p.note);
      buffer.push_back('\n');
      if (buffer.size() >= kFlushAt) flush();
    });
    flush();
    const bool close_failed = std::fclose(file.release()) != 0;
    if (write_failed || close_failed) throw Error("cannot write '" + tmp + "': " + system_error());
  });
}

}  // namespace peta
