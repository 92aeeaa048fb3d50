#pragma once

namespace peta {

// Registers GDAL's drivers once per process and routes GDAL's messages quietly; every reader and
// writer calls it before opening a data source.
void ensure_gdal_registered();

}  // namespace peta
