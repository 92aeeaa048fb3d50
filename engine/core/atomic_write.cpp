#include "core/atomic_write.hpp"

#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "core/error.hpp"

namespace peta {

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  try {
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) throw Error("cannot write '" + tmp + "': " + std::strerror(errno));
      fill(out);
      out.flush();
      if (!out) throw Error("cannot write '" + tmp + "': " + std::strerror(errno));
    }
    std::filesystem::rename(tmp, path);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
}

}  // namespace peta
