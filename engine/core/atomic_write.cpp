#include "core/atomic_write.hpp"

#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "core/error.hpp"

namespace peta {

std::string temporary_name_for(const std::string& path) {
  const std::filesystem::path p(path);
  // Built by appends: `"." + s + ...` trips GCC 12's -Wrestrict false positive (GCC bug 105329).
  std::string name = ".";
  name += p.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  return (p.parent_path() / name).string();
}

void write_via_temporary(const std::string& path, const std::function<void(const std::string&)>& write) {
  const std::string tmp = temporary_name_for(path);
  try {
    write(tmp);
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw Error("cannot rename '" + tmp + "' to '" + path + "': " + ec.message());
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  write_via_temporary(path, [&](const std::string& tmp) {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error("cannot write '" + tmp + "': " + std::strerror(errno));
    fill(out);
    out.flush();
    if (!out) throw Error("cannot write '" + tmp + "': " + std::strerror(errno));
  });
}

}  // namespace peta
