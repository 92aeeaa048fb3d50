#include "serve/api_router.hpp"

#include "query/deadline.hpp"
#include "query/map_data.hpp"
#include "query/query_engine.hpp"
#include "query/date_range_note.hpp"
#include "query/query_format.hpp"
#include "query/store_query.hpp"
#include "serve/answer_cache.hpp"
#include "serve/live_model.hpp"
#include "serve/open311.hpp"
#include "serve/request_head.hpp"
#include "serve/web_assets.hpp"

#include <zlib.h>

namespace peta::serve {
namespace {

const char* content_type_of(const std::string& name) {
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  return "application/octet-stream";
}

ApiResponse ok(std::string body, std::string content_type = "application/json; charset=utf-8") {
  ApiResponse r;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

}  // namespace

ApiResponse error_response(int status, const std::string& message) {
  ApiResponse r;
  r.status = status;
  r.body = nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return r;
}

std::string gzip(const std::string& text) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw Error("gzip: deflateInit2 failed");
  std::string out(deflateBound(&z, text.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw Error("gzip: deflate did not finish");
  return out;
}

ApiRouter::ApiRouter(const query::QueryModel& model, RouterLimits limits) : model_(&model), limits_(limits) {
  prepare(model);
}

ApiRouter::ApiRouter(LiveModel& live, RouterLimits limits) : live_(&live), limits_(limits) {
  prepare(*live.current().model);
}

ApiRouter::~ApiRouter() = default;

void ApiRouter::prepare(const query::QueryModel& model) {
  if (limits_.cache_bytes) cache_ = std::make_unique<AnswerCache>(limits_.cache_bytes);
  nlohmann::json meta = query::model_meta(model);
  meta["limits"] = {{"max_rows", limits_.spec.max_rows}, {"query_ms", limits_.query_budget.count()}};
  meta_ = meta.dump() + "\n";
  desa_layer_ = query::layer_geojson(model, query::Level::desa);
  kecamatan_layer_ = query::layer_geojson(model, query::Level::kecamatan);
  desa_layer_gzip_ = gzip(desa_layer_);
  kecamatan_layer_gzip_ = gzip(kecamatan_layer_);
}

ApiResponse ApiRouter::handle(const ApiRequest& request) const {
  if (request.method != "GET" && request.method != "HEAD")
    return error_response(405, "method " + request.method.substr(0, 16) + " not allowed: this API is read-only (GET)");
  const std::string& p = request.path;
  // Parameters are compared with the model and may be echoed in messages: they must be text.
  for (const auto& [key, value] : request.params)
    if (!valid_utf8(key) || !valid_utf8(value))
      return error_response(400, "parameter '" + (valid_utf8(key) ? key.substr(0, 40) : std::string("?")) +
                                     "': not valid UTF-8 (send UTF-8 text, percent-encoded)");
  auto no_params = [&]() -> bool { return request.params.empty(); };
  if (p == "/api/query" || p == "/api/desa" || p == "/api/lewat-target" || p == "/api/temuan" || p == "/api/status" ||
      p.starts_with("/open311/")) {
    // Computed from the model: the same request of the same model generation gets the kept answer.
    const ModelSnapshot snapshot =
        live_ ? live_->current() : ModelSnapshot{std::shared_ptr<const query::QueryModel>(std::shared_ptr<void>(), model_), 0};
    if (!cache_) return computed(*snapshot.model, request);
    const std::string key = AnswerCache::key(request);
    if (auto kept = cache_->find(key, snapshot.generation)) return *kept;
    auto answer = std::make_shared<const ApiResponse>(computed(*snapshot.model, request));
    cache_->put(key, snapshot.generation, answer);
    return *answer;
  }
  if (p == "/api/meta" || p == "/api/health" || p == "/api/layers/desa.geojson" || p == "/api/layers/kecamatan.geojson") {
    if (!no_params()) return error_response(400, p + " takes no parameters");
    if (p == "/api/meta") return ok(meta_);
    if (p == "/api/health") return ok("{\"ok\":true}\n");
    const bool desa = p == "/api/layers/desa.geojson";
    ApiResponse layer = ok(request.accepts_gzip ? (desa ? desa_layer_gzip_ : kecamatan_layer_gzip_)
                                                : (desa ? desa_layer_ : kecamatan_layer_),
                           "application/geo+json");
    if (request.accepts_gzip) layer.content_encoding = "gzip";
    layer.varies_by_encoding = true;
    return layer;
  }
  const std::string name = p == "/" ? "index.html" : p.size() > 1 ? p.substr(1) : "";
  const auto& assets = web_asset_files();
  if (auto it = assets.find(name); it != assets.end()) return ok(std::string(it->second), content_type_of(name));
  return error_response(404, "no such resource (see /api/meta, /api/query, /api/desa, /api/layers/desa.geojson)");
}

ApiResponse ApiRouter::computed(const query::QueryModel& model, const ApiRequest& request) const {
  const std::string& p = request.path;
  if (p == "/api/query") return query(model, request);
  if (p == "/api/desa") return desa(model, request);
  if (p.starts_with("/open311/")) return open311(model, request);
  return store_query(model, request);
}

ApiResponse ApiRouter::query(const query::QueryModel& m, const ApiRequest& request) const {
  try {
    query::QuerySpec spec = query::parse_query_spec(request.params, limits_.spec);
    if (spec.format == query::Format::table) return error_response(400, "format: table is for the terminal; use json, csv or geojson");
    query::QueryResult r = query::run_query(m, spec, limits_.spec.max_rows, query::Deadline(limits_.query_budget));
    switch (spec.format) {
      case query::Format::csv: return ok(query::format_csv(r), "text/csv; charset=utf-8");
      case query::Format::geojson: return ok(query::format_geojson(r, m), "application/geo+json");
      default: {
        nlohmann::json j = query::result_json(r, spec.lang);
        // A date range without a dated finding: said, with the range the project holds (as peta query says it).
        if (const std::string note = query::empty_date_range_note(m, spec); !note.empty()) j["note"] = note;
        return ok(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
      }
    }
  } catch (const query::QueryTimeout& e) {
    return error_response(503, e.what());
  } catch (const query::QueryError& e) {
    return error_response(400, e.what());
  }
}

ApiResponse ApiRouter::desa(const query::QueryModel& m, const ApiRequest& request) const {
  try {
    std::string kode, lang = "id";
    query::Params rest;
    for (const auto& kv : request.params) {
      if (kv.first == "kode") {
        if (!kode.empty()) throw query::QueryError("kode: give one code");
        kode = kv.second;
      } else {
        rest.push_back(kv);
      }
    }
    if (kode.empty()) throw query::QueryError("kode: missing (e.g. /api/desa?kode=35.13.01.2001)");
    query::FindingFilter filter = query::parse_finding_filter(rest, limits_.spec, &lang);
    return ok(query::desa_summary(m, kode, filter, lang, 5, query::Deadline(limits_.query_budget))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  } catch (const query::QueryTimeout& e) {
    return error_response(503, e.what());
  } catch (const query::QueryError& e) {
    return error_response(400, e.what());
  }
}

// /api/lewat-target (overdue per OPD and kecamatan), /api/temuan (the findings), /api/status (the map's status
// view): answered from the findings store, with the /api/query parameters.
ApiResponse ApiRouter::store_query(const query::QueryModel& m, const ApiRequest& request) const {
  try {
    query::QuerySpec spec = query::parse_query_spec(request.params, limits_.spec);
    const query::Deadline deadline(limits_.query_budget);
    if (request.path == "/api/status")
      return ok(query::status_view(m, spec, deadline).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    if (spec.format == query::Format::table || spec.format == query::Format::geojson)
      return error_response(400, "format: use json or csv here");
    query::QueryResult r = request.path == "/api/temuan"
                               ? query::finding_list(m, spec, limits_.spec.max_rows, deadline)
                               : query::overdue_per_opd(m, spec, limits_.spec.max_rows, deadline);
    if (spec.format == query::Format::csv) return ok(query::format_csv(r), "text/csv; charset=utf-8");
    return ok(query::result_json(r, spec.lang).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  } catch (const query::QueryTimeout& e) {
    return error_response(503, e.what());
  } catch (const query::QueryError& e) {
    return error_response(400, e.what());
  }
}

}  // namespace peta::serve
