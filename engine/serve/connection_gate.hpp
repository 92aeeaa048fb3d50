#pragma once
// The connection layer in front of cpp-httplib's request handling. cpp-httplib 0.11 (Debian 12) reads a request
// in a pool thread with only a per-recv timeout, no cap on the header count and no cap on connections: 40
// clients trickling a header line every 2 s hold 40 threads forever, 900,000 header lines are read into memory,
// its listen backlog is 5, and it binds with SO_REUSEPORT so a second server silently shares the port. This
// layer, one epoll thread, owns the sockets:
//   - a listen socket with SO_REUSEADDR only (a second `peta serve` gets "address in use") and a large backlog;
//   - a cap on open connections: one more is answered 503 at once and closed;
//   - a deadline for a request's whole head (and for an idle keep-alive connection), then 408 and close;
//   - a cap on the head's size (431), and the head checks of request_head.hpp (body 413, Host 403);
//   - only a complete, checked head goes to a worker thread, which hands it to the handler (cpp-httplib's own
//     parser and router); bytes after it stay buffered for the next request (pipelining), never read as a body.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "serve/request_head.hpp"

namespace peta::serve {

struct GateOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                                   // 0: any free port
  int backlog = 1024;                                // the kernel caps it at net.core.somaxconn
  std::size_t max_connections = 512;                 // open at once (keep FD numbers under FD_SETSIZE for httplib)
  std::size_t max_head_bytes = 16 * 1024;            // request line + headers; more is 431
  std::chrono::milliseconds head_timeout{5000};      // to receive a whole head (or idle between requests): 408
  std::chrono::milliseconds write_timeout{5000};     // to write an answer
  unsigned workers = 8;                              // threads that answer complete requests
  HeadRules rules;
};

// A connection's socket and the one request head read for it; the handler writes the answer to `fd` with
// write_all() and returns false when the connection is to be closed afterwards.
struct GateRequest {
  int fd = -1;
  std::string head;
  std::chrono::milliseconds write_timeout{5000};
};
using GateHandler = std::function<bool(const GateRequest&)>;

// Writes all of `data` to the (non-blocking) socket within `timeout`; false on error or timeout.
bool write_all(int fd, const char* data, std::size_t size, std::chrono::milliseconds timeout);

class ConnectionGate {
 public:
  ConnectionGate(GateOptions options, GateHandler handler);
  ~ConnectionGate();
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  // Binds and listens; returns the port. Throws peta::Error ("address in use", ...).
  int bind();
  // Runs the event loop until stop(); answers in-flight requests before returning.
  void run();
  void stop();  // any thread

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace peta::serve
