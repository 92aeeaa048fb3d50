#pragma once
// Counts per unit and category, from the layer's n_<code> fields or, when finding filters apply, recounted
// from the temuan layer. A count that is not shown says why (Hidden), so it never reads as 0.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "query/deadline.hpp"
#include "query/query_model.hpp"
#include "query/query_spec.hpp"

namespace peta::query {

// Why a count is not shown. 1 and 2 are the values of the layers' s_<code> fields (aggregate/suppression.hpp).
enum class Hidden : std::uint8_t {
  no = 0,
  below_k = 1,          // withheld: below the privacy threshold k
  complementary = 2,    // withheld so that other withheld counts cannot be worked out
  not_recountable = 3,  // a filter applies, and this category's findings are not in the temuan layer
};

// Legend/table text for a hidden count: "< 5", "disembunyikan", "tidak tersedia dengan saringan".
std::string hidden_text(Hidden why, int k, bool english);

// units x (categories + 1): column c < C is category c, column C is every finding (unknown categories too).
// A hidden cell holds NaN in `values` and its reason in `hidden`.
struct CountMatrix {
  std::size_t units = 0, columns = 0;
  std::vector<double> values;
  std::vector<Hidden> hidden;
  double at(std::size_t unit, std::size_t column) const { return values[unit * columns + column]; }
  double& at(std::size_t unit, std::size_t column) { return values[unit * columns + column]; }
  Hidden hidden_at(std::size_t unit, std::size_t column) const { return hidden[unit * columns + column]; }
  void hide(std::size_t unit, std::size_t column, Hidden why);
  std::size_t total_column() const { return columns - 1; }
};

// Throws QueryError when the filter names a value the findings do not have, or when filters are set but the
// GeoPackage has no temuan layer (or not the column filtered on).
CountMatrix desa_counts(const QueryModel& m, const FindingFilter& filter, const Deadline& deadline);
// Kecamatan counts: without a filter the kecamatan layer's own fields (its own suppression flags; summing desa
// would count withheld desa as 0); with one, desa rows summed (a hidden desa cell hides the kecamatan's).
CountMatrix kecamatan_counts(const QueryModel& m, const FindingFilter& filter, const CountMatrix& desa);

// The indices of findings that pass the filter (checked as in desa_counts), restricted to one desa when desa >= 0.
std::vector<std::size_t> matching_findings(const QueryModel& m, const FindingFilter& filter, long desa,
                                           const Deadline& deadline);

}  // namespace peta::query
