// peta status PROJECT.json: moves findings of the project's store along their life (baru -> diverifikasi ->
// ditindaklanjuti -> selesai, or bukan_masalah / duplikat), one by one or from a department's status file.
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "project/project_settings.hpp"
#include "store/finding_status.hpp"
#include "store/finding_store.hpp"
#include "store/status_file.hpp"
#include "verbs.hpp"

namespace peta::cli {
namespace {

void print_direct_edits(const std::vector<store::DirectEdit>& edits) {
  for (const auto& e : edits)
    std::printf("edit langsung %s: %s -> %s: %s\n", e.id.c_str(), e.from_status.c_str(), e.to_status.c_str(),
                e.accepted ? "diterima, dicatat di riwayat" : ("ditolak, dikembalikan: " + e.reason).c_str());
}

class StatusVerb : public Verb {
 public:
  explicit StatusVerb(CLI::App& app)
      : Verb(app, "status", "Ubah status temuan di penyimpanan (change findings' status in the store)") {
    CLI::App& c = command();
    c.add_option("project", project_, "Project file (with \"store\")")->required();
    c.add_option("ids", ids_, "Id temuan (finding ids)");
    c.add_option("--jadi", to_, "Status baru (new status)")->check(choices(store::all_statuses()));
    c.add_option("--catatan", note_, "Catatan (note)");
    c.add_option("--oleh", who_, "Oleh siapa (who)");
    c.add_option("--tanggal", date_, "Tanggal YYYY-MM-DD (default: hari ini, UTC)");
    c.add_option("--berkas", file_, "Berkas status CSV/XLSX: id, status, tanggal, catatan, oleh");
    c.add_option("--ditolak", rejects_, "Berkas CSV baris yang ditolak (default: <berkas>_ditolak.csv)");
  }

  int run() override {
    const ProjectSettings project = load_project(project_);
    if (project.store.path.empty()) throw Error(project_ + ": no \"store\": {\"path\": ...} (the findings store)");
    auto store = store::FindingStore::open(project.store.path);
    print_direct_edits(store->reconcile_direct_edits(date_));
    if (file_.empty() && to_.empty()) {
      if (!ids_.empty()) throw Error("peta status: give --jadi STATUS with the ids");
      print_counts(*store, project.store.path);
      return 0;
    }
    std::vector<store::StatusRequest> requests;
    std::vector<store::StatusOutcome> rejected;
    long long rows_read = 0;
    if (!file_.empty()) {
      if (!to_.empty() || !ids_.empty()) throw Error("peta status: --berkas takes no --jadi and no ids");
      auto file = store::read_status_file(file_);
      requests = std::move(file.requests);
      rejected = std::move(file.rejected);
      rows_read = file.rows_read;
    } else {
      if (ids_.empty()) throw Error("peta status: no finding id given");
      for (const auto& id : ids_) requests.push_back({id, to_, date_, who_, note_, "", 0});
      rows_read = static_cast<long long>(requests.size());
    }
    long long applied = 0;
    for (auto& o : store->change_status(requests, "")) {
      if (o.applied) ++applied;
      else rejected.push_back(std::move(o));
    }
    std::printf("status: %lld dibaca, %lld diterapkan, %lld ditolak\n", rows_read, applied,
                static_cast<long long>(rejected.size()));
    report_rejected(rejected);
    return rejected.empty() ? 0 : 3;
  }

 private:
  static void print_counts(store::FindingStore& store, const std::string& path) {
    auto counts = store.status_counts();
    std::printf("%s\n", path.c_str());
    for (const auto& s : store::all_statuses()) std::printf("  %-16s %lld\n", s.c_str(), counts[s]);
    std::printf("  tidak_di_sumber  %lld (tetap disimpan)\n", counts["tidak_di_sumber"]);
    std::printf("  ruas             %lld (temuan garis di antaranya / line segments among them)\n", counts["ruas"]);
  }

  // A status file's refused rows go to a CSV beside it; refused ids of the command line are printed.
  void report_rejected(const std::vector<store::StatusOutcome>& rejected) const {
    if (!file_.empty() && !rejected.empty()) {
      std::string out = rejects_;
      if (out.empty()) {
        std::filesystem::path p(file_);
        out = (p.parent_path() / (p.stem().string() + "_ditolak.csv")).string();
      }
      store::write_status_rejects(out, rejected);
      std::printf("baris ditolak: %s\n", out.c_str());
    } else {
      for (const auto& o : rejected) std::printf("ditolak %s: %s\n", o.request.id.c_str(), o.reason.c_str());
    }
  }

  std::string project_, to_, note_, who_, date_, file_, rejects_;
  std::vector<std::string> ids_;
};

}  // namespace

void add_status(CLI::App& app) { add_verb<StatusVerb>(app); }

}  // namespace peta::cli
