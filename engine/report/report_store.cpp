#include "report/report_store.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "project/project_settings.hpp"
#include "store/finding_store.hpp"
#include "store/status_timeline.hpp"
#include "store/store_dates.hpp"

namespace peta::report {

std::string code_digits(const std::string& code) {
  std::string d;
  for (char c : code)
    if (c >= '0' && c <= '9') d += c;
  return d;
}

ReportStore summarise_store(std::vector<store::StoredFinding> findings, const std::string& as_of,
                            const store::OpdMapping& opd, const std::vector<Category>& categories,
                            bool public_profile) {
  ReportStore r;
  r.as_of = as_of;
  std::set<std::string> sensitive;
  for (const auto& c : categories)
    if (public_profile && c.sensitive) sensitive.insert(c.code), r.left_out.push_back(c.code);
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const store::StoredFinding& f) { return sensitive.count(f.category) > 0; }),
                 findings.end());
  r.findings = static_cast<long long>(findings.size());
  for (auto& [code, counts] : store::aggregate_status(findings, as_of, opd).kecamatan)
    r.kecamatan[code_digits(code)] = counts;
  r.overdue = store::overdue_by_opd(findings, as_of, opd);
  // The kabupaten: the same aggregate with every finding in one area (a median does not add up from parts).
  for (auto& f : findings) f.kecamatan_code = "kabupaten";
  auto whole = store::aggregate_status(findings, as_of, opd).kecamatan;
  if (auto it = whole.find("kabupaten"); it != whole.end()) r.kabupaten = it->second;
  r.overdue_kabupaten = store::overdue_by_opd(findings, as_of, opd);
  return r;
}

std::optional<ReportStore> read_report_store(const ProjectSettings& settings, const std::vector<Category>& categories,
                                             const std::string& as_of) {
  const std::string& path = settings.store.path;
  if (path.empty()) return std::nullopt;
  if (path.rfind("PG:", 0) != 0 && !std::filesystem::exists(path))
    throw Error(settings.file + ": store.path " + quote(path) + " does not exist (run `peta import " + settings.file +
                "` first)");
  auto store = store::FindingStore::open(path);
  const std::string day = as_of.empty() ? store::today_utc() : as_of;
  auto findings = store->findings();
  // Each finding with the status it had on the day (a change recorded after it does not count yet).
  if (const auto day_number = store::day_number(day)) {
    const store::StatusTimeline timeline(store->status_changes(day));
    for (auto& f : findings)
      if (auto then = timeline.as_of(f, *day_number)) f = std::move(*then);
  }
  ReportStore r = summarise_store(std::move(findings), day, settings.opd, categories, settings.privacy.public_profile);
  r.path = path.rfind("PG:", 0) == 0 ? "PostgreSQL/PostGIS" : std::filesystem::path(path).filename().string();
  return r;
}

}  // namespace peta::report
