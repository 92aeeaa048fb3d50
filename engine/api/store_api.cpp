// import_findings(), change_status(), status_counts(): run_import and the FindingStore behind plain structs.
#include "api/api_support.hpp"
#include "core/error.hpp"
#include "peta/store.hpp"
#include "project/import_run.hpp"
#include "store/finding_status.hpp"
#include "store/finding_store.hpp"

namespace peta::api {
namespace {

std::vector<DirectEdit> direct_edits(const std::vector<store::DirectEdit>& edits) {
  std::vector<DirectEdit> out;
  for (const auto& e : edits) out.push_back({e.id, e.from_status, e.to_status, e.accepted, e.reason});
  return out;
}

std::unique_ptr<store::FindingStore> open_store(const ProjectSettings& settings) {
  if (settings.store.path.empty()) throw peta::Error(settings.file + ": no \"store\": {\"path\": ...} (the findings store)");
  return store::FindingStore::open(settings.store.path);
}

}  // namespace

ImportResult import_findings(const Project& project, const ImportOptions& options) {
  return guarded([&] {
    ImportRunOptions run;
    run.files = options.files;
    run.source = options.source;
    run.threads = options.threads;
    run.today = options.today;
    if (options.progress)
      run.progress = [progress = options.progress](double fraction, const char* stage) {
        progress(fraction, stage ? std::string(stage) : std::string());
      };
    const ImportRun r = run_import(settings_of(project), run);
    ImportResult out;
    out.direct_edits = direct_edits(r.direct_edits);
    for (const auto& f : r.files) {
      const store::ImportSummary& s = f.summary;
      ImportedFile i;
      i.file = f.file;
      i.rows_read = s.rows_read;
      i.new_rows = s.new_rows;
      i.unchanged = s.unchanged;
      i.updated = s.updated;
      i.duplicates = s.duplicates;
      i.rejected = s.rejected;
      i.not_in_source = s.not_in_source;
      i.back_in_source = s.back_in_source;
      i.rejects_csv = f.rejects_csv;
      out.files.push_back(std::move(i));
    }
    return out;
  });
}

StatusRun change_status(const Project& project, const std::vector<StatusChange>& changes) {
  return guarded([&] {
    auto store = open_store(settings_of(project));
    StatusRun out;
    out.direct_edits = direct_edits(store->reconcile_direct_edits());
    std::vector<store::StatusRequest> requests;
    for (const auto& c : changes) {
      std::string to = c.to;
      for (char& ch : to)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + ('a' - 'A'));
      requests.push_back({c.id, to, c.date, c.who, c.note, "", 0});
    }
    for (const auto& o : store->change_status(requests, "")) {
      const store::StatusRequest& q = o.request;
      out.results.push_back({{q.id, q.to, q.date, q.who, q.note}, o.applied, o.field, o.reason});
    }
    return out;
  });
}

std::map<std::string, long long> status_counts(const Project& project) {
  return guarded([&] {
    auto store = open_store(settings_of(project));
    auto counts = store->status_counts();
    std::map<std::string, long long> out;
    for (const auto& s : store::all_statuses()) out[s] = counts[s];
    out["tidak_di_sumber"] = counts["tidak_di_sumber"];
    return out;
  });
}

}  // namespace peta::api
