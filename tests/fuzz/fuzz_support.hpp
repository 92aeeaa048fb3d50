#pragma once
// Helpers shared by the libFuzzer targets in tests/fuzz (README, "Fuzzing and sanitizers").
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace peta::fuzz {

// A broken invariant: print it and abort, so that libFuzzer saves the input as a crash.
[[noreturn]] inline void fail(const char* what, const std::string& detail = {}) {
  std::fprintf(stderr, "peta fuzz invariant broken: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
  std::abort();
}
#define PETA_FUZZ_CHECK(cond, detail) \
  do {                                \
    if (!(cond)) ::peta::fuzz::fail(#cond, detail); \
  } while (0)

// A file of this process (in TMPDIR, else /tmp) rewritten with each input, for readers that take a path.
inline const std::string& scratch_path(const char* name) {
  static const std::string path = [&] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/peta-fuzz-" + std::to_string(::getpid()) + "-" + name;
  }();
  return path;
}

inline void write_file(const std::string& path, std::string_view bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) fail("cannot write the scratch file", path);
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) fail("short write", path);
  std::fclose(f);
}

// Cuts the fuzzer's bytes into parts at a separator byte (0x1F, unit separator), so a target gets several
// strings; missing parts are empty.
inline std::string_view part(std::string_view data, int index) {
  for (int i = 0; i < index; ++i) {
    std::size_t at = data.find('\x1f');
    if (at == std::string_view::npos) return {};
    data.remove_prefix(at + 1);
  }
  return data.substr(0, data.find('\x1f'));
}

}  // namespace peta::fuzz
