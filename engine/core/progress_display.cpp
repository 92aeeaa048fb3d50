#include "core/progress_display.hpp"

#include <algorithm>
#include <cmath>

namespace peta {

ProgressDisplay::ProgressDisplay(std::FILE* out, bool terminal)
    : out_(out), terminal_(terminal), start_(std::chrono::steady_clock::now()) {}

ProgressDisplay::~ProgressDisplay() {
  if (terminal_ && drawn_) {
    std::fputc('\n', out_);
    std::fflush(out_);
  }
}

std::string ProgressDisplay::line(double fraction, const std::string& stage, double seconds_left) {
  char text[160];
  const int percent = static_cast<int>(std::floor(std::clamp(fraction, 0.0, 1.0) * 100.0));
  if (seconds_left < 0) {
    std::snprintf(text, sizeof text, "%3d%% %-10s sisa ?", percent, stage.c_str());
  } else if (seconds_left < 90) {
    std::snprintf(text, sizeof text, "%3d%% %-10s sisa ~%.0f dtk", percent, stage.c_str(), std::ceil(seconds_left));
  } else {
    std::snprintf(text, sizeof text, "%3d%% %-10s sisa ~%.0f mnt", percent, stage.c_str(), std::ceil(seconds_left / 60));
  }
  return text;
}

void ProgressDisplay::update(double fraction, const char* stage) {
  const auto now = std::chrono::steady_clock::now();
  shown_ = std::max(shown_, std::clamp(fraction, 0.0, 1.0));
  const std::string name = stage ? stage : "";
  const bool new_stage = name != stage_;
  const int decile = static_cast<int>(shown_ * 10);
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double left = shown_ >= 0.02 ? elapsed * (1.0 - shown_) / shown_ : -1.0;
  if (terminal_) {
    if (!new_stage && shown_ < 1.0 && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    std::fprintf(out_, "\r%-40s", line(shown_, name, left).c_str());
  } else {
    if (!new_stage && decile == last_decile_) return;
    std::fprintf(out_, "%s\n", line(shown_, name, left).c_str());
  }
  std::fflush(out_);
  stage_ = name;
  last_decile_ = decile;
  last_draw_ = now;
  drawn_ = true;
}

}  // namespace peta
