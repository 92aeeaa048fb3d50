#pragma once
// The HTTP API as a pure function from a request (method, path, decoded parameters) to a response, so it can be
// tested without sockets. Read-only: GET (and HEAD) only; every answer comes from the in-memory model or the
// compiled-in page. A path is only ever compared with the fixed routes below, never opened.
//
//   GET /                               the map page (and /app.js, /app.css, /leaflet.js, /leaflet.css)
//   GET /api/health                     {"ok": true}
//   GET /api/meta                       categories, kecamatan, severity/status values, date range, fields
//   GET /api/query?category=&sort=&n=&kecamatan=&severity=&status=&from=&to=&significance=&spot=&statistic=
//                  &level=&per_kecamatan=&order=&lang=&format=json|csv|geojson
//   GET /api/desa?kode=&severity=&status=&from=&to=&lang=     one desa's summary (the popup)
//   GET /api/layers/desa.geojson, /api/layers/kecamatan.geojson  the map layers
//   GET /api/lewat-target?opd=&as_of=&category=&kecamatan=&format=   overdue per OPD and kecamatan (store)
//   GET /api/temuan?status=&opd=&overdue=&as_of=&n=&format=           the findings one by one (store)
//   GET /api/status?as_of=&category=&opd=                             open/handled/overdue per desa (store)
//   GET /open311/v2/services.json, requests.json, requests/{id}.json  Open311 GeoReport v2 (serve/open311.hpp)
#include <chrono>
#include <memory>
#include <string>

#include "query/query_model.hpp"
#include "query/query_spec.hpp"

namespace peta::serve {

struct RouterLimits {
  query::SpecLimits spec;                           // rows per answer, parameters, value length
  std::chrono::milliseconds query_budget{2000};     // time one query may take (then 503)
  std::size_t cache_bytes = 64u << 20;              // answers kept until the store changes (AnswerCache); 0: none
};

struct ApiRequest {
  std::string method = "GET";
  std::string path;
  query::Params params;
  bool accepts_gzip = false;  // Accept-Encoding names gzip
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::string content_encoding;     // "gzip" when body is compressed
  bool varies_by_encoding = false;  // the answer depends on Accept-Encoding (Vary)
};

class LiveModel;
class AnswerCache;

class ApiRouter {
 public:
  // Answers from a fixed model (kept by the caller).
  ApiRouter(const query::QueryModel& model, RouterLimits limits = {});
  // Answers from the live model (kept by the caller): the store followed, answers computed once per change.
  ApiRouter(LiveModel& live, RouterLimits limits = {});
  ~ApiRouter();
  ApiResponse handle(const ApiRequest& request) const;

 private:
  void prepare(const query::QueryModel& model);
  ApiResponse computed(const query::QueryModel& model, const ApiRequest& request) const;
  ApiResponse query(const query::QueryModel& model, const ApiRequest& request) const;
  ApiResponse desa(const query::QueryModel& model, const ApiRequest& request) const;
  ApiResponse store_query(const query::QueryModel& model, const ApiRequest& request) const;

  const query::QueryModel* model_ = nullptr;  // the fixed model, or
  LiveModel* live_ = nullptr;                 // the live one
  std::unique_ptr<AnswerCache> cache_;
  RouterLimits limits_;
  std::string meta_, desa_layer_, kecamatan_layer_;  // built once
  std::string desa_layer_gzip_, kecamatan_layer_gzip_;  // the layers gzipped once (cpp-httplib compresses JSON
                                                        // and text itself, but not application/geo+json)
};

// {"error": message} with the given status (invalid UTF-8 in the message is replaced, never an exception).
ApiResponse error_response(int status, const std::string& message);

// `text` compressed as a gzip stream (zlib, best compression). Throws peta::Error on a zlib failure.
std::string gzip(const std::string& text);

}  // namespace peta::serve
