#pragma once
// What the desa and kecamatan layers of a build from the findings store show of the problems' life, as of the
// build's date (store/store_aggregates.hpp): n_terbuka (open: baru, diverifikasi, ditindaklanjuti), n_selesai,
// persen_selesai, umur_median_hari (median age of the open ones) and n_lewat_target (open past their due date).
// bukan_masalah and duplikat are not counted. A unit without any counted finding gets 0 counts and NULL share
// and median (nothing to divide), so an empty desa never reads as "0 % handled".
#include "output/layer.hpp"
#include "store/store_aggregates.hpp"

namespace peta {

class StatusFields {
 public:
  // Appends the five fields to a desa or kecamatan schema.
  static void extend(LayerSchema& schema);
  // Appends the unit's values (`counts` null: nothing counted there).
  static void apply(Feature& feature, const store::StatusCounts* counts);
};

}  // namespace peta
