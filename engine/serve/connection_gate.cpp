#include "serve/connection_gate.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace peta::serve {
namespace {

using Clock = std::chrono::steady_clock;

const char* reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

std::string refusal(int status, const std::string& message) {
  const std::string body =
      nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason(status) +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\nCache-Control: no-store\r\n" + (status == 405 ? "Allow: GET, HEAD\r\n" : "") +
         "\r\n" + body;
}

enum class State { reading, busy, draining };

struct Connection {
  std::string buffer;
  Clock::time_point deadline;
  State state = State::reading;
};

}  // namespace

bool write_all(int fd, const char* data, std::size_t size, std::chrono::milliseconds timeout) {
  const auto end = Clock::now() + timeout;
  while (size > 0) {
    const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n > 0) {
      data += n;
      size -= static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
      if (left <= 0) return false;
      pollfd p{fd, POLLOUT, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
      if (p.revents & (POLLERR | POLLHUP)) return false;
      continue;
    }
    return false;
  }
  return true;
}

struct ConnectionGate::Impl {
  GateOptions options;
  GateHandler handler;
  int listen_fd = -1, epoll_fd = -1, wake_fd = -1;
  std::atomic<bool> stopping{false};
  std::unordered_map<int, Connection> connections;  // the event thread's alone
  std::size_t draining = 0;
  std::mutex returned_mutex;
  std::vector<std::pair<int, bool>> returned;       // (fd, keep open) from the workers
  std::unique_ptr<httplib::ThreadPool> workers;

  void watch(int fd) {
    epoll_event e{};
    e.events = EPOLLIN;
    e.data.fd = fd;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &e);
  }
  void unwatch(int fd) { ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr); }

  void close_connection(int fd) {
    auto it = connections.find(fd);
    if (it == connections.end()) return;
    if (it->second.state == State::draining) --draining;
    unwatch(fd);
    ::close(fd);
    connections.erase(it);
  }

  // Answers with an error, stops sending and reads (and drops) what the client still sends for a second, so
  // that closing with unread data does not reset the connection before the client has read the answer.
  void refuse(int fd, Connection& c, int status, const std::string& message) {
    const std::string answer = refusal(status, message);
    ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    c.buffer.clear();
    c.buffer.shrink_to_fit();
    if (c.state != State::draining) ++draining;
    c.state = State::draining;
    c.deadline = Clock::now() + std::chrono::seconds(1);
  }

  void accept_all() {
    for (;;) {
      const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN: no more waiting; EMFILE and the like: the backlog keeps them
      const int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      Connection& c = connections[fd];
      watch(fd);
      if (connections.size() - draining > options.max_connections) {
        if (draining >= options.max_connections) {  // refusing costs too: beyond this, just close
          close_connection(fd);
          continue;
        }
        refuse(fd, c, 503,
               "too many connections (" + std::to_string(options.max_connections) + " open); try again shortly");
        continue;
      }
      c.deadline = Clock::now() + options.head_timeout;
    }
  }

  void dispatch(int fd) {
    Connection& c = connections[fd];
    if (c.state != State::reading) return;
    const std::size_t end = head_end(c.buffer);
    if (end == std::string::npos) {
      if (c.buffer.size() > options.max_head_bytes)
        refuse(fd, c, 431, "request head larger than " + std::to_string(options.max_head_bytes) + " bytes");
      return;
    }
    if (end > options.max_head_bytes) {
      refuse(fd, c, 431, "request head larger than " + std::to_string(options.max_head_bytes) + " bytes");
      return;
    }
    std::string head = c.buffer.substr(0, end);
    const HeadVerdict verdict = check_head(head, options.rules);
    if (verdict.status) {
      refuse(fd, c, verdict.status, verdict.message);
      return;
    }
    c.buffer.erase(0, end);  // what follows is the next request (pipelining), never this one's body
    c.state = State::busy;
    unwatch(fd);
    workers->enqueue([this, fd, head = std::move(head)] {
      bool keep = false;
      try {
        keep = handler(GateRequest{fd, head, options.write_timeout});
      } catch (...) {
        keep = false;
      }
      {
        std::lock_guard<std::mutex> lock(returned_mutex);
        returned.emplace_back(fd, keep);
      }
      const std::uint64_t one = 1;
      [[maybe_unused]] auto n = ::write(wake_fd, &one, sizeof one);
    });
  }

  void on_readable(int fd) {
    auto it = connections.find(fd);
    if (it == connections.end()) return;
    Connection& c = it->second;
    char chunk[16384];
    for (;;) {
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n > 0) {
        if (c.state == State::draining) continue;
        c.buffer.append(chunk, static_cast<std::size_t>(n));
        if (c.buffer.size() > options.max_head_bytes + sizeof chunk) break;  // enough to decide: 431 below
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      close_connection(fd);  // closed by the client, or an error
      return;
    }
    if (c.state == State::reading) dispatch(fd);
  }

  void take_returned() {
    std::vector<std::pair<int, bool>> done;
    {
      std::lock_guard<std::mutex> lock(returned_mutex);
      done.swap(returned);
    }
    for (auto [fd, keep] : done) {
      auto it = connections.find(fd);
      if (it == connections.end()) continue;
      if (!keep || stopping) {
        close_connection(fd);
        continue;
      }
      it->second.state = State::reading;
      it->second.deadline = Clock::now() + options.head_timeout;
      watch(fd);
      dispatch(fd);  // a pipelined request may already be buffered
    }
  }

  void expire() {
    const auto now = Clock::now();
    std::vector<int> late;
    for (auto& [fd, c] : connections)
      if (c.state != State::busy && now > c.deadline) late.push_back(fd);
    for (int fd : late) {
      Connection& c = connections[fd];
      if (c.state == State::reading && !c.buffer.empty())
        refuse(fd, c, 408, "request head not received within " + std::to_string(options.head_timeout.count()) + " ms");
      else
        close_connection(fd);  // idle keep-alive, or done draining
    }
  }
};

ConnectionGate::ConnectionGate(GateOptions options, GateHandler handler) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
  impl_->wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl_->wake_fd < 0) throw Error(std::string("serve: eventfd: ") + std::strerror(errno));
}

ConnectionGate::~ConnectionGate() {
  stop();
  if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
  if (impl_->epoll_fd >= 0) ::close(impl_->epoll_fd);
  ::close(impl_->wake_fd);
}

int ConnectionGate::bind() {
  Impl& s = *impl_;
  const std::string where = s.options.host + ":" + std::to_string(s.options.port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(s.options.port);
  if (int rc = ::getaddrinfo(s.options.host.c_str(), port.c_str(), &hints, &found); rc != 0)
    throw Error("serve: cannot resolve " + s.options.host + ": " + ::gai_strerror(rc));
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> owner(found, &::freeaddrinfo);
  const int fd = ::socket(found->ai_family, found->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, found->ai_protocol);
  if (fd < 0) throw Error("serve: socket: " + std::string(std::strerror(errno)));
  // SO_REUSEADDR only: a restart may bind while old connections sit in TIME_WAIT, but a second server on the
  // same port fails (cpp-httplib's default sets SO_REUSEPORT, which lets two servers share the port silently).
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(fd, found->ai_addr, found->ai_addrlen) != 0 || ::listen(fd, s.options.backlog) != 0) {
    const int e = errno;
    ::close(fd);
    if (e == EADDRINUSE) throw Error("serve: cannot listen on " + where + ": address in use (is another peta serve running?)");
    throw Error("serve: cannot listen on " + where + ": " + std::strerror(e));
  }
  s.listen_fd = fd;
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
  return ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
}

void ConnectionGate::run() {
  Impl& s = *impl_;
  if (s.listen_fd < 0) throw Error("serve: run() before bind()");
  s.epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  s.workers = std::make_unique<httplib::ThreadPool>(s.options.workers ? s.options.workers : 1);
  s.watch(s.listen_fd);
  s.watch(s.wake_fd);
  std::vector<epoll_event> events(256);
  auto last_expiry = Clock::now();
  while (!s.stopping) {
    const int n = ::epoll_wait(s.epoll_fd, events.data(), static_cast<int>(events.size()), 50);
    for (int i = 0; i < n; ++i) {
      const int fd = events[static_cast<std::size_t>(i)].data.fd;
      if (fd == s.listen_fd) s.accept_all();
      else if (fd == s.wake_fd) {
        std::uint64_t count;
        [[maybe_unused]] auto r = ::read(s.wake_fd, &count, sizeof count);
      } else s.on_readable(fd);
    }
    s.take_returned();
    // Deadlines are checked every 50 ms, not on every wake-up: under load the loop wakes thousands of times a
    // second, and each check walks every open connection.
    if (const auto now = Clock::now(); now - last_expiry >= std::chrono::milliseconds(50)) {
      s.expire();
      last_expiry = now;
    }
  }
  s.workers->shutdown();  // answers what is in flight
  s.take_returned();
  std::vector<int> open;
  for (auto& [fd, c] : s.connections) open.push_back(fd);
  for (int fd : open) s.close_connection(fd);
}

void ConnectionGate::stop() {
  if (!impl_ || impl_->stopping.exchange(true)) return;
  const std::uint64_t one = 1;
  [[maybe_unused]] auto n = ::write(impl_->wake_fd, &one, sizeof one);
}

}  // namespace peta::serve
