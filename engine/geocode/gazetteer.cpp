#include "geocode/gazetteer.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/admin_code.hpp"
#include "core/error.hpp"
#include "geocode/name_normalizer.hpp"
#include "geocode/string_similarity.hpp"
#include "geocode/wilayah_csv.hpp"

namespace peta {
namespace {

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string two_decimals(double v) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

std::string describe(const std::vector<GazetteerCandidate>& candidates) {
  std::string out;
  for (const auto& c : candidates) {
    if (!out.empty()) out += "; ";
    out += c.name + " (" + c.desa_code + ", Kec. " + c.kecamatan_name + ", " + two_decimals(c.score) + ")";
  }
  return out;
}

}  // namespace

const char* status_name(GazetteerMatch::Status status) {
  switch (status) {
    case GazetteerMatch::Status::matched: return "matched";
    case GazetteerMatch::Status::ambiguous: return "ambiguous";
    default: return "not_found";
  }
}

Gazetteer::Gazetteer(std::vector<GazetteerKecamatan> kecamatan, std::vector<GazetteerDesa> desa,
                     GazetteerOptions options)
    : kecamatan_(std::move(kecamatan)), desa_(std::move(desa)), options_(options) {
  for (std::size_t i = 0; i < desa_.size(); ++i) {
    const auto& d = desa_[i];
    if (d.kecamatan < 0 || static_cast<std::size_t>(d.kecamatan) >= kecamatan_.size())
      throw Error("gazetteer: desa " + d.code + " " + d.name + " has no kecamatan");
    if (!desa_by_code_.emplace(d.code, static_cast<int>(i)).second)
      throw Error("gazetteer: desa code " + d.code + " appears twice");
    desa_keys_.push_back({name_key(d.name), static_cast<int>(i)});
    for (const auto& other : d.other_names) desa_keys_.push_back({name_key(other), static_cast<int>(i)});
  }
  for (std::size_t k = 0; k < kecamatan_.size(); ++k) {
    kecamatan_keys_.push_back({name_key(kecamatan_[k].name), static_cast<int>(k)});
    for (const auto& other : kecamatan_[k].other_names)
      kecamatan_keys_.push_back({name_key(other), static_cast<int>(k)});
  }
}

Gazetteer Gazetteer::from_boundaries(const Boundaries& b, GazetteerOptions options) {
  std::vector<GazetteerKecamatan> kecamatan;
  for (const auto& k : b.kecamatan) kecamatan.push_back({k.code.dotted(), k.name, {}});
  std::vector<GazetteerDesa> desa;
  for (std::size_t i = 0; i < b.desa.size(); ++i)
    desa.push_back({b.desa[i].code.dotted(), b.desa[i].name, b.desa[i].jenis, b.desa_kecamatan[i], {}});
  return Gazetteer(std::move(kecamatan), std::move(desa), options);
}

Gazetteer Gazetteer::from_wilayah_csv(const std::string& path, GazetteerOptions options) {
  auto rows = read_wilayah_csv(path);
  std::sort(rows.begin(), rows.end(), [](const WilayahRow& a, const WilayahRow& b) { return a.code < b.code; });
  std::vector<GazetteerKecamatan> kecamatan;
  std::map<std::string, int> kecamatan_index;
  for (const auto& r : rows)
    if (r.code.level() == AdminLevel::kecamatan) {
      kecamatan_index[r.code.dotted()] = static_cast<int>(kecamatan.size());
      kecamatan.push_back({r.code.dotted(), r.name, r.old_names});
    }
  std::vector<GazetteerDesa> desa;
  for (const auto& r : rows) {
    if (r.code.level() != AdminLevel::desa) continue;
    auto it = kecamatan_index.find(r.code.parent()->dotted());
    if (it == kecamatan_index.end())
      throw Error(path + ": row " + std::to_string(r.row) + ", field 'kode': the kecamatan " +
                  r.code.parent()->dotted() + " of " + r.code.dotted() + " has no row");
    desa.push_back({r.code.dotted(), r.name, r.jenis, it->second, r.old_names});
  }
  return Gazetteer(std::move(kecamatan), std::move(desa), options);
}

std::vector<double> Gazetteer::desa_scores(const std::string& key) const {
  std::vector<double> scores(desa_.size(), 0.0);
  for (const auto& k : desa_keys_) {
    auto& s = scores[static_cast<std::size_t>(k.unit)];
    s = std::max(s, name_similarity(key, k.key));
  }
  return scores;
}

GazetteerCandidate Gazetteer::candidate(int desa, double score) const {
  const auto& d = desa_[static_cast<std::size_t>(desa)];
  return {desa, d.code, d.name, kecamatan_[static_cast<std::size_t>(d.kecamatan)].name, score};
}

// Desa by score (best first, ties by code), limited to one kecamatan when `kecamatan` >= 0.
std::vector<GazetteerCandidate> Gazetteer::ranked(const std::vector<double>& scores, int kecamatan,
                                                  std::size_t limit) const {
  std::vector<int> order;
  for (std::size_t i = 0; i < desa_.size(); ++i)
    if (kecamatan < 0 || desa_[i].kecamatan == kecamatan) order.push_back(static_cast<int>(i));
  std::size_t n = std::min(limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(), [&](int a, int b) {
    double sa = scores[static_cast<std::size_t>(a)], sb = scores[static_cast<std::size_t>(b)];
    return sa != sb ? sa > sb : a < b;
  });
  std::vector<GazetteerCandidate> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(candidate(order[i], scores[static_cast<std::size_t>(order[i])]));
  return out;
}

int Gazetteer::find_kecamatan(std::string_view text) const {
  text = trim(text);
  if (text.empty()) return -1;
  if (auto code = AdminCode::parse(text)) {
    if (code->level() != AdminLevel::kecamatan) return -1;
    for (std::size_t k = 0; k < kecamatan_.size(); ++k)
      if (kecamatan_[k].code == code->dotted()) return static_cast<int>(k);
    return -1;
  }
  PlaceText place = split_place_text(text);
  std::string key = name_key(place.kecamatan.empty() ? place.desa + " " + place.trailing : place.kecamatan);
  if (key.empty()) return -1;
  std::vector<double> scores(kecamatan_.size(), 0.0);
  for (const auto& k : kecamatan_keys_) {
    auto& s = scores[static_cast<std::size_t>(k.unit)];
    s = std::max(s, name_similarity(key, k.key));
  }
  int best = -1;
  double s1 = 0, s2 = 0;
  for (std::size_t k = 0; k < scores.size(); ++k) {
    if (scores[k] > s1) { s2 = s1; s1 = scores[k]; best = static_cast<int>(k); }
    else if (scores[k] > s2) s2 = scores[k];
  }
  if (best < 0 || s1 < options_.kecamatan_min_similarity || s2 >= s1) return -1;
  return best;
}

GazetteerMatch Gazetteer::by_code(std::string_view text) const {
  GazetteerMatch m;
  auto code = AdminCode::parse(trim(text));
  if (!code) {
    m.detail = quote(trim(text)) + " is not a Kemendagri code";
    return m;
  }
  if (code->level() != AdminLevel::desa) {
    m.detail = quote(trim(text)) + " is a code of a " +
               (code->level() == AdminLevel::kecamatan ? "kecamatan" : "larger region") + ", not of a desa";
    return m;
  }
  auto it = desa_by_code_.find(code->dotted());
  if (it == desa_by_code_.end()) {
    m.detail = "desa code " + code->dotted() + " is not in the gazetteer";
    return m;
  }
  m.status = GazetteerMatch::Status::matched;
  m.desa = it->second;
  m.desa_code = code->dotted();
  m.confidence = 1;
  m.candidates.push_back(candidate(it->second, 1));
  m.detail = "code " + code->dotted() + " = " + desa_[static_cast<std::size_t>(it->second)].name;
  return m;
}

GazetteerMatch Gazetteer::match(std::string_view desa_text, std::string_view kecamatan_text) const {
  GazetteerMatch m;
  std::string_view text = trim(desa_text);
  if (text.empty()) {
    m.detail = "no desa name or code given";
    return m;
  }
  if (AdminCode::parse(text)) return by_code(text);

  PlaceText place = split_place_text(text);
  std::string kecamatan_given(trim(kecamatan_text));
  if (kecamatan_given.empty()) kecamatan_given = place.kecamatan;
  std::string note;
  int kec = -1;
  if (!kecamatan_given.empty()) {
    kec = find_kecamatan(kecamatan_given);
    if (kec < 0) note = " (kecamatan " + quote(kecamatan_given) + " not recognised, ignored)";
  }
  std::string desa_words = place.desa;
  if (!place.trailing.empty()) {
    // "Sumberanom, Sumber": the part after the comma is the kecamatan when it names one.
    int trailing_kec = find_kecamatan(place.trailing);
    if (trailing_kec >= 0 && (kec < 0 || kec == trailing_kec)) {
      kec = trailing_kec;
      note.clear();
    } else {
      desa_words += " " + place.trailing;
    }
  }
  std::string key = name_key(desa_words);
  if (key.empty()) {
    m.detail = "no desa name in " + quote(text);
    return m;
  }

  const auto scores = desa_scores(key);
  auto confidence = [&](double s1, double s2) {
    return s1 * std::clamp((s1 - s2) / options_.separation, 0.0, 1.0);
  };
  // Best and runner-up score among the desa for which `inside` holds.
  auto best_two = [&](auto inside) {
    int best = -1;
    double s1 = 0, s2 = 0;
    for (std::size_t i = 0; i < desa_.size(); ++i) {
      if (!inside(desa_[i])) continue;
      double s = scores[i];
      if (best < 0 || s > s1) { s2 = best < 0 ? 0 : s1; s1 = s; best = static_cast<int>(i); }
      else if (s > s2) s2 = s;
    }
    return std::tuple{best, s1, s2};
  };
  auto matched = [&](int desa, double s1, double conf) {
    m.status = GazetteerMatch::Status::matched;
    m.desa = desa;
    m.desa_code = desa_[static_cast<std::size_t>(desa)].code;
    m.confidence = conf;
    m.detail = quote(text) + " = " + describe({candidate(desa, s1)}) + ", confidence " + two_decimals(conf) + note;
    return m;
  };
  const std::string in_kec = kec >= 0 ? " in Kec. " + kecamatan_[static_cast<std::size_t>(kec)].name : "";

  if (kec >= 0) {
    auto [best, s1, s2] = best_two([&](const GazetteerDesa& d) { return d.kecamatan == kec; });
    auto [outside, so, so2] = best_two([&](const GazetteerDesa& d) { return d.kecamatan != kec; });
    (void)so2;
    bool conflict = outside >= 0 && so >= options_.min_similarity && so > s1 + options_.kecamatan_conflict;
    if (best >= 0 && s1 >= options_.min_similarity && !conflict) {
      double conf = confidence(s1, s2);
      if (conf >= options_.min_confidence) return matched(best, s1, conf);
      m.status = GazetteerMatch::Status::ambiguous;
      m.confidence = conf;
      for (auto& c : ranked(scores, kec, options_.max_candidates))
        if (c.score >= s1 - options_.separation) m.candidates.push_back(std::move(c));
      m.detail = quote(text) + in_kec + " fits several desa about equally: " + describe(m.candidates) + note;
      return m;
    }
    if (conflict) {
      m.status = GazetteerMatch::Status::ambiguous;
      for (auto& c : ranked(scores, -1, options_.max_candidates))
        if (c.score >= so - options_.separation && desa_[static_cast<std::size_t>(c.desa)].kecamatan != kec)
          m.candidates.push_back(std::move(c));
      for (auto& c : ranked(scores, kec, 2)) m.candidates.push_back(std::move(c));
      m.detail = "no desa like " + quote(desa_words) + in_kec + "; the name fits a desa in another kecamatan: " +
                 describe(m.candidates);
      return m;
    }
    m.candidates = ranked(scores, kec, options_.max_candidates);
    m.detail = "no desa like " + quote(desa_words) + in_kec + "; closest: " + describe(m.candidates);
    return m;
  }

  auto [best, s1, s2] = best_two([](const GazetteerDesa&) { return true; });
  if (best < 0 || s1 < options_.min_similarity) {
    m.candidates = ranked(scores, -1, options_.max_candidates);
    m.detail = "no desa like " + quote(desa_words) + note + "; closest: " + describe(m.candidates);
    return m;
  }
  double conf = confidence(s1, s2);
  if (conf >= options_.min_confidence) return matched(best, s1, conf);
  m.status = GazetteerMatch::Status::ambiguous;
  m.confidence = conf;
  for (auto& c : ranked(scores, -1, options_.max_candidates))
    if (c.score >= s1 - options_.separation) m.candidates.push_back(std::move(c));
  m.detail = quote(text) + note + " fits " + std::to_string(m.candidates.size()) +
             " desa about equally, give the kecamatan: " + describe(m.candidates);
  return m;
}

}  // namespace peta
