#pragma once
// Why a row was not used: one enum, and one table of its stable codes and Indonesian/English texts
// (rejection_reason.cpp). The code is what files keep (the `alasan` column of ditolak.csv, profil_ditolak.csv and
// the visit table's rejects, the `ditolak` layer, ringkasan.json's rejected_by_reason); the texts are what people
// read (QGIS legend labels, the profile rejects' detail). A new reason is one enum value and one table row.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace peta {

enum class RejectionReason : std::uint8_t {
  // Findings: the row as a whole
  column_count,
  unclosed_quote,
  // Findings: the location cells
  coordinate_missing,
  coordinate_unparseable,
  coordinate_out_of_range,
  geometry_unparseable,
  geometry_invalid,
  geometry_unsupported,
  outside_boundaries,
  location_missing,
  // Findings and profile tables: desa names and codes
  desa_not_found,
  desa_ambiguous,
  desa_not_in_kecamatan,
  desa_outside_region,
  desa_code_unknown,
  // Findings read from the store
  stored_desa_code_unknown,
  // Desa profile tables
  key_empty,
  bps_code_unknown,
  value_invalid,
  desa_duplicate,
  // Visit tables (jadwal kunjungan)
  kecamatan_empty,
  kecamatan_unknown,
  date_empty,
  date_invalid,
  end_before_start,
  visits_overlap,
};

struct RejectionReasonInfo {
  RejectionReason reason;
  std::string_view code;     // stable: in files users keep
  std::string_view text_id;  // Bahasa Indonesia
  std::string_view text_en;  // English
};

// Every reason, in enum order.
std::span<const RejectionReasonInfo> all_rejection_reasons();
const RejectionReasonInfo& info(RejectionReason reason);
inline std::string_view code(RejectionReason reason) { return info(reason).code; }
// The code of a reason that may be absent; "" when it is.
inline std::string_view code(const std::optional<RejectionReason>& reason) { return reason ? code(*reason) : std::string_view(); }
// The text in `lang` ("id" or "en"; anything else reads as "id").
std::string_view text(RejectionReason reason, std::string_view lang = "id");
// The reason a code stands for; nullopt for a code no reason has.
std::optional<RejectionReason> rejection_reason_from_code(std::string_view code);
// The Indonesian label of a code as read back from a file; the code itself when no reason has it.
std::string reason_label(std::string_view code);

}  // namespace peta
