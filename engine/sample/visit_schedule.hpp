#pragma once
// A synthetic "Ngantor di Kecamatan" schedule for the example: every kecamatan visited once in `year`,
// two kecamatan a month in code order (24 kecamatan over 12 months), Tuesday to Thursday of the second and
// fourth week, teams Tim 1..3 in turn. Deterministic; written as CSV (kecamatan,kode_kec,mulai,selesai,tim).
#include <string>

#include "core/admin_unit.hpp"

namespace peta {

std::string visit_schedule_csv(const Boundaries& b, int year);

}  // namespace peta
