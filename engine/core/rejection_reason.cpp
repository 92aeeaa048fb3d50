#include "core/rejection_reason.hpp"

#include <array>

namespace peta {
namespace {

using R = RejectionReason;

// The one table. Codes are kept as they were first written (some English, some Indonesian): they are in files.
constexpr std::array kReasons = {
    RejectionReasonInfo{R::column_count, "column_count", "Jumlah kolom tidak sesuai", "Wrong number of columns"},
    RejectionReasonInfo{R::unclosed_quote, "unclosed_quote", "Tanda kutip tidak ditutup", "A quote never closes"},
    RejectionReasonInfo{R::coordinate_missing, "coordinate_missing", "Koordinat kosong", "Coordinates missing"},
    RejectionReasonInfo{R::coordinate_unparseable, "coordinate_unparseable", "Koordinat tak terbaca",
                        "Coordinates unreadable"},
    RejectionReasonInfo{R::coordinate_out_of_range, "coordinate_out_of_range", "Koordinat di luar jangkauan",
                        "Coordinates out of range"},
    RejectionReasonInfo{R::geometry_unparseable, "geometry_unparseable", "Geometri tak terbaca", "Geometry unreadable"},
    RejectionReasonInfo{R::geometry_invalid, "geometry_invalid", "Geometri tidak valid", "Invalid geometry"},
    RejectionReasonInfo{R::geometry_unsupported, "geometry_unsupported", "Jenis geometri tidak didukung",
                        "Geometry type not supported"},
    RejectionReasonInfo{R::outside_boundaries, "outside_boundaries", "Di luar batas wilayah", "Outside the boundaries"},
    RejectionReasonInfo{R::location_missing, "location_missing", "Tanpa lokasi: koordinat, kode atau nama desa kosong",
                        "No location: no coordinates, desa code or desa name"},
    RejectionReasonInfo{R::desa_not_found, "desa_not_found", "Nama desa tidak ditemukan", "Desa name not found"},
    RejectionReasonInfo{R::desa_ambiguous, "desa_ambiguous", "Nama desa ambigu (lebih dari satu desa)",
                        "Ambiguous desa name"},
    RejectionReasonInfo{R::desa_not_in_kecamatan, "desa_not_in_kecamatan", "Desa tidak di kecamatan yang disebut",
                        "Desa not in the named kecamatan"},
    RejectionReasonInfo{R::desa_outside_region, "desa_outside_region", "Desa di luar wilayah peta",
                        "Desa outside the mapped region"},
    RejectionReasonInfo{R::desa_code_unknown, "desa_code_unknown", "Kode desa tidak dikenal di batas wilayah",
                        "Desa code not in the boundaries"},
    RejectionReasonInfo{R::stored_desa_code_unknown, "desa_tidak_dikenal", "Kode desa di store tidak ada di batas wilayah",
                        "The stored desa code is not in the boundaries"},
    RejectionReasonInfo{R::key_empty, "kunci_kosong", "Kunci desa kosong", "The desa key is empty"},
    RejectionReasonInfo{R::bps_code_unknown, "kode_bps_tidak_dikenal", "Kode BPS tidak ada di tabel padanan",
                        "BPS code not in the crosswalk"},
    RejectionReasonInfo{R::value_invalid, "nilai_tidak_valid", "Nilai tidak valid", "Invalid value"},
    RejectionReasonInfo{R::desa_duplicate, "desa_ganda", "Desa sudah ada di baris lain", "Desa already in another row"},
    RejectionReasonInfo{R::kecamatan_empty, "kecamatan_kosong", "Kecamatan kosong", "Kecamatan missing"},
    RejectionReasonInfo{R::kecamatan_unknown, "kecamatan_tidak_dikenal", "Kecamatan tidak dikenal", "Unknown kecamatan"},
    RejectionReasonInfo{R::date_empty, "tanggal_kosong", "Tanggal kosong", "Date missing"},
    RejectionReasonInfo{R::date_invalid, "tanggal_tidak_valid", "Tanggal tidak valid", "Invalid date"},
    RejectionReasonInfo{R::end_before_start, "selesai_sebelum_mulai", "Tanggal selesai sebelum tanggal mulai",
                        "End date before the start date"},
    RejectionReasonInfo{R::visits_overlap, "kunjungan_tumpang_tindih", "Kunjungan tumpang tindih dengan kunjungan lain",
                        "Visit overlaps another visit"},
};

// The table is in enum order, so that info() is an index.
constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kReasons.size(); ++i)
    if (static_cast<std::size_t>(kReasons[i].reason) != i) return false;
  return true;
}
static_assert(in_enum_order(), "kReasons: one row per RejectionReason, in enum order");
static_assert(kReasons.size() == static_cast<std::size_t>(R::visits_overlap) + 1, "kReasons: a row for every reason");

}  // namespace

std::span<const RejectionReasonInfo> all_rejection_reasons() { return kReasons; }

const RejectionReasonInfo& info(RejectionReason reason) { return kReasons[static_cast<std::size_t>(reason)]; }

std::string_view text(RejectionReason reason, std::string_view lang) {
  return lang == "en" ? info(reason).text_en : info(reason).text_id;
}

std::optional<RejectionReason> rejection_reason_from_code(std::string_view code) {
  for (const auto& r : kReasons)
    if (r.code == code) return r.reason;
  return std::nullopt;
}

std::string reason_label(std::string_view code) {
  const auto reason = rejection_reason_from_code(code);
  return std::string(reason ? text(*reason) : code);
}

}  // namespace peta
