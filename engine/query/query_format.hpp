#pragma once
// A query's answer as a terminal table, CSV, JSON or GeoJSON (units with their boundaries).
#include <string>

#include <nlohmann/json.hpp>

#include "query/query_engine.hpp"

namespace peta::query {

std::string format_table(const QueryResult& r, const std::string& lang);
std::string format_csv(const QueryResult& r);
nlohmann::json result_json(const QueryResult& r, const std::string& lang);
std::string format_geojson(const QueryResult& r, const QueryModel& model);
// In the format the spec asks for.
std::string format_result(const QueryResult& r, const QueryModel& model);

}  // namespace peta::query
