#pragma once
// Small helpers shared by the tests: where the real data lives, temporary folders, files.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace peta::test {

// Built with AddressSanitizer (build-asan, clang; GCC defines __SANITIZE_ADDRESS__): instrumented code runs several
// times slower, so time limits are checked only in the release build.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

inline std::string data(const std::string& relative) { return std::string(PETA_SHARED_DATA) + "/" + relative; }

// A fresh, empty folder under the system temp dir, unique per test process and name.
inline std::string temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("peta-test-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

inline void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs the peta CLI (PETA_CLI) with `args` (shell words), in `dir`'s files cli.out and cli.err.
struct CliRun {
  int code = -1;
  std::string out, err;
};

inline CliRun run_cli(const std::string& args, const std::string& dir) {
  const std::string out = dir + "/cli.out", err = dir + "/cli.err";
  const int status = std::system((std::string(PETA_CLI) + " " + args + " > '" + out + "' 2> '" + err + "'").c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
}

// Runs the peta CLI with `args` (its output to /dev/null) and, when kill_after_ms >= 0, sends it SIGKILL after that
// many milliseconds. Returns the exit code, or minus the signal that ended it (-SIGKILL when killed in time).
inline int run_peta_killed_after(const std::vector<std::string>& args, int kill_after_ms = -1) {
  const pid_t child = ::fork();
  if (child == 0) {
    std::vector<char*> argv;
    std::string cli = PETA_CLI;
    argv.push_back(cli.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execv(PETA_CLI, argv.data());
    ::_exit(127);
  }
  if (kill_after_ms >= 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
    ::kill(child, SIGKILL);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace peta::test
