#pragma once
// The rejects as a CSV beside the layers: each rejected row as it was, with its source, row number and
// reason, under the union of the sources' columns.
#include <string>
#include <vector>

#include "core/csv_quote.hpp"
#include "core/rejection.hpp"
#include "output/rejection_spool.hpp"

namespace peta {

// `column_maps[s]` maps union column i to the index in source s's row (or -1).
void write_rejects_csv(const std::string& path, const std::vector<std::string>& columns, RejectionSpool& rejections,
                       const std::vector<std::vector<int>>& column_maps);

}  // namespace peta
