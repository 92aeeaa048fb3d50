// peta serve under abuse (issue 17), against a running `peta serve` over the fixture on a free loopback port:
// bodies, header floods, pipelining, Host (DNS rebinding), a second server on the port, bad parameters, gzip,
// slow and idle clients (header deadline, connection cap, latency of ordinary requests while they are held).
// Every test is bounded in time (socket timeouts of a few seconds).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "query_fixture.hpp"
#include "serve_test_support.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

using Clock = std::chrono::steady_clock;

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

void send_text(int fd, const std::string& s) { ASSERT_EQ(::send(fd, s.data(), s.size(), MSG_NOSIGNAL), static_cast<ssize_t>(s.size())); }

// Reads until the server closes (or the 5 s receive timeout); `closed` says whether it closed.
std::string read_all(int fd, bool* closed = nullptr) {
  std::string out;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      out.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (closed) *closed = n == 0;
    return out;
  }
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

class ServeAbuse : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(test::temp_dir("serve-abuse"));
    test::write_query_fixture(*dir_ + "/peta.gpkg");
    server_ = new test::ServeProcess({"--gpkg", *dir_ + "/peta.gpkg"});
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0);
    delete server_;
    delete dir_;
  }
  // One request on its own connection, answered and closed; the raw answer.
  static std::string exchange(const std::string& request, bool* closed = nullptr) {
    const int fd = connect_to(server_->port());
    EXPECT_GE(fd, 0);
    send_text(fd, request);
    std::string answer = read_all(fd, closed);
    ::close(fd);
    return answer;
  }
  static inline const std::string kHost = "Host: 127.0.0.1\r\n";
  static std::string* dir_;
  static test::ServeProcess* server_;
};
std::string* ServeAbuse::dir_ = nullptr;
test::ServeProcess* ServeAbuse::server_ = nullptr;

TEST_F(ServeAbuse, ABodyIsRefusedWith413AndNeverReadAsASecondRequest) {
  const std::string smuggled = "GET /api/meta HTTP/1.1\r\n" + kHost + "\r\n";
  for (const std::string& framing :
       {"Content-Length: " + std::to_string(smuggled.size()), std::string("Transfer-Encoding: chunked"),
        std::string("Content-Length: -1"), std::string("Content-Length: 18446744073709551617")}) {
    const std::string body = framing.rfind("Transfer", 0) == 0
                                 ? "26\r\n" + smuggled + "\r\n0\r\n\r\n"
                                 : smuggled;
    bool closed = false;
    const std::string answer = exchange("GET /api/health HTTP/1.1\r\n" + kHost + framing + "\r\n\r\n" + body, &closed);
    EXPECT_EQ(answer.rfind("HTTP/1.1 413 ", 0), 0u) << framing << "\n" << answer;
    EXPECT_EQ(count(answer, "HTTP/1.1 "), 1u) << framing << ": the body was answered as a request\n" << answer;
    EXPECT_NE(answer.find("Connection: close"), std::string::npos);
    EXPECT_TRUE(closed) << framing;
  }
}

TEST_F(ServeAbuse, HugeHeadersGet431AndTheServerStaysSmall) {
  std::string flood = "GET /api/health HTTP/1.1\r\n" + kHost;
  for (int i = 0; i < 5000; ++i) flood += "X-Flood-" + std::to_string(i) + ": aaaaaaaaaaaaaaaa\r\n";
  flood += "\r\n";
  const int fd = connect_to(server_->port());
  ASSERT_GE(fd, 0);
  ::send(fd, flood.data(), flood.size(), MSG_NOSIGNAL);  // the server may stop reading part way: that is fine
  const std::string answer = read_all(fd);
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 431 ", 0), 0u) << answer.substr(0, 200);
  auto ok = httplib::Client("127.0.0.1", server_->port()).Get("/api/health");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

// Resident memory of a process, in KB (VmRSS from /proc).
long rss_kb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

TEST_F(ServeAbuse, TwelveMegabytesOfHeadersCostNoMemory) {
  // The flood: 12 MB in 900,000 header lines grew the server by ~95 MB per request, never returned.
  const long before = rss_kb(server_->pid());
  std::string chunk;
  for (int i = 0; i < 9000; ++i) chunk += "X-A: bbbbbbbb\r\n";  // 14 bytes a line, 126 KB a chunk
  for (int round = 0; round < 3; ++round) {
    const int fd = connect_to(server_->port());
    ASSERT_GE(fd, 0);
    send_text(fd, "GET /api/health HTTP/1.1\r\n" + kHost);
    std::size_t sent = 0;
    for (int i = 0; i < 100 && sent < 12'000'000; ++i) {  // until 12 MB are sent or the server stops reading
      const ssize_t n = ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    const std::string answer = read_all(fd);
    ::close(fd);
    EXPECT_EQ(answer.rfind("HTTP/1.1 431 ", 0), 0u) << answer.substr(0, 100);
  }
  const long after = rss_kb(server_->pid());
  ASSERT_GT(before, 0);
  EXPECT_LT(after - before, 8 * 1024) << "RSS " << before << " KB -> " << after << " KB";
}

TEST_F(ServeAbuse, ABurstOfConnectionsIsQueuedNotRefused) {
  // 300 clients connect at once (cpp-httplib's listen backlog was 5), then each asks: all are answered 200.
  std::vector<int> fds;
  for (int i = 0; i < 300; ++i) {
    const int fd = connect_to(server_->port());
    ASSERT_GE(fd, 0) << i;
    fds.push_back(fd);
  }
  const auto t0 = Clock::now();
  for (int fd : fds) send_text(fd, "GET /api/health HTTP/1.1\r\n" + kHost + "Connection: close\r\n\r\n");
  int ok = 0;
  for (int fd : fds) {
    ok += read_all(fd).rfind("HTTP/1.1 200 ", 0) == 0;
    ::close(fd);
  }
  EXPECT_EQ(ok, 300);
  EXPECT_LT(Clock::now() - t0, std::chrono::seconds(3));
}

TEST_F(ServeAbuse, PipelinedRequestsAreAllAnswered) {
  const std::string one = "GET /api/health HTTP/1.1\r\n" + kHost + "\r\n";
  const std::string answer = exchange(one + one + "GET /api/health HTTP/1.1\r\n" + kHost + "Connection: close\r\n\r\n");
  EXPECT_EQ(count(answer, "HTTP/1.1 200 OK"), 3u) << answer;
  EXPECT_EQ(count(answer, "{\"ok\":true}"), 3u);
}

TEST_F(ServeAbuse, HostHeaderIsCheckedAgainstDnsRebinding) {
  const std::string evil = exchange("GET /api/health HTTP/1.1\r\nHost: rebind.example:" +
                                    std::to_string(server_->port()) + "\r\n\r\n");
  EXPECT_EQ(evil.rfind("HTTP/1.1 403 ", 0), 0u) << evil;
  EXPECT_NE(evil.find("--allow-host rebind.example"), std::string::npos);
  const std::string local = exchange("GET /api/health HTTP/1.1\r\nHost: localhost:" + std::to_string(server_->port()) +
                                     "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(local.rfind("HTTP/1.1 200 ", 0), 0u) << local;

  test::ServeProcess allowing({"--gpkg", *dir_ + "/peta.gpkg", "--allow-host", "peta.kantor.local"});
  httplib::Client c("127.0.0.1", allowing.port());
  auto r = c.Get("/api/health", {{"Host", "peta.kantor.local"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(allowing.stop(), 0);
}

TEST_F(ServeAbuse, ASecondServerOnTheSamePortIsRefused) {
  const std::string err = *dir_ + "/second.err";
  const std::string command = std::string(PETA_CLI) + " serve --gpkg " + *dir_ + "/peta.gpkg --port " +
                              std::to_string(server_->port()) + " > /dev/null 2> " + err;
  const auto started = Clock::now();
  const int rc = std::system(command.c_str());
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(20));
  EXPECT_NE(rc, 0);
  EXPECT_NE(test::read_file(err).find("address in use"), std::string::npos) << test::read_file(err);
  auto ok = httplib::Client("127.0.0.1", server_->port()).Get("/api/health");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ServeAbuse, BadParametersGetCleanMessages) {
  httplib::Client c("127.0.0.1", server_->port());
  auto utf8 = c.Get("/api/query?category=jalan%ff");
  ASSERT_TRUE(utf8);
  EXPECT_EQ(utf8->status, 400);
  EXPECT_EQ(utf8->body, "{\"error\":\"parameter 'category': not valid UTF-8 (send UTF-8 text, percent-encoded)\"}\n");
  auto key = c.Get("/api/query?%ff%fe=1");
  ASSERT_TRUE(key);
  EXPECT_EQ(key->status, 400);
  EXPECT_EQ(key->body.find("exception"), std::string::npos) << key->body;

  auto zero = c.Get("/api/query?n=0");
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->status, 400);
  EXPECT_NE(zero->body.find("n: 0 rows asked"), std::string::npos) << zero->body;

  auto literal = c.Get("/api/query?kecamatan=Sumber=Lumbang");
  ASSERT_TRUE(literal);
  EXPECT_EQ(literal->status, 400);
  EXPECT_NE(literal->body.find("no kecamatan 'Sumber=Lumbang'"), std::string::npos) << literal->body;

  auto escape = c.Get("/api/query?category=%zz");
  ASSERT_TRUE(escape);
  EXPECT_EQ(escape->status, 400);
}

TEST_F(ServeAbuse, LayersAreGzippedWhenTheClientAcceptsIt) {
  const std::string plain = exchange("GET /api/layers/desa.geojson HTTP/1.1\r\n" + kHost + "Connection: close\r\n\r\n");
  const std::string zipped = exchange("GET /api/layers/desa.geojson HTTP/1.1\r\n" + kHost +
                                      "Accept-Encoding: gzip, deflate\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(plain.find("Content-Encoding"), std::string::npos);
  EXPECT_NE(zipped.find("Content-Encoding: gzip"), std::string::npos) << zipped.substr(0, 400);
  EXPECT_NE(zipped.find("Vary: Accept-Encoding"), std::string::npos);
  const std::string body = zipped.substr(zipped.find("\r\n\r\n") + 4);
  ASSERT_GE(body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(body[0]), 0x1f);  // the gzip magic number
  EXPECT_EQ(static_cast<unsigned char>(body[1]), 0x8b);
  EXPECT_LT(body.size() * 3, plain.size());
  // cpp-httplib's client inflates it: the same layer.
  httplib::Client c("127.0.0.1", server_->port());
  auto inflated = c.Get("/api/layers/desa.geojson", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(inflated);
  EXPECT_EQ(inflated->body, plain.substr(plain.find("\r\n\r\n") + 4));
}

TEST_F(ServeAbuse, SlowAndIdleClientsDoNotDelayOrdinaryRequests) {
  // 100 idle connections and 100 that trickle a header line every 200 ms (the 40 blocked everything).
  std::vector<int> held;
  for (int i = 0; i < 200; ++i) {
    const int fd = connect_to(server_->port());
    ASSERT_GE(fd, 0) << i;
    if (i % 2) send_text(fd, "GET /api/health HTTP/1.1\r\n");
    held.push_back(fd);
  }
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    while (!done) {
      for (std::size_t i = 1; i < held.size(); i += 2) ::send(held[i], "X-Slow: 1\r\n", 11, MSG_NOSIGNAL);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  std::vector<double> ms;
  for (int i = 0; i < 300; ++i) {
    const auto t0 = Clock::now();
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(5, 0);
    auto r = c.Get("/api/query?category=jalan_rusak&n=10");
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    ASSERT_TRUE(r) << i;
    ASSERT_EQ(r->status, 200) << i;
  }
  done = true;
  trickle.join();
  for (int fd : held) ::close(fd);
  std::sort(ms.begin(), ms.end());
  const double p99 = ms[ms.size() * 99 / 100];
  std::printf("ordinary requests with 200 slow/idle connections held: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
              ms[ms.size() / 2], p99, ms.back());
  EXPECT_LT(p99, 100.0);
}

TEST(ServeLimits, AHeadNotCompleteInTimeGets408AndTheConnectionCapA503) {
  const std::string dir = test::temp_dir("serve-limits");
  test::write_query_fixture(dir + "/peta.gpkg");
  test::ServeProcess server({"--gpkg", dir + "/peta.gpkg", "--timeout", "1", "--max-connections", "20"});

  // A client that trickles a header line every 300 ms is cut at the 1 s head deadline, not kept alive by them.
  const int slow = connect_to(server.port());
  ASSERT_GE(slow, 0);
  const auto t0 = Clock::now();
  send_text(slow, "GET /api/health HTTP/1.1\r\n");
  std::string answer;
  for (int i = 0; i < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    if (::send(slow, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL) < 0) break;
    char buffer[512];
    const ssize_t n = ::recv(slow, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) {
      answer.assign(buffer, static_cast<std::size_t>(n));
      break;
    }
  }
  if (answer.empty()) answer = read_all(slow);
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  ::close(slow);
  EXPECT_EQ(answer.rfind("HTTP/1.1 408 ", 0), 0u) << answer;
  EXPECT_LT(seconds, 2.5);

  // 20 connections held: the 21st is answered 503 at once; when they go, requests are answered again.
  std::vector<int> held;
  for (int i = 0; i < 20; ++i) held.push_back(connect_to(server.port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the server accept them
  const auto t1 = Clock::now();
  const int extra = connect_to(server.port());
  ASSERT_GE(extra, 0);
  send_text(extra, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  const std::string refused = read_all(extra);
  ::close(extra);
  EXPECT_EQ(refused.rfind("HTTP/1.1 503 ", 0), 0u) << refused;
  EXPECT_NE(refused.find("too many connections (20 open)"), std::string::npos);
  EXPECT_LT(Clock::now() - t1, std::chrono::milliseconds(1000));
  for (int fd : held) ::close(fd);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto ok = httplib::Client("127.0.0.1", server.port()).Get("/api/health");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace peta
