#pragma once
// Which styles a layer gets, by field-name pattern, and the values they need from the data.
//
// Default style (the one a layer opens with):
//   - a polygon layer with n_total: graduated colours on n_total (class breaks from the data,
//     see class_breaks.hpp), legend "0", "1–2", ...; labels on `nama` (desa up to 1:150,000, other
//     layers up to 1:750,000);
//   - the kabupaten layer: its outline only;
//   - a layer with kat_kode (the findings): one colour per category found;
//   - a layer with alasan (the rejects): one colour per rejection reason found;
//   - anything else: one symbol.
// Further styles, offered in QGIS's style manager (the GeoPackage's layer_styles and the project):
//   - "Batas wilayah": polygon outlines only;
//   - n_<category>: graduated counts of one category;
//   - eb_<category> (real): graduated Empirical Bayes rates;
//   - gi_bin_<category> (integer -3..3): Gi* hot and cold spots, 7 classes red–white–blue;
//   - lisa_q_<category> (integer 0..4): Local Moran quadrants, 1 = HH, 2 = LH, 3 = LL, 4 = HL,
//     0 = not significant;
//   - tren_<category> (text): emerging hot spot classes, 17 categories with Indonesian legend labels.
//   - desa layer: "Titik buta: desa tanpa temuan", the desa with n_total = 0 (coverage blind spots); the
//     titik_buta layer (those desa alone, output.layers "titik_buta") opens in the same colour.
//   - desa profile fields (engine/profile), marked by their unit: kProfileNumberUnit graduated in Jenks classes,
//     kProfileClassUnit categorized (the IDM statuses Sangat Tertinggal .. Mandiri in their order, red to green);
//     `matriks` (the problem–potential matrix) in its four fixed colours; the matriks layer opens with it.
// Gi*, LISA and trend styles appear only when such fields exist.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "output/layer.hpp"
#include "output/qml_style.hpp"

namespace peta {

// What the styles of one layer need to know about its data, gathered while it is written.
class StyleObserver {
 public:
  explicit StyleObserver(const LayerSchema& schema);
  void observe(const Feature& feature);

  const std::vector<double>& numbers(const std::string& field) const;
  const std::set<std::string>& texts(const std::string& field) const;
  const Box& extent() const { return extent_; }  // lon/lat
  std::size_t feature_count() const { return features_; }

 private:
  std::vector<std::pair<std::size_t, std::string>> numeric_;  // field index, name
  std::vector<std::pair<std::size_t, std::string>> textual_;
  std::map<std::string, std::vector<double>> numbers_;
  std::map<std::string, std::set<std::string>> texts_;
  Box extent_;
  std::size_t features_ = 0;
};

// Every style of a layer; the first is its default.
std::vector<LayerStyle> layer_styles(const LayerSchema& schema, const StyleObserver& data);

// The index in `styles` of the style named `name`, or 0.
std::size_t style_index(const std::vector<LayerStyle>& styles, const std::string& name);

// The graduated ranges (with colours) the styles give counts: "0" grey, then YlOrRd Jenks classes.
std::vector<RangeSpec> count_ranges(const std::vector<double>& values);
// The 7 Gi* bins (value "3".."-3") with their Indonesian labels and ColorBrewer RdBu colours.
std::vector<CategorySpec> gi_bin_classes();
// The 17 emerging hot spot classes (values of tren_<kategori>, "panas_baru" ...), hot first, "tidak_ada_pola"
// last, with their Indonesian labels and colours (the QGIS style and the report's maps).
std::vector<CategorySpec> trend_classes();

// The problem–potential matrix classes (values of `matriks`), in the order of the matriks layer's `kuadran` 0..3,
// then "" for no data, with their Indonesian labels and colours (the QGIS style and the report's map).
std::vector<CategorySpec> matrix_classes();

inline constexpr const char* kOutlineStyleName = "Batas wilayah";
// The units that mark a desa profile field for its style (engine/profile/profile_layer_fields.hpp).
inline constexpr const char* kProfileNumberUnit = "profil";
inline constexpr const char* kProfileClassUnit = "profil (kelas)";
inline constexpr const char* kMatrixField = "matriks";

}  // namespace peta
