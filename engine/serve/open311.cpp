#include "serve/open311.hpp"

#include <algorithm>
#include <climits>
#include <set>

#include "core/date_text.hpp"
#include "query/store_query.hpp"
#include "store/finding_status.hpp"

namespace peta::serve {
namespace {

constexpr const char* kPrefix = "/open311/v2/";

ApiResponse json_answer(const nlohmann::json& j) {
  ApiResponse r;
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return r;
}

// A W3C datetime (the spec's date format) at local midnight in WIB.
std::string datetime(int day) { return query::day_text(day) + "T00:00:00+07:00"; }

// The date part of a W3C datetime ("2026-03-01", "2026-03-01T10:00:00+07:00", "2026-03-01T03:00:00Z") as a
// day number; the comparison is by local date as written.
int parse_day(const std::string& key, const std::string& value) {
  const std::string date = value.substr(0, std::min<std::size_t>(value.size(), 10));
  const auto d = parse_date(date);
  const bool rest_ok = value.size() == 10 || (value.size() > 10 && value[10] == 'T');
  if (!d || date.size() != 10 || date[4] != '-' || !rest_ok)
    throw query::QueryError(key + ": expected a W3C datetime such as 2026-03-01T00:00:00+07:00, got '" +
                            value.substr(0, 40) + "'");
  return query::day_of(*d);
}

std::vector<std::string> comma_list(const std::string& value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    std::string item = value.substr(start, comma - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

bool listed(const query::QueryModel& m, const query::StoreRow& row) {
  return row.category_index >= 0 && !(m.store->public_profile && row.sensitive);
}

const Category* published_category(const query::QueryModel& m, const std::string& code) {
  auto c = m.category(code);
  if (!c || (m.store->public_profile && m.categories[*c].sensitive)) return nullptr;
  return &m.categories[*c];
}

nlohmann::json service_json(const query::QueryModel& m, const Category& c) {
  const auto target = m.store->opd.find(c.code);
  std::string keywords = c.code;
  for (const auto& s : c.synonyms) keywords += "," + s;
  std::string description = c.label_id;
  if (target)
    description += ": ditangani " + target->opd + ", target " + std::to_string(target->target_days) + " hari";
  return {{"service_code", c.code},     {"service_name", c.label_id}, {"description", description},
          {"metadata", false},          {"type", "realtime"},         {"keywords", keywords},
          {"group", target ? target->opd : std::string()}};
}

nlohmann::json request_json(const query::QueryModel& m, const query::StoreRow& row) {
  const Category& c = m.categories[static_cast<std::size_t>(row.category_index)];
  const bool open = store::is_open_status(row.status);
  nlohmann::json j;
  j["service_request_id"] = row.id;
  j["status"] = open ? "open" : "closed";  // selesai, bukan_masalah and duplikat are closed
  j["status_notes"] = row.status;
  j["service_name"] = c.label_id;
  j["service_code"] = c.code;
  j["description"] = row.note.empty() ? c.label_id : row.note;
  j["agency_responsible"] = row.opd >= 0 ? nlohmann::json(m.store->opd_names[static_cast<std::size_t>(row.opd)])
                                         : nlohmann::json(nullptr);
  j["service_notice"] = nullptr;
  const bool dated = row.start_day != INT_MIN;
  j["requested_datetime"] = dated ? nlohmann::json(datetime(row.start_day)) : nlohmann::json(nullptr);
  const int updated = row.status_day != INT_MIN ? row.status_day : row.start_day;
  j["updated_datetime"] = updated != INT_MIN ? nlohmann::json(datetime(updated)) : nlohmann::json(nullptr);
  j["expected_datetime"] = row.has_due() ? nlohmann::json(datetime(row.due_day())) : nlohmann::json(nullptr);
  std::string address;
  if (row.desa >= 0) {
    const auto d = static_cast<std::size_t>(row.desa);
    address = m.desa.nama[d] + ", Kec. " + m.desa.nama_kec[d];
  }
  j["address"] = address.empty() ? nlohmann::json(row.desa_code) : nlohmann::json(address);
  j["address_id"] = row.desa >= 0 ? m.desa.kode[static_cast<std::size_t>(row.desa)] : row.desa_code;
  j["zipcode"] = nullptr;
  j["lat"] = row.lat;
  j["long"] = row.lon;
  j["media_url"] = nullptr;
  return j;
}

ApiResponse services(const query::QueryModel& m) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : m.categories)
    if (published_category(m, c.code)) out.push_back(service_json(m, c));
  return json_answer(out);
}

ApiResponse requests(const query::QueryModel& m, const query::Params& params, const Open311Limits& limits) {
  std::set<std::string> ids, codes, statuses;
  bool has_ids = false;
  std::optional<int> start, end;
  for (const auto& [key, value] : params) {
    if (key == "service_request_id") {
      has_ids = true;
      for (auto& id : comma_list(value)) ids.insert(id);
    } else if (key == "service_code") {
      for (auto& code : comma_list(value)) {
        if (!published_category(m, code))
          throw query::QueryError("service_code: no service '" + code.substr(0, 64) + "' (see services.json)");
        codes.insert(code);
      }
    } else if (key == "start_date") {
      start = parse_day(key, value);
    } else if (key == "end_date") {
      end = parse_day(key, value);
    } else if (key == "status") {
      for (auto& s : comma_list(value)) {
        if (s != "open" && s != "closed") throw query::QueryError("status: expected open or closed, got '" + s.substr(0, 40) + "'");
        statuses.insert(s);
      }
    } else if (key != "jurisdiction_id" && key != "api_key" && key != "extensions") {
      throw query::QueryError("unknown parameter '" + key.substr(0, 40) +
                              "' (expected service_request_id, service_code, start_date, end_date, status, jurisdiction_id)");
    }
  }
  if (start && end && *start > *end) throw query::QueryError("start_date is after end_date");
  const auto& t = *m.store;
  std::vector<const query::StoreRow*> rows;
  if (has_ids) {  // the spec: with service_request_id, the other parameters are ignored
    for (const auto& id : ids)
      if (const auto* row = t.find(id); row && listed(m, *row)) rows.push_back(row);
  } else {
    if (!start && !end) start = t.today - limits.default_days;  // the spec's default window: the last 90 days
    for (const auto& row : t.rows) {
      if (!listed(m, row)) continue;
      if (!codes.empty() && !codes.count(row.category)) continue;
      if (!statuses.empty() && !statuses.count(store::is_open_status(row.status) ? "open" : "closed")) continue;
      if ((start || end) && row.start_day == INT_MIN) continue;
      if ((start && row.start_day < *start) || (end && row.start_day > *end)) continue;
      rows.push_back(&row);
    }
    // Newest first, then by id; at most max_requests (narrow the dates for more).
    std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->start_day > b->start_day; });
    if (rows.size() > limits.max_requests) rows.resize(limits.max_requests);
  }
  nlohmann::json out = nlohmann::json::array();
  for (auto* row : rows) out.push_back(request_json(m, *row));
  return json_answer(out);
}

}  // namespace

ApiResponse open311_error(int status, const std::string& description) {
  ApiResponse r;
  r.status = status;
  r.body = nlohmann::json::array({{{"code", status}, {"description", description}}})
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return r;
}

ApiResponse open311(const query::QueryModel& m, const ApiRequest& request, const Open311Limits& limits) {
  const std::string& p = request.path;
  if (!p.starts_with(kPrefix)) return open311_error(404, "not an Open311 path");
  const std::string rest = p.substr(std::char_traits<char>::length(kPrefix));
  if (!m.store)
    return open311_error(404, "proyek ini tidak punya store: Open311 membaca store temuan (kunci \"store\" di berkas proyek)");
  try {
    if (rest == "services.json") {
      if (!request.params.empty() && !(request.params.size() == 1 && request.params[0].first == "jurisdiction_id"))
        throw query::QueryError("services.json takes only jurisdiction_id");
      return services(m);
    }
    if (rest == "requests.json") return requests(m, request.params, limits);
    const std::string one = "requests/";
    if (rest.starts_with(one) && rest.ends_with(".json") && rest.size() > one.size() + 5) {
      const std::string id = rest.substr(one.size(), rest.size() - one.size() - 5);
      const auto* row = m.store->find(id);
      if (!row || !listed(m, *row)) return open311_error(404, "no service request '" + id.substr(0, 64) + "'");
      return json_answer(nlohmann::json::array({request_json(m, *row)}));
    }
    if (rest.ends_with(".xml"))
      return open311_error(400, "this server answers JSON only: use the .json form of the path");
    return open311_error(404, "no such Open311 resource (services.json, requests.json, requests/{id}.json)");
  } catch (const query::QueryError& e) {
    return open311_error(400, e.what());
  }
}

}  // namespace peta::serve
