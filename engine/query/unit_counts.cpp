#include "query/unit_counts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/layer_fields.hpp"
#include "query/store_query.hpp"

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
    if (f.needs_store()) require_store(m, "saringan OPD dan lewat target");
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

std::string hidden_text(Hidden why, int k, bool en) {
  switch (why) {
    case Hidden::below_k: return "< " + std::to_string(k);
    case Hidden::complementary: return en ? "withheld" : "disembunyikan";
    case Hidden::not_recountable: return en ? "not available with a filter" : "tidak tersedia dengan saringan";
    case Hidden::no: break;
  }
  return "";
}

void CountMatrix::hide(std::size_t unit, std::size_t column, Hidden why) {
  values[unit * columns + column] = std::numeric_limits<double>::quiet_NaN();
  hidden[unit * columns + column] = why;
}

namespace {

// A layer's n_<code> (and n_total) fields, with its s_<code> suppression flags.
CountMatrix layer_counts(const QueryModel& m, const UnitTable& table) {
  const std::size_t categories = m.categories.size();
  CountMatrix out{table.size(), categories + 1, std::vector<double>(table.size() * (categories + 1), 0.0),
                  std::vector<Hidden>(table.size() * (categories + 1), Hidden::no)};
  for (std::size_t c = 0; c <= categories; ++c) {
    const std::string code = c < categories ? m.categories[c].code : "total";
    const auto field = table.field(layer_field::count_of(code));
    const auto flag = c < categories ? table.field("s_" + code) : std::nullopt;
    for (std::size_t u = 0; u < out.units; ++u) {
      const double v = field ? table.numeric[*field][u] : std::numeric_limits<double>::quiet_NaN();
      const double why = flag ? table.numeric[*flag][u] : 0.0;
      if (why == 1 || why == 2) out.hide(u, c, static_cast<Hidden>(static_cast<int>(why)));
      else out.at(u, c) = v;  // NaN (null, unflagged) stays "no value"; never 0
    }
  }
  return out;
}

}  // namespace

CountMatrix desa_counts(const QueryModel& m, const FindingFilter& filter, const Deadline& deadline) {
  if (!filter.active()) return layer_counts(m, m.desa);
  if (m.store) return store_counts(m, filter, deadline).desa;  // the store knows every status: count there
  const std::size_t categories = m.categories.size();
  CountMatrix out{m.desa.size(), categories + 1, std::vector<double>(m.desa.size() * (categories + 1), 0.0),
                  std::vector<Hidden>(m.desa.size() * (categories + 1), Hidden::no)};
  FindingPredicate pass(m, filter);
  const FindingTable& t = m.findings;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if ((i & 0xFFFF) == 0) deadline.check();
    if (!pass(i)) continue;
    const auto u = static_cast<std::size_t>(t.desa[i]);
    if (t.category[i] >= 0) out.at(u, static_cast<std::size_t>(t.category[i])) += 1;
    out.at(u, categories) += 1;
  }
  // A category whose findings are not points (the public profile's sensitive ones) cannot be recounted: its
  // filtered count is unknown, not 0.
  for (std::size_t c = 0; c < categories; ++c)
    if (c >= m.recountable.size() || !m.recountable[c])
      for (std::size_t u = 0; u < out.units; ++u) out.hide(u, c, Hidden::not_recountable);
  return out;
}

CountMatrix kecamatan_counts(const QueryModel& m, const FindingFilter& filter, const CountMatrix& desa) {
  if (!filter.active()) return layer_counts(m, m.kecamatan);
  // From the store: the kecamatan's own count, withheld only when it is below k (not whenever a desa is).
  if (m.store) return store_counts(m, filter).kecamatan;
  CountMatrix out{m.kecamatan.size(), desa.columns, std::vector<double>(m.kecamatan.size() * desa.columns, 0.0),
                  std::vector<Hidden>(m.kecamatan.size() * desa.columns, Hidden::no)};
  for (std::size_t d = 0; d < desa.units; ++d) {
    const int k = m.desa_kecamatan[d];
    if (k < 0) continue;
    for (std::size_t c = 0; c < desa.columns; ++c) {
      const auto kk = static_cast<std::size_t>(k);
      if (desa.hidden_at(d, c) != Hidden::no) out.hide(kk, c, desa.hidden_at(d, c));
      else if (out.hidden_at(kk, c) == Hidden::no) out.at(kk, c) += desa.at(d, c);
    }
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
