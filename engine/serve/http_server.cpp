#include "serve/http_server.hpp"

#include <httplib.h>

#include <chrono>

#include "core/error.hpp"

namespace peta::serve {

struct HttpServer::Impl {
  Impl(const query::QueryModel& model, ServeOptions o) : options(std::move(o)), router(model, options.router) {}
  ServeOptions options;
  ApiRouter router;
  httplib::Server server;
};

namespace {

void answer(httplib::Response& res, const ApiResponse& a) {
  res.status = a.status;
  res.set_content(a.body, a.content_type.c_str());
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-store");
  if (a.content_type.rfind("text/html", 0) == 0)
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'");
}

std::string status_text(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "payload too large";
    case 414: return "request target too long";
    case 431: return "request header fields too large";
    default: return "HTTP error " + std::to_string(status);
  }
}

}  // namespace

HttpServer::HttpServer(const query::QueryModel& model, ServeOptions options)
    : impl_(std::make_unique<Impl>(model, std::move(options))) {
  Impl& s = *impl_;
  const ServeOptions& o = s.options;
  const unsigned threads = o.threads ? o.threads : 1;
  s.server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.server.set_tcp_nodelay(true);  // small answers leave at once (no 40 ms Nagle + delayed-ACK stall)
  s.server.set_payload_max_length(o.max_body);
  s.server.set_read_timeout(o.io_timeout_s, 0);
  s.server.set_write_timeout(o.io_timeout_s, 0);
  s.server.set_keep_alive_timeout(o.io_timeout_s);
  s.server.set_keep_alive_max_count(1000);
  // Limits and methods are checked before routing: nothing but GET/HEAD of a short target gets further.
  s.server.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
    ApiResponse refusal;
    if (req.target.size() > s.options.max_target_length)
      refusal = error_response(414, "request target longer than " + std::to_string(s.options.max_target_length) + " bytes");
    else if (req.method != "GET" && req.method != "HEAD")
      refusal = error_response(405, "method not allowed: this API is read-only (GET)");
    else if (!req.body.empty())
      refusal = error_response(413, "a GET request carries no body");
    else
      return httplib::Server::HandlerResponse::Unhandled;
    answer(res, refusal);
    if (refusal.status == 405) res.set_header("Allow", "GET, HEAD");
    return httplib::Server::HandlerResponse::Handled;
  });
  s.server.Get(".*", [&s](const httplib::Request& req, httplib::Response& res) {
    ApiRequest a;
    a.method = req.method;
    a.path = req.path;
    for (const auto& [k, v] : req.params) a.params.emplace_back(k, v);
    answer(res, s.router.handle(a));
  });
  s.server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = std::string("internal error: ") + e.what();
    } catch (...) {
    }
    answer(res, error_response(500, what));
  });
  s.server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {  // httplib's own refusals (bad request line, payload too large, ...)
      answer(res, error_response(res.status, status_text(res.status)));
    }
  });
  if (o.log) {
    s.server.set_logger([&s](const httplib::Request& req, const httplib::Response& res) {
      s.options.log(req.method, req.target.substr(0, 200), res.status);
    });
  }
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind() {
  Impl& s = *impl_;
  if (s.options.port == 0) {
    const int port = s.server.bind_to_any_port(s.options.host);
    if (port <= 0) throw Error("serve: cannot bind " + s.options.host + " (any port)");
    return port;
  }
  if (!s.server.bind_to_port(s.options.host, s.options.port))
    throw Error("serve: cannot bind " + s.options.host + ":" + std::to_string(s.options.port) + " (in use?)");
  return s.options.port;
}

void HttpServer::run() { impl_->server.listen_after_bind(); }

void HttpServer::stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

}  // namespace peta::serve
