#pragma once
// The temuan layer of a build from the findings store: each counted finding where it lies, with its life so
// far: status, responsible OPD, first seen, due date, age and whether it is overdue as of the build's date.
// Pass-through columns are the source values the project's sources allow to be published (their `publish`
// lists), read from the stored values; the finding's date is a Date field (`tanggal`).
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "output/layer.hpp"
#include "store/opd_mapping.hpp"
#include "store/store_types.hpp"

namespace peta {

// A stored finding's life as of a date (day numbers: days since 1970-01-01, store/store_dates.hpp), by the
// same rules as store::aggregate_status: it starts on its first-seen day (else its own date), is due its OPD's
// target days later, and is overdue when still open after that.
struct FindingLife {
  bool open = false;      // baru, diverifikasi, ditindaklanjuti
  int due_day = -1;       // start + the category's target days; -1 without an OPD or a start
  int age_days = -1;      // open: as_of - start; handled (selesai): status date - start; else -1
  int days_overdue = -1;  // open and past due: as_of - due; else -1
};

// Missing or unreadable dates give -1 (never a guess).
FindingLife finding_life(const store::StoredFinding& f, int as_of, const store::OpdMapping& opd);

class StoreTemuanLayer {
 public:
  explicit StoreTemuanLayer(std::vector<std::string> published_columns);
  const LayerSchema& schema() const { return schema_; }
  // `desa`: the finding's index in `b`; `where`: its point (a finding placed by desa name or code has none in
  // the store: the caller gives the desa's point on surface).
  Feature feature(const store::StoredFinding& f, int desa, Coord where, const Boundaries& b, const FindingLife& life) const;

 private:
  LayerSchema schema_;
  std::vector<std::string> published_;
};

}  // namespace peta
