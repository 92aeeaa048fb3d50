// peta serve PROJECT.json: the read-only HTTP API and the offline web map over a built project.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <thread>

#include "model_source.hpp"
#include "serve/http_server.hpp"
#include "serve/live_model.hpp"
#include "verbs.hpp"

namespace peta::cli {

namespace {

class ServeVerb : public Verb {
 public:
  explicit ServeVerb(CLI::App& app)
      : Verb(app, "serve", "Sajikan API HTTP dan peta web (read-only HTTP API and offline web map)") {
    CLI::App& c = command();
    source_.add_options(&c);
    c.add_option("--host", options_.host, "Alamat (address; default 127.0.0.1, this machine only)");
    c.add_option("--port", options_.port, "Port (default 8080; 0 = any free port)")->check(CLI::Range(0, 65535));
    c.add_option("--threads", options_.threads, "Thread pekerja (worker threads; default 8)")->check(CLI::Range(1u, 256u));
    c.add_option("--max-connections", options_.max_connections,
                 "Koneksi terbuka terbanyak; lebih dijawab 503 (open connections; default 512)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{900}));
    c.add_option("--timeout", options_.io_timeout_s,
                 "Detik untuk menerima kepala permintaan dan menulis jawaban (seconds to receive a request head, "
                 "idle keep-alive, and to write; default 5)")
        ->check(CLI::Range(1, 300));
    c.add_option("--allow-host", options_.allow_hosts,
                 "Nama Host yang diterima selain alamat IP dan localhost (Host names to accept besides IP "
                 "addresses and localhost, e.g. peta.kantor.local; '*' = any). Guards against DNS rebinding")
        ->allow_extra_args(false);
    c.add_option("--max-rows", options_.router.spec.max_rows, "Baris terbanyak per jawaban (rows per answer; default 10000)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}));
    c.add_option("--query-ms", query_ms_, "Batas waktu per kueri, ms (time per query; default 2000)")
        ->check(CLI::Range(1u, 600'000u));
    c.add_option("--cache-mb", cache_mb_,
                 "Jawaban yang disimpan sampai store berubah, MB; 0 = hitung tiap permintaan (answers kept until the "
                 "store changes, MB; 0 = compute every request; default 64)")
        ->check(CLI::Range(0u, 4096u));
    c.add_flag("--log", log_, "Catat tiap permintaan ke stderr (log each request)");
  }

  int run() override {
    options_.router.query_budget = std::chrono::milliseconds(query_ms_);
    options_.router.cache_bytes = std::size_t{cache_mb_} << 20;
    if (log_)
      options_.log = [](const std::string& method, const std::string& target, int status) {
        std::fprintf(stderr, "%d %s %s\n", status, method.c_str(), target.c_str());
      };
    // The store is followed: after an import or a status change the answers are computed again, once.
    serve::LiveModel live(source_.load(), source_.store_source());
    const auto start = live.current();
    const query::QueryModel& model = *start.model;
    // SIGINT/SIGTERM end the server cleanly: every thread blocks them and one waits for them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    serve::HttpServer server(live, options_);
    const int port = server.bind();
    std::thread waiter([&] {
      int signal = 0;
      sigwait(&stop_signals, &signal);
      server.stop();
    });
    std::printf("peta serve: http://%s:%d/  (%zu desa, %zu kecamatan, %zu temuan; read-only)\n", options_.host.c_str(),
                port, model.desa.size(), model.kecamatan.size(), model.findings.size());
    if (options_.host != "127.0.0.1" && options_.host != "localhost" && options_.host != "::1")
      std::printf("peta serve: note: listening on %s, reachable from other machines\n", options_.host.c_str());
    std::fflush(stdout);
    server.run();
    pthread_kill(waiter.native_handle(), SIGTERM);  // wake the waiter when stopped otherwise
    waiter.join();
    return 0;
  }

 private:
  ModelSource source_;
  serve::ServeOptions options_;
  unsigned query_ms_ = 2000;
  unsigned cache_mb_ = 64;
  bool log_ = false;
};

}  // namespace

void add_serve(CLI::App& app) { add_verb<ServeVerb>(app); }

}  // namespace peta::cli
