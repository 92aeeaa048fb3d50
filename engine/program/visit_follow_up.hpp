#pragma once
// Findings linked to the visit they came from: a located, dated finding belongs to the visit of its desa's
// kecamatan whose days hold its date. Per visit: the findings, per category, and the desa with at least one
// finding; written as the table layer `kunjungan` (no geometry, one row per visit, ranked by findings) and as
// the kecamatan layer's `kunjungan` field (date of the first visit; NULL when never visited).
// With the findings store, each linked finding's outcome is recorded too: the table then says how many of the
// visit's findings are handled since (selesai), the share, and the median days from the finding to its handling,
// and ranks the visits by that share: the follow-up the regent evaluates each camat by.
// Categories not counted in detail (the public profile's sensitive ones: PublicationPolicy::counts_in_detail)
// get no n_<c> column at all, rather than a 0 that would read as "none found".
#include <cstdint>
#include <optional>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "core/admin_unit.hpp"
#include "output/layer.hpp"
#include "program/visit_table.hpp"

namespace peta {

class VisitFollowUp {
 public:
  // `detailed[c]`: category c gets its n_<c> column (empty: every category).
  VisitFollowUp(const VisitTable& visits, const Boundaries& b, std::size_t category_count, std::vector<char> detailed = {});

  // Returns the visit index, or -1 (no visit of that kecamatan on that date; desa < 0: not located).
  int add(int desa, int category, Date date);
  // The outcome of a finding linked to `visit` (with the store): handled (selesai) and how many days after
  // its date (-1: not handled, or no usable dates).
  void add_outcome(int visit, bool handled, int days_to_handle);
  std::int64_t handled(std::size_t visit) const { return handled_[visit]; }

  std::int64_t linked() const { return linked_; }
  std::int64_t unlinked() const { return unlinked_; }
  std::int64_t findings(std::size_t visit) const { return findings_[visit]; }
  std::int64_t findings(std::size_t visit, std::size_t category) const { return by_category_[visit][category]; }
  std::size_t desa_with_findings(std::size_t visit) const;

  // The `kunjungan` table: kode_kec, nama_kec, mulai, selesai, tim, temuan, desa_temuan, n_<c>..., and with
  // outcomes ditangani, persen_ditangani, median_hari_tangani (rows ranked by findings, most first, or with
  // outcomes by the share handled, highest first; ties by start date).
  LayerSchema table_schema(const CategoryTaxonomy& categories) const;
  std::vector<Feature> table_features() const;

  // The kecamatan layer's field and value: `kunjungan` (Date), the first visit's start.
  static FieldDef kecamatan_field();
  FieldValue kecamatan_value(std::size_t kecamatan) const;

 private:
  const VisitTable& visits_;
  const Boundaries& b_;
  std::vector<std::int64_t> findings_;
  std::vector<std::vector<std::int64_t>> by_category_;
  std::vector<std::vector<bool>> desa_seen_;  // per visit, per desa
  std::vector<int> first_visit_;
  std::vector<char> detailed_;
  std::vector<std::int64_t> handled_;
  std::vector<std::vector<int>> handling_days_;  // per visit: days to handle of each handled finding
  bool outcomes_ = false;
  std::int64_t linked_ = 0, unlinked_ = 0;
  double share_handled(std::size_t visit) const;
};

}  // namespace peta
