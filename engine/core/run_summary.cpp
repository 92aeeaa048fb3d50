#include "core/run_summary.hpp"

#include <cstdio>

namespace peta {

SourceCounts RunSummary::total() const {
  SourceCounts t;
  for (const auto& [name, s] : sources) {
    t.rows_read += s.rows_read;
    t.geocoded += s.geocoded;
    t.flagged += s.flagged;
    t.rejected += s.rejected;
    t.by_coordinates += s.by_coordinates;
    t.by_name_or_code += s.by_name_or_code;
    t.lines += s.lines;
    for (const auto& [r, n] : s.rejected_by_reason) t.rejected_by_reason[r] += n;
    for (const auto& [f, n] : s.flagged_by_flag) t.flagged_by_flag[f] += n;
  }
  return t;
}

namespace {
nlohmann::json counts_json(const SourceCounts& s) {
  return {{"rows_read", s.rows_read},
          {"geocoded", s.geocoded},
          {"flagged", s.flagged},
          {"rejected", s.rejected},
          {"rejected_by_reason", s.rejected_by_reason},
          {"flagged_by_flag", s.flagged_by_flag},
          {"by_coordinates", s.by_coordinates},
          {"by_name_or_code", s.by_name_or_code},
          {"lines", s.lines},
          {"balanced", s.balanced() && s.states_balanced()}};
}
}  // namespace

nlohmann::json RunSummary::to_json() const {
  nlohmann::json j;
  j["total"] = counts_json(total());
  j["sources"] = nlohmann::json::object();
  for (const auto& [name, s] : sources) j["sources"][name] = counts_json(s);
  j["stages"] = nlohmann::json::array();
  for (const auto& st : stages) {
    j["stages"].push_back({{"stage", st.stage}, {"seconds", st.seconds}});
    if (!st.note.empty()) j["stages"].back()["note"] = st.note;
  }
  j["outputs"] = outputs;
  j["unknown_categories"] = unknown_categories;
  if (!warnings.empty()) j["warnings"] = warnings;
  if (point_clusters >= 0) j["dbscan"] = {{"clusters", point_clusters}, {"noise", point_noise}};
  if (!indicator_statistics.is_null()) j["statistik"] = indicator_statistics;
  if (!store.empty()) j["store"] = {{"store", store}, {"status", store_status}};
  if (!profile.is_null()) j["profil"] = profile;
  return j;
}

std::string RunSummary::to_text() const {
  std::string out;
  char line[256];
  auto t = total();
  std::snprintf(line, sizeof line, "Baris dibaca / rows read      %12lld\n", static_cast<long long>(t.rows_read));
  out += line;
  std::snprintf(line, sizeof line, "  tergeokode / geocoded       %12lld\n", static_cast<long long>(t.geocoded));
  out += line;
  std::snprintf(line, sizeof line, "  ditandai / flagged          %12lld\n", static_cast<long long>(t.flagged));
  out += line;
  for (const auto& [f, n] : t.flagged_by_flag) {
    std::snprintf(line, sizeof line, "      %-24s%12lld\n", f.c_str(), static_cast<long long>(n));
    out += line;
  }
  std::snprintf(line, sizeof line, "  ditolak / rejected          %12lld\n", static_cast<long long>(t.rejected));
  out += line;
  for (const auto& [r, n] : t.rejected_by_reason) {
    std::snprintf(line, sizeof line, "      %-24s%12lld\n", r.c_str(), static_cast<long long>(n));
    out += line;
  }
  std::snprintf(line, sizeof line, "  dari koordinat / by coordinates   %7lld  (garis / lines %lld)\n",
                static_cast<long long>(t.by_coordinates), static_cast<long long>(t.lines));
  out += line;
  std::snprintf(line, sizeof line, "  dari nama/kode / by name or code  %7lld\n", static_cast<long long>(t.by_name_or_code));
  out += line;
  out += t.balanced() && t.states_balanced()
             ? "  (dibaca = tergeokode + ditandai + ditolak = koordinat + nama/kode + ditolak: cocok / counts add up)\n"
             : "  PERINGATAN: jumlah tidak cocok / WARNING: counts do not add up\n";
  if (sources.size() > 1) {
    out += "Per sumber / per source (dibaca, koordinat, nama/kode, ditolak):\n";
    for (const auto& [name, s] : sources) {
      std::snprintf(line, sizeof line, "  %10lld %10lld %10lld %10lld  ", static_cast<long long>(s.rows_read),
                    static_cast<long long>(s.by_coordinates), static_cast<long long>(s.by_name_or_code),
                    static_cast<long long>(s.rejected));
      out += line + name + "\n";
      for (const auto& [r, n] : s.rejected_by_reason) {
        std::snprintf(line, sizeof line, "      %-24s%12lld\n", r.c_str(), static_cast<long long>(n));
        out += line;
      }
    }
  }
  for (const auto& w : warnings) out += "PERINGATAN / WARNING: " + w + "\n";
  if (!unknown_categories.empty()) {
    out += "Kategori tak dikenal / unknown categories:\n";
    for (const auto& [c, n] : unknown_categories) {
      std::snprintf(line, sizeof line, "      %-24s%12lld\n", c.c_str(), static_cast<long long>(n));
      out += line;
    }
  }
  if (!store.empty()) {
    out += "Dari store / from the store " + store + " (status):\n";
    for (const auto& [status, n] : store_status) {
      std::snprintf(line, sizeof line, "      %-24s%12lld\n", status.c_str(), static_cast<long long>(n));
      out += line;
    }
  }
  for (const auto& l : profile_text) out += l + "\n";
  out += "Tahap / stage (detik / seconds):\n";
  for (const auto& st : stages) {
    std::snprintf(line, sizeof line, "      %-24s%12.3f\n", st.stage.c_str(), st.seconds);
    out += line;
    if (!st.note.empty()) out += "        " + st.note + "\n";
  }
  return out;
}

double StageTimer::stop() {
  if (stopped_) return 0;
  stopped_ = true;
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  summary_.stages.push_back({stage_, s, note_});
  return s;
}

}  // namespace peta
