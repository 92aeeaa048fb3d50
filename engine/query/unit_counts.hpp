#pragma once
// Counts per unit and category, from the layer's n_<code> fields or, when finding filters apply, recounted
// from the temuan layer.
#include <cstddef>
#include <vector>

#include "query/deadline.hpp"
#include "query/query_model.hpp"
#include "query/query_spec.hpp"

namespace peta::query {

// units x (categories + 1): column c < C is category c, column C is every finding (unknown categories too).
struct CountMatrix {
  std::size_t units = 0, columns = 0;
  std::vector<double> values;
  double at(std::size_t unit, std::size_t column) const { return values[unit * columns + column]; }
  double& at(std::size_t unit, std::size_t column) { return values[unit * columns + column]; }
  std::size_t total_column() const { return columns - 1; }
};

// Throws QueryError when the filter names a value the findings do not have, or when filters are set but the
// GeoPackage has no temuan layer (or not the column filtered on).
CountMatrix desa_counts(const QueryModel& m, const FindingFilter& filter, const Deadline& deadline);
// Sums desa rows into their kecamatan.
CountMatrix kecamatan_counts(const QueryModel& m, const CountMatrix& desa);

// The indices of findings that pass the filter (checked as in desa_counts), restricted to one desa when desa >= 0.
std::vector<std::size_t> matching_findings(const QueryModel& m, const FindingFilter& filter, long desa,
                                           const Deadline& deadline);

}  // namespace peta::query
