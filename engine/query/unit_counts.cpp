#include "query/unit_counts.hpp"

#include <algorithm>
#include <cmath>

namespace peta::query {
namespace {

// The dictionary indices a list of values means; an unknown value is the caller's mistake.
std::vector<bool> wanted(const std::vector<std::string>& values, const std::vector<std::string>& dictionary,
                         const char* key, const std::string& column) {
  std::vector<bool> out(dictionary.size(), false);
  if (values.empty()) return out;
  if (column.empty()) throw QueryError(std::string(key) + ": the temuan layer has no " + key + " column");
  for (const auto& v : values) {
    auto it = std::find(dictionary.begin(), dictionary.end(), v);
    if (it == dictionary.end() || v.empty()) {
      std::string known;
      for (std::size_t i = 1; i < dictionary.size() && i <= 20; ++i) known += (i > 1 ? ", " : "") + dictionary[i];
      throw QueryError(std::string(key) + ": no finding has the value '" + v + "' (values: " + known + ")");
    }
    out[static_cast<std::size_t>(it - dictionary.begin())] = true;
  }
  return out;
}

class FindingPredicate {
 public:
  FindingPredicate(const QueryModel& m, const FindingFilter& f) : t_(m.findings), f_(f) {
    if (f.active() && !m.has_findings)
      throw QueryError("severity, status and date filters need the temuan layer, which this GeoPackage lacks");
    if ((f.date_from || f.date_to) && t_.date_column.empty())
      throw QueryError("from/to: the temuan layer has no date column (tanggal)");
    severity_ = wanted(f.severity, t_.severity_values, "severity", t_.severity_column);
    status_ = wanted(f.status, t_.status_values, "status", t_.status_column);
  }
  bool operator()(std::size_t i) const {
    if (!f_.severity.empty() && !severity_[t_.severity[i]]) return false;
    if (!f_.status.empty() && !status_[t_.status[i]]) return false;
    if (f_.date_from || f_.date_to) {
      const int d = t_.date[i];
      if (!d || (f_.date_from && d < f_.date_from) || (f_.date_to && d > f_.date_to)) return false;
    }
    return true;
  }

 private:
  const FindingTable& t_;
  const FindingFilter& f_;
  std::vector<bool> severity_, status_;
};

}  // namespace

CountMatrix desa_counts(const QueryModel& m, const FindingFilter& filter, const Deadline& deadline) {
  const std::size_t categories = m.categories.size();
  CountMatrix out{m.desa.size(), categories + 1, std::vector<double>(m.desa.size() * (categories + 1), 0.0)};
  if (!filter.active()) {
    std::vector<std::size_t> fields;
    for (const auto& c : m.categories) fields.push_back(*m.desa.field("n_" + c.code));
    fields.push_back(*m.desa.field("n_total"));
    for (std::size_t u = 0; u < out.units; ++u)
      for (std::size_t c = 0; c < fields.size(); ++c) {
        double v = m.desa.numeric[fields[c]][u];
        out.at(u, c) = std::isnan(v) ? 0.0 : v;
      }
    return out;
  }
  FindingPredicate pass(m, filter);
  const FindingTable& t = m.findings;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if ((i & 0xFFFF) == 0) deadline.check();
    if (!pass(i)) continue;
    const auto u = static_cast<std::size_t>(t.desa[i]);
    if (t.category[i] >= 0) out.at(u, static_cast<std::size_t>(t.category[i])) += 1;
    out.at(u, categories) += 1;
  }
  return out;
}

CountMatrix kecamatan_counts(const QueryModel& m, const CountMatrix& desa) {
  CountMatrix out{m.kecamatan.size(), desa.columns, std::vector<double>(m.kecamatan.size() * desa.columns, 0.0)};
  for (std::size_t d = 0; d < desa.units; ++d) {
    const int k = m.desa_kecamatan[d];
    if (k < 0) continue;
    for (std::size_t c = 0; c < desa.columns; ++c) out.at(static_cast<std::size_t>(k), c) += desa.at(d, c);
  }
  return out;
}

std::vector<std::size_t> matching_findings(const QueryModel& m, const FindingFilter& filter, long desa,
                                           const Deadline& deadline) {
  FindingPredicate pass(m, filter);
  std::vector<std::size_t> out;
  const FindingTable& t = m.findings;
  if (desa >= 0) {
    if (static_cast<std::size_t>(desa) + 1 >= t.by_desa_start.size()) return out;
    for (auto k = t.by_desa_start[static_cast<std::size_t>(desa)]; k < t.by_desa_start[static_cast<std::size_t>(desa) + 1]; ++k)
      if (pass(t.by_desa[k])) out.push_back(t.by_desa[k]);
    return out;
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    if ((i & 0xFFFF) == 0) deadline.check();
    if (pass(i)) out.push_back(i);
  }
  return out;
}

}  // namespace peta::query
