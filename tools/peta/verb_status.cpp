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

struct StatusArgs {
  std::string project;
  std::string to, note, who, date, file, rejects;
  std::vector<std::string> ids;
};

void print_direct_edits(const std::vector<store::DirectEdit>& edits) {
  for (const auto& e : edits)
    std::printf("edit langsung %s: %s -> %s: %s\n", e.id.c_str(), e.from_status.c_str(), e.to_status.c_str(),
                e.accepted ? "diterima, dicatat di riwayat" : ("ditolak, dikembalikan: " + e.reason).c_str());
}

int run_status(const StatusArgs& args) {
  const ProjectSettings project = load_project(args.project);
  if (project.store.path.empty()) throw Error(args.project + ": no \"store\": {\"path\": ...} (the findings store)");
  auto store = store::FindingStore::open(project.store.path);
  print_direct_edits(store->reconcile_direct_edits(args.date));
  if (args.file.empty() && args.to.empty()) {
    if (!args.ids.empty()) throw Error("peta status: give --jadi STATUS with the ids");
    auto counts = store->status_counts();
    std::printf("%s\n", project.store.path.c_str());
    for (const auto& s : store::all_statuses()) std::printf("  %-16s %lld\n", s.c_str(), counts[s]);
    std::printf("  tidak_di_sumber  %lld (tetap disimpan)\n", counts["tidak_di_sumber"]);
    std::printf("  ruas             %lld (temuan garis di antaranya / line segments among them)\n", counts["ruas"]);
    return 0;
  }
  std::vector<store::StatusRequest> requests;
  std::vector<store::StatusOutcome> rejected;
  long long rows_read = 0;
  if (!args.file.empty()) {
    if (!args.to.empty() || !args.ids.empty()) throw Error("peta status: --berkas takes no --jadi and no ids");
    auto file = store::read_status_file(args.file);
    requests = std::move(file.requests);
    rejected = std::move(file.rejected);
    rows_read = file.rows_read;
  } else {
    if (args.ids.empty()) throw Error("peta status: no finding id given");
    std::string to = args.to;
    for (char& c : to)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    for (const auto& id : args.ids) requests.push_back({id, to, args.date, args.who, args.note, "", 0});
    rows_read = static_cast<long long>(requests.size());
  }
  long long applied = 0;
  for (auto& o : store->change_status(requests, "")) {
    if (o.applied) ++applied;
    else rejected.push_back(std::move(o));
  }
  std::printf("status: %lld dibaca, %lld diterapkan, %lld ditolak\n", rows_read, applied,
              static_cast<long long>(rejected.size()));
  if (!args.file.empty() && !rejected.empty()) {
    std::string out = args.rejects;
    if (out.empty()) {
      std::filesystem::path p(args.file);
      out = (p.parent_path() / (p.stem().string() + "_ditolak.csv")).string();
    }
    store::write_status_rejects(out, rejected);
    std::printf("baris ditolak: %s\n", out.c_str());
  } else {
    for (const auto& o : rejected)
      std::printf("ditolak %s: %s\n", o.request.id.c_str(), o.reason.c_str());
  }
  return rejected.empty() ? 0 : 3;
}

}  // namespace

void add_status(CLI::App& app) {
  auto args = std::make_shared<StatusArgs>();
  auto* sub = app.add_subcommand("status", "Ubah status temuan di penyimpanan (change findings' status in the store)");
  sub->add_option("project", args->project, "Project file (with \"store\")")->required();
  sub->add_option("ids", args->ids, "Id temuan (finding ids)");
  sub->add_option("--jadi", args->to, "Status baru: diverifikasi | ditindaklanjuti | selesai | bukan_masalah | duplikat | baru");
  sub->add_option("--catatan", args->note, "Catatan (note)");
  sub->add_option("--oleh", args->who, "Oleh siapa (who)");
  sub->add_option("--tanggal", args->date, "Tanggal YYYY-MM-DD (default: hari ini, UTC)");
  sub->add_option("--berkas", args->file, "Berkas status CSV/XLSX: id, status, tanggal, catatan, oleh");
  sub->add_option("--ditolak", args->rejects, "Berkas CSV baris yang ditolak (default: <berkas>_ditolak.csv)");
  register_verb(sub, [args] { return run_status(*args); });
}

}  // namespace peta::cli
