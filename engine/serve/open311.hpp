#pragma once
// A read-only Open311 GeoReport v2 view of the findings store (wiki.open311.org/GeoReport_v2), so that civic
// issue tools (FixMyStreet and the like) can read the problems and their status:
//
//   GET /open311/v2/services.json            one service per category (group = the responsible OPD)
//   GET /open311/v2/requests.json            service requests; filters service_request_id, service_code,
//                                            start_date, end_date, status (open|closed), jurisdiction_id
//   GET /open311/v2/requests/{id}.json       one request (an array of one, as the spec has it)
//
// Field names and the error format ([{"code": 404, "description": "..."}]) are the spec's. Dates are local
// dates in Probolinggo (WIB, UTC+07:00), written as W3C datetimes at midnight. The public profile holds:
// sensitive categories (stunting) are neither services nor requests here.
#include "query/query_model.hpp"
#include "serve/api_router.hpp"

namespace peta::serve {

struct Open311Limits {
  std::size_t max_requests = 1000;  // the spec's customary cap on one answer
  int default_days = 90;            // without start_date/end_date: the last 90 days (the spec's default)
};

// Answers a path under /open311/v2/ (any other path: a 404 in the spec's error format).
ApiResponse open311(const query::QueryModel& model, const ApiRequest& request, const Open311Limits& limits = {});

// A GeoReport v2 error answer: [{"code": status, "description": message}].
ApiResponse open311_error(int status, const std::string& description);

}  // namespace peta::serve
