#pragma once
// `peta serve`: the ApiRouter behind cpp-httplib. Binds 127.0.0.1 by default; bounded in request size
// (target length, headers, no body), in time (read/write timeouts, a budget per query) and in result rows.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "serve/api_router.hpp"

namespace peta::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port (printed by the caller)
  unsigned threads = 32;                 // worker threads: one per open keep-alive connection
  std::size_t max_target_length = 2048;  // path + query string; longer is 414
  std::size_t max_body = 1024;           // a GET has no body; more is 413
  int io_timeout_s = 5;                  // read and write timeouts per connection
  RouterLimits router;
  // Called once per request after it is answered (method, target, status); may be empty.
  std::function<void(const std::string&, const std::string&, int)> log;
};

class HttpServer {
 public:
  HttpServer(const query::QueryModel& model, ServeOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; returns the port (the chosen one when options.port == 0). Throws peta::Error on failure.
  int bind();
  // Serves until stop() is called (from another thread or a signal handler's thread).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace peta::serve
