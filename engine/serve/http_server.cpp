#include "serve/http_server.hpp"

#include <httplib.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "core/error.hpp"
#include "serve/connection_gate.hpp"
#include "serve/request_head.hpp"

namespace peta::serve {
namespace {

// cpp-httplib's request handling (parse the head, pre-routing check, route, write the answer, compress JSON and
// text when the client accepts it), driven by ConnectionGate one complete head at a time.
class RequestHandler : public httplib::Server {
 public:
  bool handle(httplib::Stream& stream, bool& close) { return process_request(stream, false, close, {}); }
};

// One request head in memory for cpp-httplib to read; the answer goes to the socket.
class HeadStream : public httplib::Stream {
 public:
  explicit HeadStream(const GateRequest& r) : r_(r) {}
  bool is_readable() const override { return read_ < r_.head.size(); }
  bool is_writable() const override { return !failed_; }
  ssize_t read(char* ptr, size_t size) override {
    size = std::min(size, r_.head.size() - read_);
    std::memcpy(ptr, r_.head.data() + read_, size);
    read_ += size;
    return static_cast<ssize_t>(size);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (failed_ || !write_all(r_.fd, ptr, size, r_.write_timeout)) {
      failed_ = true;
      return -1;
    }
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
  socket_t socket() const override { return r_.fd; }
  bool failed() const { return failed_; }

 private:
  void address(bool peer, std::string& ip, int& port) const {
    sockaddr_storage a{};
    socklen_t n = sizeof a;
    if ((peer ? ::getpeername : ::getsockname)(r_.fd, reinterpret_cast<sockaddr*>(&a), &n) != 0) return;
    char text[INET6_ADDRSTRLEN] = {0};
    if (a.ss_family == AF_INET6) {
      auto* v6 = reinterpret_cast<sockaddr_in6*>(&a);
      ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    } else {
      auto* v4 = reinterpret_cast<sockaddr_in*>(&a);
      ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    }
    ip = text;
  }
  const GateRequest& r_;
  std::size_t read_ = 0;
  bool failed_ = false;
};

void answer(httplib::Response& res, const ApiResponse& a) {
  res.status = a.status;
  res.set_content(a.body, a.content_type.c_str());
  if (!a.content_encoding.empty()) res.set_header("Content-Encoding", a.content_encoding);
  if (a.varies_by_encoding) res.set_header("Vary", "Accept-Encoding");
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

bool accepts_gzip(const httplib::Request& req) {
  // "gzip" listed, and not refused with q=0 (a simple reading: browsers, curl and wrk send "gzip, deflate, br").
  const std::string v = req.get_header_value("Accept-Encoding");
  const auto at = v.find("gzip");
  if (at == std::string::npos) return false;
  const auto end = v.find(',', at);
  const std::string item = v.substr(at, end == std::string::npos ? std::string::npos : end - at);
  return item.find("q=0") == std::string::npos || item.find("q=0.") != std::string::npos;
}

}  // namespace

struct HttpServer::Impl {
  Impl(const query::QueryModel& model, ServeOptions o) : options(std::move(o)), router(model, options.router) {}
  Impl(LiveModel& live, ServeOptions o) : options(std::move(o)), router(live, options.router) {}
  ServeOptions options;
  ApiRouter router;
  RequestHandler server;
  std::unique_ptr<ConnectionGate> gate;
};

HttpServer::HttpServer(const query::QueryModel& model, ServeOptions options)
    : HttpServer(std::make_unique<Impl>(model, std::move(options))) {}

HttpServer::HttpServer(LiveModel& live, ServeOptions options)
    : HttpServer(std::make_unique<Impl>(live, std::move(options))) {}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  Impl& s = *impl_;
  const ServeOptions& o = s.options;
  s.server.set_payload_max_length(1);  // the gate lets no body through; this is a second lock
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
    a.accepts_gzip = accepts_gzip(req);
    // The query string is parsed here, not by cpp-httplib (0.11 splits "a=b=c" at every '=').
    const auto question = req.target.find('?');
    if (question != std::string::npos &&
        !parse_query_string(std::string_view(req.target).substr(question + 1), a.params)) {
      answer(res, error_response(400, "malformed percent-escape in the query string"));
      return;
    }
    answer(res, s.router.handle(a));
  });
  s.server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    answer(res, error_response(500, "internal error"));  // no exception text: it may echo the request
  });
  s.server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {  // httplib's own refusals (bad request line, ...)
      answer(res, error_response(res.status, status_text(res.status)));
    }
  });
  if (o.log) {
    s.server.set_logger([&s](const httplib::Request& req, const httplib::Response& res) {
      s.options.log(req.method, req.target.substr(0, 200), res.status);
    });
  }
  GateOptions g;
  g.host = o.host;
  g.port = o.port;
  g.max_connections = o.max_connections;
  g.max_head_bytes = o.max_head_bytes;
  g.head_timeout = std::chrono::seconds(o.io_timeout_s);
  g.write_timeout = std::chrono::seconds(o.io_timeout_s);
  g.workers = o.threads;
  g.rules.allowed_hosts = o.allow_hosts;
  s.gate = std::make_unique<ConnectionGate>(g, [&s](const GateRequest& r) {
    HeadStream stream(r);
    bool close = false;
    const bool ok = s.server.handle(stream, close);
    return ok && !close && !stream.failed();
  });
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind() { return impl_->gate->bind(); }

void HttpServer::run() { impl_->gate->run(); }

void HttpServer::stop() {
  if (impl_ && impl_->gate) impl_->gate->stop();
}

}  // namespace peta::serve
