#pragma once
// Runs a program as a child process and reports its wall time and peak memory (for `peta bench`).
#include <string>
#include <vector>

namespace peta::cli {

struct ChildResult {
  int exit_code = -1;
  double seconds = 0;
  long peak_rss_kb = 0;
  double cpu_seconds = 0;  // user + system CPU time (the machine may be shared: wall time alone misleads)
};

// argv[0] is looked up on PATH. stdout goes to `stdout_path` when given, else is inherited.
ChildResult run_child(const std::vector<std::string>& argv, const std::string& stdout_path = "");

// The path of the running executable (/proc/self/exe).
std::string self_executable();

}  // namespace peta::cli
