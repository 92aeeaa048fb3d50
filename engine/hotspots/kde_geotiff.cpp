// GeoTIFF output of the kernel density raster (GDAL stays inside this file).
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/atomic_write.hpp"
#include "core/crs.hpp"
#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "hotspots/kde.hpp"

namespace peta {

namespace {

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

void write_to(const DensityRaster& r, const std::string& tmp, const std::string& path) {
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!driver) throw Error("cannot write '" + path + "': GDAL has no GTiff driver");
  char** options = nullptr;
  options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
  options = CSLSetNameValue(options, "PREDICTOR", "3");
  options = CSLSetNameValue(options, "TILED", "YES");
  std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(
      driver->Create(tmp.c_str(), r.cols, r.rows, 1, GDT_Float32, options),
      [](GDALDataset* d) { GDALClose(GDALDataset::ToHandle(d)); });
  CSLDestroy(options);
  if (!ds) throw Error("cannot write '" + path + "': " + CPLGetLastErrorMsg());
  auto gt = r.geotransform();
  OGRSpatialReference srs;
  srs.SetFromUserInput(kMetricCrs);
  if (ds->SetGeoTransform(gt.data()) != CE_None || ds->SetSpatialRef(&srs) != CE_None)
    throw Error("cannot write '" + path + "': " + CPLGetLastErrorMsg());
  ds->SetMetadataItem("KERNEL", "quartic (biweight), 3/(pi h^2) (1 - d^2/h^2)^2");
  ds->SetMetadataItem("BANDWIDTH_M", number(r.bandwidth).c_str());
  ds->SetMetadataItem("CELL_SIZE_M", number(r.cell_size).c_str());
  ds->SetMetadataItem("POINT_COUNT", std::to_string(r.point_count).c_str());
  GDALRasterBand* band = ds->GetRasterBand(1);
  band->SetDescription("kepadatan (titik per km2)");
  band->SetUnitType("points/km2");
  std::vector<float> row(std::size_t(r.cols));
  for (int y = 0; y < r.rows; ++y) {
    const double* in = r.values.data() + std::size_t(y) * std::size_t(r.cols);
    for (int x = 0; x < r.cols; ++x) row[std::size_t(x)] = float(in[x]);
    if (band->RasterIO(GF_Write, 0, y, r.cols, 1, row.data(), r.cols, 1, GDT_Float32, 0, 0, nullptr) != CE_None)
      throw Error("cannot write '" + path + "': " + CPLGetLastErrorMsg());
  }
  // GDAL 3.6 has no GDALDataset::Close(): close, then look at the error state it left.
  CPLErrorReset();
  GDALClose(GDALDataset::ToHandle(ds.release()));
  if (CPLGetLastErrorType() >= CE_Failure) throw Error("cannot write '" + path + "': " + CPLGetLastErrorMsg());
}

}  // namespace

void write_density_geotiff(const DensityRaster& r, const std::string& path) {
  ensure_gdal_registered();
  if (r.cols <= 0 || r.rows <= 0) throw Error("cannot write '" + path + "': the density raster is empty");
  write_via_temporary(path, [&](const std::string& tmp) { write_to(r, tmp, path); });
}

}  // namespace peta
