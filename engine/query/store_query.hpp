#pragma once
// Questions answered from the findings store (query/store_findings.hpp): counts per desa and kecamatan under
// status, OPD and overdue filters; overdue problems per OPD and kecamatan (store::overdue_by_opd); the findings
// themselves. The public profile holds here as everywhere: a sensitive category (stunting) is never listed finding
// by finding, and its counts below k are withheld (with complementary withholding within a kecamatan).
#include <string>

#include <nlohmann/json.hpp>

#include "query/deadline.hpp"
#include "query/query_engine.hpp"
#include "query/query_model.hpp"
#include "query/query_spec.hpp"
#include "query/unit_counts.hpp"

namespace peta::query {

// Throws QueryError "proyek ini tidak punya store: ..." when the model has no findings store.
void require_store(const QueryModel& m, const std::string& what);

// Which stored findings a filter keeps. Without a status filter, bukan_masalah and duplikat are left out (as in
// every store count). Findings first seen after the as-of date are left out. Throws QueryError for a status that
// is not one of the store's, an OPD that no category answers to, or an as-of date before 1970.
class StoreFilter {
 public:
  StoreFilter(const StoreTable& table, const FindingFilter& filter);
  bool operator()(const StoreRow& row) const;
  int as_of_day() const { return as_of_; }
  // Days past the due date as of the as-of date (> 0: overdue) for an open finding with a due date.
  std::optional<int> days_late(const StoreRow& row) const;

 private:
  const StoreTable& t_;
  const FindingFilter& f_;
  std::vector<bool> opd_;
  int as_of_ = 0;
};

struct StoreCounts {
  CountMatrix desa, kecamatan;
};

// Counts per desa and kecamatan of the findings the filter keeps; sensitive categories withheld as the layers
// withhold them (public profile), and n_total (the last column) leaves them out.
StoreCounts store_counts(const QueryModel& m, const FindingFilter& filter, const Deadline& deadline = {});

// "Which problems are overdue, per OPD and kecamatan": columns opd, kode_kec, nama_kec, n_terbuka,
// n_lewat_target, hari_lewat_maks (rows with nothing overdue left out, by OPD then kecamatan code). Filters:
// category, kecamatan, and the finding filters (overdue itself is implied).
QueryResult overdue_per_opd(const QueryModel& m, const QuerySpec& spec, std::size_t max_rows = 10'000,
                            const Deadline& deadline = {});

// The findings themselves, most overdue first: id, kategori, kode_desa, desa, kecamatan, status, opd,
// pertama_dilihat, tenggat, hari_lewat. Sensitive categories are never listed in the public profile (a note
// says how many were left out).
QueryResult finding_list(const QueryModel& m, const QuerySpec& spec, std::size_t max_rows = 10'000,
                         const Deadline& deadline = {});

}  // namespace peta::query

namespace peta::query {

// The map's status view: per desa (every desa of the model) n_terbuka, n_selesai, persen_selesai (null without
// any), umur_median_hari, n_lewat_target as of the filter's as_of date (store::aggregate_status), with Jenks
// classes per measure. Filters: category, opd, as_of. In the public profile the sensitive categories are left
// out (named in `leaves_out`), as n_total leaves them out: their part could otherwise be worked out.
nlohmann::json status_view(const QueryModel& m, const QuerySpec& spec, const Deadline& deadline = {});

}  // namespace peta::query
