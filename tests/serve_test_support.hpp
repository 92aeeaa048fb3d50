#pragma once
// Starts `peta serve` as a child process on a free loopback port and stops it (SIGTERM) when destroyed.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace peta::test {

class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      close(out[0]);
      close(out[1]);
      std::vector<char*> argv;
      std::string cli = PETA_CLI;
      argv.push_back(cli.data());
      std::string verb = "serve", port = "--port", zero = "0";
      argv.push_back(verb.data());
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(port.data());
      argv.push_back(zero.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    // The first line is "peta serve: http://127.0.0.1:PORT/  (...)".
    FILE* in = fdopen(out[0], "r");
    char line[512] = {0};
    if (!fgets(line, sizeof line, in)) {
      fclose(in);
      throw std::runtime_error("peta serve printed nothing");
    }
    first_line_ = line;
    fclose(in);
    auto colon = first_line_.find("127.0.0.1:");
    if (colon == std::string::npos) throw std::runtime_error("unexpected first line: " + first_line_);
    port_ = std::stoi(first_line_.substr(colon + 10));
  }
  ~ServeProcess() {
    if (pid_ > 0 && !stopped_) stop();
  }
  // Sends SIGTERM and returns the exit status (0 = clean).
  int stop() {
    stopped_ = true;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& first_line() const { return first_line_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  bool stopped_ = false;
  std::string first_line_;
};

}  // namespace peta::test
