#pragma once
// One progress display for a whole run, on a stream of its own (stderr), so stdout stays clean for
// `--json`: the share done, the stage's name and an estimate of the time left.
//   terminal:     one line redrawn in place (at most every 100 ms):  " 73% lapisan   sisa ~4 dtk"
//   not terminal: a line at each stage change and each further 10 % (a log, not a redraw)
// The estimate is the elapsed time scaled by what is left ((1 - f) / f), shown once 2 % is done.
#include <chrono>
#include <cstdio>
#include <string>

namespace peta {

class ProgressDisplay {
 public:
  ProgressDisplay(std::FILE* out, bool terminal);
  ~ProgressDisplay();  // ends the redrawn line
  // `fraction` of the whole run (0..1, never shown going back), `stage` its current stage.
  void update(double fraction, const char* stage);
  // The line as it is shown, for tests: the percentage, the stage, the time left (seconds; < 0: unknown).
  static std::string line(double fraction, const std::string& stage, double seconds_left);

 private:
  std::FILE* out_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  double shown_ = 0;
  int last_decile_ = -1;
  std::string stage_;
  bool drawn_ = false;
};

}  // namespace peta
