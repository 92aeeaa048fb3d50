#include "geocode/code_list.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <sstream>

#include "core/error.hpp"
#include "core/gdal_init.hpp"

namespace peta {
namespace {

bool ends_with_csv(const std::string& path) {
  if (path.size() < 4) return false;
  std::string tail = path.substr(path.size() - 4);
  for (char& c : tail) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return tail == ".csv";
}

std::vector<WilayahRow> read_layer(const std::string& path) {
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds || ds->GetLayerCount() < 1) throw Error("cannot open code list '" + path + "' as a vector layer");
  OGRLayer* layer = ds->GetLayer(0);
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  auto field = [&](const char* name) { return defn->GetFieldIndex(name); };
  const int kode = field("kode"), nama = field("nama");
  if (kode < 0 || nama < 0)
    throw Error(path + ": the code list layer needs the fields 'kode' and 'nama'");
  const int jenis = field("jenis"), nama_kec = field("nama_kec"), nama_kab = field("nama_kab"),
            nama_lama = field("nama_lama");
  layer->SetIgnoredFields(std::vector<const char*>{"OGR_GEOMETRY", nullptr}.data());
  std::vector<WilayahRow> rows;
  std::map<std::string, std::string> kecamatan, kabupaten;  // code -> name
  std::int64_t row = 0;
  for (auto& f : *layer) {
    ++row;
    auto text = [&](int i) { return i >= 0 && f->IsFieldSetAndNotNull(i) ? std::string(f->GetFieldAsString(i)) : ""; };
    auto code = AdminCode::parse(text(kode));
    if (!code) throw Error(path + ": feature " + std::to_string(row) + ", field 'kode': " + quote(text(kode)) +
                           " is not a Kemendagri code");
    if (code->level() != AdminLevel::desa) continue;
    WilayahRow r{row, *code, text(nama), "desa_kelurahan", text(jenis), text(nama_kec), {}, std::nullopt};
    std::stringstream parts(text(nama_lama));
    for (std::string part; std::getline(parts, part, ';');)
      if (!part.empty()) r.old_names.push_back(part);
    if (r.name.empty()) throw Error(path + ": feature " + std::to_string(row) + ", field 'nama': empty name for " +
                                    code->dotted());
    kecamatan.emplace(code->parent()->dotted(), r.kecamatan_name);
    kabupaten.emplace(code->at(AdminLevel::kabupaten).dotted(), text(nama_kab));
    rows.push_back(std::move(r));
  }
  for (const auto& [code, name] : kabupaten) {
    WilayahRow r{0, *AdminCode::parse(code), name.empty() ? code : name, "kabupaten", "", "", {}, std::nullopt};
    rows.push_back(std::move(r));
  }
  for (const auto& [code, name] : kecamatan) {
    WilayahRow r{0, *AdminCode::parse(code), name.empty() ? code : name, "kecamatan", "", "", {}, std::nullopt};
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

std::vector<WilayahRow> read_code_list(const std::string& path) {
  return ends_with_csv(path) ? read_wilayah_csv(path) : read_layer(path);
}

}  // namespace peta
