#pragma once
// A date filter (from/to) whose range holds no dated finding answers every count with 0: this note says so
// instead, naming the dated range the project holds, so a user does not read the zeros as "no problems".
#include <string>

#include "query/query_model.hpp"
#include "query/query_spec.hpp"

namespace peta::query {

// "" when no date filter is set or at least one finding's date lies in the range (other filters aside).
std::string empty_date_range_note(const QueryModel& m, const QuerySpec& spec);

}  // namespace peta::query
