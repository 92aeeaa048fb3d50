#include "output/gpkg_layer_styles.hpp"
#include "core/gdal_init.hpp"

#include <gdal_priv.h>

#include "core/error.hpp"
#include "output/ogr_feature_conversion.hpp"

namespace peta::output_detail {

void write_gpkg_layer_styles(const std::string& path, const std::vector<StoredStyle>& styles) {
  if (styles.empty()) return;
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
  const std::string where = path + ", layer layer_styles";
  if (!ds) throw Error(path + ": cannot reopen to add the styles: " + CPLGetLastErrorMsg());
  const char* options[] = {"FID=id", nullptr};
  OGRLayer* layer = ds->CreateLayer("layer_styles", nullptr, wkbNone, const_cast<char**>(options));
  if (!layer) throw Error(where + ": cannot create: " + CPLGetLastErrorMsg());
  // The columns and widths QGIS uses (styleName left unbounded: peta's names may exceed 30 characters).
  struct Column { const char* name; OGRFieldType type; int width; };
  const Column columns[] = {{"f_table_catalog", OFTString, 256}, {"f_table_schema", OFTString, 256},
                            {"f_table_name", OFTString, 256},    {"f_geometry_column", OFTString, 256},
                            {"styleName", OFTString, 0},         {"styleQML", OFTString, 0},
                            {"styleSLD", OFTString, 0},          {"useAsDefault", OFTInteger, 0},
                            {"description", OFTString, 0},       {"owner", OFTString, 30},
                            {"ui", OFTString, 30},               {"update_time", OFTDateTime, 0}};
  for (const auto& c : columns) {
    OGRFieldDefn defn(c.name, c.type);
    defn.SetWidth(c.width);
    if (c.type == OFTInteger) defn.SetSubType(OFSTBoolean);
    if (c.type == OFTDateTime) defn.SetDefault("CURRENT_TIMESTAMP");
    if (layer->CreateField(&defn) != OGRERR_NONE) throw Error(where + ": cannot create field " + c.name);
  }
  if (ds->StartTransaction(FALSE) != OGRERR_NONE) throw Error(where + ": cannot start a transaction");
  for (const auto& s : styles) {
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("f_table_catalog", "");
    f.SetField("f_table_schema", "");
    f.SetField("f_table_name", s.table.c_str());
    f.SetField("f_geometry_column", s.geometry_column.c_str());
    f.SetField("styleName", s.style.name.c_str());
    f.SetField("styleQML", qml_document(s.style, FieldNaming::full).c_str());
    f.SetField("styleSLD", "");
    f.SetField("useAsDefault", s.is_default ? 1 : 0);
    f.SetField("description", s.style.description.c_str());
    f.SetField("owner", "");
    if (layer->CreateFeature(&f) != OGRERR_NONE)
      throw Error(where + ": cannot write style " + s.style.name + ": " + CPLGetLastErrorMsg());
  }
  if (ds->CommitTransaction() != OGRERR_NONE) throw Error(where + ": cannot commit: " + CPLGetLastErrorMsg());
}

}  // namespace peta::output_detail
