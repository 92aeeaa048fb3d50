#pragma once
// `peta import`: findings sources read, geocoded and flagged exactly as `peta build` does (the same stages:
// boundaries, FindingSources, run_findings_stage), written into the project's findings store instead of
// layers: points into `temuan`, line findings (damaged road segments, as read, with the desa of their longest
// piece and their length) into `ruas`, in the same import (one identity space). One store transaction per file; the rows the findings stage rejects go to a rejects CSV beside the
// outputs (`ditolak_impor_<file>.csv`) and are counted in the import record.
#include <string>
#include <vector>

#include "project/findings_stage.hpp"
#include "store/finding_store.hpp"

namespace peta {

struct ImportRunOptions {
  // Files to import. Each takes the settings (columns, publish, crs...) of the project's source with the same
  // path, else those of the project's first source. Empty: every source of the project.
  std::vector<std::string> files;
  // The form the files are exports of (a later cumulative export lacking a stored finding flags it);
  // empty: the matching project source's file name, else the project's first source's.
  std::string source;
  unsigned threads = 0;  // 0: all cores
  std::string today;     // YYYY-MM-DD first-seen date of new findings; empty: today (UTC)
  ProgressFn progress;
};

struct ImportedFile {
  std::string file;
  store::ImportSummary summary;
  std::vector<store::StoreRejection> store_rejections;  // duplicates and rows the store refused
  std::string rejects_csv;  // the findings stage's rejects, when there were any
};

struct ImportRun {
  // Status edits made directly in the store's layer since the last import (as QGIS does), validated first:
  // accepted into the history or reverted and recorded as refused, never silently lost.
  std::vector<store::DirectEdit> direct_edits;
  std::vector<ImportedFile> files;
};

// Throws peta::Error when the project names no store, or a file cannot be read.
ImportRun run_import(const ProjectSettings& settings, const ImportRunOptions& options);

}  // namespace peta
