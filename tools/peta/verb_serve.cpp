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

void add_serve(CLI::App& app) {
  auto* sub = app.add_subcommand("serve", "Sajikan API HTTP dan peta web (read-only HTTP API and offline web map)");
  static ModelSource source;
  static serve::ServeOptions options;
  static unsigned query_ms = 2000;
  static unsigned cache_mb = 64;
  static bool log = false;
  source.add_options(sub);
  sub->add_option("--host", options.host, "Alamat (address; default 127.0.0.1, this machine only)");
  sub->add_option("--port", options.port, "Port (default 8080; 0 = any free port)")->check(CLI::Range(0, 65535));
  sub->add_option("--threads", options.threads, "Thread pekerja (worker threads; default 8)")->check(CLI::Range(1u, 256u));
  sub->add_option("--max-connections", options.max_connections,
                  "Koneksi terbuka terbanyak; lebih dijawab 503 (open connections; default 512)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{900}));
  sub->add_option("--timeout", options.io_timeout_s,
                  "Detik untuk menerima kepala permintaan dan menulis jawaban (seconds to receive a request head, "
                  "idle keep-alive, and to write; default 5)")
      ->check(CLI::Range(1, 300));
  sub->add_option("--allow-host", options.allow_hosts,
                  "Nama Host yang diterima selain alamat IP dan localhost (Host names to accept besides IP "
                  "addresses and localhost, e.g. peta.kantor.local; '*' = any). Guards against DNS rebinding")
      ->allow_extra_args(false);
  sub->add_option("--max-rows", options.router.spec.max_rows, "Baris terbanyak per jawaban (rows per answer; default 10000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}));
  sub->add_option("--query-ms", query_ms, "Batas waktu per kueri, ms (time per query; default 2000)")->check(CLI::Range(1u, 600'000u));
  sub->add_option("--cache-mb", cache_mb,
                  "Jawaban yang disimpan sampai store berubah, MB; 0 = hitung tiap permintaan (answers kept until the "
                  "store changes, MB; 0 = compute every request; default 64)")
      ->check(CLI::Range(0u, 4096u));
  sub->add_flag("--log", log, "Catat tiap permintaan ke stderr (log each request)");
  register_verb(sub, [] {
    options.router.query_budget = std::chrono::milliseconds(query_ms);
    options.router.cache_bytes = std::size_t{cache_mb} << 20;
    if (log)
      options.log = [](const std::string& method, const std::string& target, int status) {
        std::fprintf(stderr, "%d %s %s\n", status, method.c_str(), target.c_str());
      };
    // The store is followed: after an import or a status change the answers are computed again, once.
    serve::LiveModel live(source.load(), source.store_source());
    const auto start = live.current();
    const query::QueryModel& model = *start.model;
    // SIGINT/SIGTERM end the server cleanly: every thread blocks them and one waits for them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    serve::HttpServer server(live, options);
    const int port = server.bind();
    std::thread waiter([&] {
      int signal = 0;
      sigwait(&stop_signals, &signal);
      server.stop();
    });
    std::printf("peta serve: http://%s:%d/  (%zu desa, %zu kecamatan, %zu temuan; read-only)\n", options.host.c_str(),
                port, model.desa.size(), model.kecamatan.size(), model.findings.size());
    if (options.host != "127.0.0.1" && options.host != "localhost" && options.host != "::1")
      std::printf("peta serve: note: listening on %s, reachable from other machines\n", options.host.c_str());
    std::fflush(stdout);
    server.run();
    pthread_kill(waiter.native_handle(), SIGTERM);  // wake the waiter when stopped otherwise
    waiter.join();
    return 0;
  });
}

}  // namespace peta::cli
