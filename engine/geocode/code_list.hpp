#pragma once
// A code list for the gazetteer: the official CSV (geocode/wilayah_csv.hpp, e.g. wilayah_3513.csv), or any OGR
// layer of desa with the attributes kode, nama and, when present, jenis, kode_kec/nama_kec, kode_kab/nama_kab,
// nama_lama (e.g. ../shared/data/jatim/desa.gpkg: every desa and kelurahan of Jawa Timur). Only attributes are
// read, never geometry. From a layer, kecamatan and kabupaten rows are made from the desa rows' parents.
// Rows whose codes the boundaries lack become the gazetteer's outside names (geocode/name_placer.hpp).
#include <string>
#include <vector>

#include "geocode/wilayah_csv.hpp"

namespace peta {

// By extension: .csv is the official CSV form, anything else an OGR source (its first layer). Throws
// peta::Error naming the file (and the row and field) when it cannot be read or a code is bad.
std::vector<WilayahRow> read_code_list(const std::string& path);

}  // namespace peta
