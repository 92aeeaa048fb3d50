#pragma once
// The profile's fields on the desa and kecamatan layers (every format), and the matriks layer.
//   - one field per profile field, named as the table's column; type integer, real or text as the profile found
//     it; its shapefile name made by output/short_names.hpp, unique against the layer's other fields; its
//     Indonesian and English descriptions (the data dictionary and the QGIS aliases) name the table;
//   - the unit marks it for the QGIS styles (output/style_rules.hpp): kProfileNumberUnit graduated,
//     kProfileClassUnit categorized;
//   - in the public profile, fields listed as "sensitif" are left out;
//   - with a matrix, the desa layer also gets `laju_masalah` (the problem rate) and `matriks` (the class).
// A profile field named like a field the layer already has is an error naming both.
#include <optional>
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "output/layer.hpp"
#include "output/style_rules.hpp"
#include "profile/desa_profile.hpp"
#include "profile/problem_potential.hpp"
#include "profile/profile_aggregation.hpp"

namespace peta::profile {


class ProfileLayerFields {
 public:
  static ProfileLayerFields for_desa(const DesaProfile& profile, const MatrixResult* matrix, bool public_profile);
  static ProfileLayerFields for_kecamatan(const DesaProfile& profile, const std::vector<KecamatanField>& fields);

  bool empty() const { return columns_.empty(); }
  // Appends the fields to `schema`.
  void extend(LayerSchema& schema) const;
  // Appends the values of unit `unit` (desa or kecamatan index) to a feature of the extended schema.
  void apply(Feature& feature, std::size_t unit) const;

 private:
  struct Column {
    FieldDef def;
    const std::vector<std::optional<double>>* numbers = nullptr;
    const std::vector<std::optional<std::string>>* texts = nullptr;
    const std::vector<double>* reals = nullptr;  // NaN = NULL
  };
  std::vector<Column> columns_;
  std::vector<std::string> quadrant_text_;  // per desa, for `matriks`
};

// The matriks layer: one feature per desa with its problem count and rate, its potential value and its class.
LayerSchema matrix_schema(const std::string& potential_field, const std::string& rate_unit);
Feature matrix_feature(const Boundaries& b, std::size_t desa, const std::vector<double>& problems, const MatrixResult& m);

}  // namespace peta::profile
