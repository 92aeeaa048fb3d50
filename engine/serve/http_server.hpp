#pragma once
// `peta serve`: the ApiRouter behind cpp-httplib's request parser and router, with ConnectionGate owning the
// sockets. Binds 127.0.0.1 by default; bounded in connections, in request head size and time (the gate), in
// target length and method (a pre-routing check), in time per query and in result rows (the router).
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "serve/api_router.hpp"

namespace peta::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port (printed by the caller)
  unsigned threads = 8;                  // worker threads answering complete requests
  std::size_t max_connections = 512;     // open at once; one more gets a quick 503
  std::size_t max_head_bytes = 16 * 1024;  // request line + headers; more is 431
  std::size_t max_target_length = 2048;  // path + query string; longer is 414
  int io_timeout_s = 5;                  // to receive a request head (or idle keep-alive), and to write an answer
  std::vector<std::string> allow_hosts;  // Host names accepted besides IP literals and localhost ("*": any)
  RouterLimits router;
  // Called once per request after it is answered (method, target, status); may be empty.
  std::function<void(const std::string&, const std::string&, int)> log;
};

class LiveModel;

class HttpServer {
 public:
  // Serves a fixed model (kept by the caller).
  HttpServer(const query::QueryModel& model, ServeOptions options);
  // Serves the live model (kept by the caller): the findings store followed (serve/live_model.hpp).
  HttpServer(LiveModel& live, ServeOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; returns the port (the chosen one when options.port == 0). Throws peta::Error on failure
  // ("address in use" when another server has the port).
  int bind();
  // Serves until stop() is called (from another thread or a signal handler's thread).
  void run();
  void stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace peta::serve
