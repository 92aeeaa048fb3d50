#include "core/gdal_init.hpp"

#include <mutex>

#include <gdal.h>

namespace peta {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

}  // namespace peta
