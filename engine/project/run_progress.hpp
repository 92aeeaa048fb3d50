#pragma once
// The progress of a whole `peta build` as one share 0..1, from the progress each stage reports of itself:
// boundaries (batas), findings (temuan), statistics (statistik), layers and their commit (lapisan), report
// files (laporan). Each stage owns a fixed slice of the whole, sized after where the time of a 1 M build goes
// (BENCHMARKS.md); the share never goes back. The layer stage reports a step per layer opened and one for the
// commit (closing the files, the GeoPackage's R-trees, the styles and the QGIS project).
#include <cstddef>
#include <string>

#include "project/findings_stage.hpp"

namespace peta {

enum class RunStage { boundaries, findings, statistics, layers, report };

class RunProgress {
 public:
  // `steps_in_layers`: how many steps the layer stage reports (layers opened + the commit); empty `fn`: silent.
  RunProgress(ProgressFn fn, std::size_t steps_in_layers);
  bool active() const { return static_cast<bool>(fn_); }
  // `fraction` of `stage` done.
  void report(RunStage stage, double fraction);
  // A ProgressFn for a stage that reports its own share (the findings stage).
  ProgressFn of(RunStage stage);
  // One more step of the layer stage (a layer opened, the commit begun); ignored before the layer stage began.
  void layer_step(const std::string& step);
  void done() { report(RunStage::report, 1.0); }

  static const char* name(RunStage stage);

 private:
  ProgressFn fn_;
  std::size_t steps_in_layers_;
  std::size_t steps_seen_ = 0;
  double shown_ = 0;
  bool in_layers_ = false;
};

}  // namespace peta
