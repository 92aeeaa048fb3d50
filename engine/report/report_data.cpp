#include "report/report_data.hpp"

#include <filesystem>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "core/layer_fields.hpp"
#include "project/project_settings.hpp"

namespace peta::report {
namespace {

int yyyymmdd(const std::string& text) {
  std::string digits;
  for (char c : text)
    if (c >= '0' && c <= '9') digits += c;
  return digits.size() >= 8 ? std::stoi(digits.substr(0, 8)) : 0;
}

// The findings' first and last date (the temuan layer's tanggal), by SQL in the GeoPackage.
std::pair<int, int> date_range(const std::string& gpkg) {
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) return {0, 0};
  OGRLayer* temuan = ds->GetLayerByName("temuan");
  if (!temuan || temuan->GetLayerDefn()->GetFieldIndex("tanggal") < 0) return {0, 0};
  OGRLayer* sql = ds->ExecuteSQL("SELECT MIN(tanggal), MAX(tanggal) FROM temuan WHERE tanggal IS NOT NULL", nullptr,
                                 nullptr);
  if (!sql) return {0, 0};
  std::pair<int, int> range{0, 0};
  if (OGRFeature* f = sql->GetNextFeature()) {
    range = {yyyymmdd(f->GetFieldAsString(0)), yyyymmdd(f->GetFieldAsString(1))};
    OGRFeature::DestroyFeature(f);
  }
  ds->ReleaseResultSet(sql);
  return range;
}

bool has_layer(const std::string& gpkg, const char* name) {
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  return ds && ds->GetLayerByName(name);
}

}  // namespace

std::string ReportData::kabupaten_name() const {
  if (!kabupaten.units.empty() && !kabupaten.units.front().nama.empty()) return kabupaten.units.front().nama;
  return "Kabupaten";
}

ReportData load_report_data(const ProjectSettings& settings, const std::string& gpkg, const std::string& as_of) {
  ReportData d;
  d.project_name = settings.name;
  d.gpkg = gpkg;
  if (d.gpkg.empty()) {
    if (!settings.output.geopackage)
      throw Error(settings.file + ": output.formats has no geopackage; peta report reads the GeoPackage (or give --gpkg)");
    d.gpkg = (std::filesystem::path(settings.output.folder) / settings.output.geopackage_name).string();
  }
  if (!std::filesystem::exists(d.gpkg))
    throw Error(d.gpkg + " does not exist: run `peta build " + settings.file + "` first");
  d.desa = render::read_map_layer(d.gpkg, "desa");
  d.kecamatan = render::read_map_layer(d.gpkg, "kecamatan");
  if (has_layer(d.gpkg, "kabupaten")) d.kabupaten = render::read_map_layer(d.gpkg, "kabupaten");
  if (has_layer(d.gpkg, "matriks")) {
    for (const auto& u : render::read_map_layer(d.gpkg, "matriks").units)
      if (auto q = u.number("kuadran")) d.matrix[u.kode] = static_cast<int>(*q);
    if (settings.profile.matrix) d.matrix_potential = settings.profile.matrix->potential;
  }
  for (const auto& a : settings.indicator_statistics)
    if (d.desa.has_field("mz_" + a.key) && d.desa.has_field("mlag_" + a.key)) d.indicators.push_back(a);
  for (const auto& c : settings.categories.categories())
    if (d.desa.has_field(layer_field::count_of(c.code))) d.categories.push_back(c);
  d.k = settings.privacy.k;
  d.public_profile = settings.privacy.public_profile;
  std::tie(d.date_min, d.date_max) = date_range(d.gpkg);
  auto name_of = [](const std::string& p) { return std::filesystem::path(p).filename().string(); };
  if (settings.boundaries.kabupaten) d.boundary_sources.push_back(name_of(settings.boundaries.kabupaten->path));
  if (settings.boundaries.kecamatan) d.boundary_sources.push_back(name_of(settings.boundaries.kecamatan->path));
  d.boundary_sources.push_back(name_of(settings.boundaries.desa.path));
  for (const auto& f : settings.findings) d.finding_sources.push_back(name_of(f.path));
  d.time = read_report_time(d.gpkg, d.categories, d.public_profile);
  d.store = read_report_store(settings, settings.categories.categories(), as_of);
  return d;
}

}  // namespace peta::report
