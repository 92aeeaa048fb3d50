#pragma once
// The rejects as a CSV beside the layers: each rejected row as it was, with its source, row number and
// reason, under the union of the sources' columns.
#include <string>
#include <vector>

#include "core/rejection.hpp"

namespace peta {

// `column_maps[s]` maps union column i to the index in source s's row (or -1); `source_of[r]` is the
// source index of rejection r.
void write_rejects_csv(const std::string& path, const std::vector<std::string>& columns,
                       const std::vector<Rejection>& rejections, const std::vector<std::vector<int>>& column_maps,
                       const std::vector<std::size_t>& source_of);

// RFC 4180 quoting of one field.
std::string csv_quote(const std::string& field);

}  // namespace peta
