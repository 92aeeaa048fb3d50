#include "project/run_progress.hpp"

#include <algorithm>

namespace peta {
namespace {

// Slices of the whole, in stage order (sum 1): a 1 M build with the point layer spends about half its time
// reading and geocoding and a third writing and committing the layers.
constexpr double kShare[] = {0.05, 0.50, 0.05, 0.35, 0.05};

double start_of(RunStage stage) {
  double s = 0;
  for (int i = 0; i < static_cast<int>(stage); ++i) s += kShare[i];
  return s;
}

}  // namespace

RunProgress::RunProgress(ProgressFn fn, std::size_t steps_in_layers)
    : fn_(std::move(fn)), steps_in_layers_(std::max<std::size_t>(1, steps_in_layers)) {}

const char* RunProgress::name(RunStage stage) {
  switch (stage) {
    case RunStage::boundaries: return "batas";
    case RunStage::findings: return "temuan";
    case RunStage::statistics: return "statistik";
    case RunStage::layers: return "lapisan";
    case RunStage::report: return "laporan";
  }
  return "";
}

void RunProgress::report(RunStage stage, double fraction) {
  if (!fn_) return;
  if (stage == RunStage::layers) in_layers_ = true;
  const double whole = start_of(stage) + kShare[static_cast<int>(stage)] * std::clamp(fraction, 0.0, 1.0);
  shown_ = std::max(shown_, std::min(1.0, whole));
  fn_(shown_, name(stage));
}

ProgressFn RunProgress::of(RunStage stage) {
  if (!fn_) return {};
  return [this, stage](double fraction, const char*) { report(stage, fraction); };
}

void RunProgress::layer_step(const std::string&) {
  if (!fn_ || !in_layers_) return;  // the temuan layer opens during the findings stage: not a layer step
  ++steps_seen_;
  report(RunStage::layers, static_cast<double>(steps_seen_) / static_cast<double>(steps_in_layers_ + 1));
}

}  // namespace peta
