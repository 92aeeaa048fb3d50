#include "geocode/gazetteer.hpp"

#include <algorithm>
#include <array>
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

// Letter counts of a key: the larger of what one key has more of and what it has less of is a lower bound
// of the edit distance (an insertion or deletion changes one count, a substitution two, a transposition none),
// so most of a large gazetteer is ruled out without running the edit distance.
using LetterBag = std::array<std::uint8_t, 36>;
LetterBag bag_of(std::string_view key) {
  LetterBag b{};
  for (char c : key) {
    int i = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : -1;
    if (i >= 0 && b[static_cast<std::size_t>(i)] < 255) ++b[static_cast<std::size_t>(i)];
  }
  return b;
}
std::size_t bag_distance(const LetterBag& a, const LetterBag& b) {
  std::size_t more = 0, less = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] > b[i]) more += a[i] - b[i];
    else less += b[i] - a[i];
  }
  return std::max(more, less);
}

// "kabupaten probolinggo" / "kab probolinggo" -> ("probolinggo", 'k'); "kota probolinggo" -> ('c'); else 0.
std::pair<std::string, char> kabupaten_key(std::string_view text) {
  std::string lower;
  for (char c : text) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::string_view t = trim(lower);
  char kind = 0;
  for (auto [word, k] : {std::pair<std::string_view, char>{"kabupaten", 'k'}, {"kab.", 'k'}, {"kab ", 'k'},
                         {"kota", 'c'}}) {
    if (t.substr(0, word.size()) == word) {
      kind = k;
      t.remove_prefix(word.size());
      break;
    }
  }
  return {name_key(t), kind};
}

}  // namespace

const char* status_name(GazetteerMatch::Status status) {
  switch (status) {
    case GazetteerMatch::Status::matched: return "matched";
    case GazetteerMatch::Status::ambiguous: return "ambiguous";
    case GazetteerMatch::Status::wrong_area: return "wrong_area";
    case GazetteerMatch::Status::outside: return "outside";
    default: return "not_found";
  }
}

RejectionReason rejection_reason(GazetteerMatch::Status status) {
  switch (status) {
    case GazetteerMatch::Status::ambiguous: return RejectionReason::desa_ambiguous;
    case GazetteerMatch::Status::wrong_area: return RejectionReason::desa_not_in_kecamatan;
    case GazetteerMatch::Status::outside: return RejectionReason::desa_outside_region;
    default: return RejectionReason::desa_not_found;
  }
}

Gazetteer::Gazetteer(std::vector<GazetteerKecamatan> kecamatan, std::vector<GazetteerDesa> desa,
                     GazetteerOptions options, std::vector<GazetteerKabupaten> kabupaten)
    : kabupaten_(std::move(kabupaten)), kecamatan_(std::move(kecamatan)), desa_(std::move(desa)), options_(options) {
  auto key_of = [](const std::string& name, int unit) {
    std::string k = name_key(name);
    std::size_t base = qualifier_start(k);
    LetterBag letters = bag_of(k);
    return Key{std::move(k), base, unit, letters, false};
  };
  for (auto& k : kecamatan_) {
    if (k.kabupaten >= 0) continue;
    auto code = AdminCode::parse(k.code);
    std::string kab = code ? code->at(AdminLevel::kabupaten).dotted() : std::string();
    auto it = std::find_if(kabupaten_.begin(), kabupaten_.end(), [&](const auto& x) { return x.code == kab; });
    if (it == kabupaten_.end()) {
      kabupaten_.push_back({kab, ""});
      it = kabupaten_.end() - 1;
    }
    k.kabupaten = static_cast<int>(it - kabupaten_.begin());
  }
  for (std::size_t i = 0; i < desa_.size(); ++i) {
    const auto& d = desa_[i];
    if (d.kecamatan < 0 || static_cast<std::size_t>(d.kecamatan) >= kecamatan_.size())
      throw Error("gazetteer: desa " + d.code + " " + d.name + " has no kecamatan");
    if (!desa_by_code_.emplace(d.code, static_cast<int>(i)).second)
      throw Error("gazetteer: desa code " + d.code + " appears twice");
    desa_keys_.push_back(key_of(d.name, static_cast<int>(i)));
    for (const auto& other : d.other_names) desa_keys_.push_back(key_of(other, static_cast<int>(i)));
    if (d.outside)
      for (std::size_t k = desa_keys_.size(); k-- > 0 && desa_keys_[k].unit == static_cast<int>(i);)
        desa_keys_[k].outside = true;
  }
  for (std::size_t k = 0; k < kecamatan_.size(); ++k) {
    kecamatan_keys_.push_back(key_of(kecamatan_[k].name, static_cast<int>(k)));
    for (const auto& other : kecamatan_[k].other_names)
      kecamatan_keys_.push_back(key_of(other, static_cast<int>(k)));
  }
}

Gazetteer Gazetteer::from_boundaries(const Boundaries& b, GazetteerOptions options) {
  std::vector<GazetteerKabupaten> kabupaten;
  for (const auto& k : b.kabupaten) kabupaten.push_back({k.code.dotted(), k.name});
  std::vector<GazetteerKecamatan> kecamatan;
  for (std::size_t k = 0; k < b.kecamatan.size(); ++k)
    kecamatan.push_back({b.kecamatan[k].code.dotted(), b.kecamatan[k].name, {},
                         k < b.kecamatan_kabupaten.size() ? b.kecamatan_kabupaten[k] : -1});
  std::vector<GazetteerDesa> desa;
  for (std::size_t i = 0; i < b.desa.size(); ++i)
    desa.push_back({b.desa[i].code.dotted(), b.desa[i].name, b.desa[i].jenis, b.desa_kecamatan[i], {}});
  return Gazetteer(std::move(kecamatan), std::move(desa), options, std::move(kabupaten));
}

Gazetteer Gazetteer::from_wilayah_csv(const std::string& path, GazetteerOptions options) {
  auto rows = read_wilayah_csv(path);
  std::sort(rows.begin(), rows.end(), [](const WilayahRow& a, const WilayahRow& b) { return a.code < b.code; });
  std::vector<GazetteerKabupaten> kabupaten;
  std::vector<GazetteerKecamatan> kecamatan;
  std::map<std::string, int> kecamatan_index;
  for (const auto& r : rows) {
    if (r.code.level() == AdminLevel::kabupaten) kabupaten.push_back({r.code.dotted(), r.name});
    if (r.code.level() == AdminLevel::kecamatan) {
      kecamatan_index[r.code.dotted()] = static_cast<int>(kecamatan.size());
      kecamatan.push_back({r.code.dotted(), r.name, r.old_names});
    }
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
  return Gazetteer(std::move(kecamatan), std::move(desa), options, std::move(kabupaten));
}

std::vector<double> Gazetteer::desa_scores(const std::string& key) const {
  std::vector<double> scores(desa_.size(), 0.0);
  const std::size_t qstart = qualifier_start(key);
  const bool qualified = qstart < key.size();
  const std::string_view qualifier = std::string_view(key).substr(qstart);
  const LetterBag bag = bag_of(key);
  // Scores below this floor change no outcome (they are under min_similarity and the qualifier cap), so they
  // are only bounded, not computed exactly: most of a province-size gazetteer costs a length and a letter count.
  // An outside name matters only from the region's min_similarity on (it must beat a desa, or nearly).
  const double floor = std::min(options_.qualifier_mismatch_cap, options_.min_similarity) - 0.1;
  const double outside_floor = options_.min_similarity;
  for (const auto& k : desa_keys_) {
    auto& s = scores[static_cast<std::size_t>(k.unit)];
    const double longer = static_cast<double>(std::max(key.size(), k.key.size()));
    const double needed = std::max(k.outside ? outside_floor : floor, s);
    const std::size_t length_gap = key.size() > k.key.size() ? key.size() - k.key.size() : k.key.size() - key.size();
    if (1.0 - static_cast<double>(length_gap) / longer < needed) continue;
    if (1.0 - static_cast<double>(bag_distance(bag, k.letters)) / longer < needed) continue;
    double sim = name_similarity(key, k.key);
    const bool entry_qualified = k.base < k.key.size();
    const std::string_view entry_qualifier = std::string_view(k.key).substr(k.base);
    bool mismatch = false;
    if (qualified && entry_qualified) mismatch = qualifier != entry_qualifier;
    else if (qualified) mismatch = true;  // "Sumberanyar Lor" against "Sumberanyar"
    else if (entry_qualified && sim > options_.qualifier_mismatch_cap)
      // Left out ("Sumberanyar" against "Sumberanyar Lor"), or a typo inside it ("Blado Kuln")?
      mismatch = osa_distance(key, std::string_view(k.key).substr(0, k.base)) < osa_distance(key, k.key);
    if (mismatch) sim = std::min(sim, options_.qualifier_mismatch_cap);
    s = std::max(s, sim);
  }
  return scores;
}

GazetteerCandidate Gazetteer::candidate(int desa, double score) const {
  const auto& d = desa_[static_cast<std::size_t>(desa)];
  return {desa, d.code, d.name, kecamatan_[static_cast<std::size_t>(d.kecamatan)].name, score};
}

std::string Gazetteer::where_text(int desa) const {
  const auto& d = desa_[static_cast<std::size_t>(desa)];
  const auto& k = kecamatan_[static_cast<std::size_t>(d.kecamatan)];
  std::string out = d.name + " (" + d.code + ", Kec. " + k.name;
  if (k.kabupaten >= 0 && !kabupaten_[static_cast<std::size_t>(k.kabupaten)].name.empty())
    out += ", " + kabupaten_[static_cast<std::size_t>(k.kabupaten)].name;
  return out + ")";
}

// Desa by score (best first, ties by code), limited to those whose scope flag is set (all when `scope` is empty).
std::vector<GazetteerCandidate> Gazetteer::ranked(const std::vector<double>& scores, const std::vector<char>& scope,
                                                  std::size_t limit) const {
  std::vector<int> order;
  for (std::size_t i = 0; i < desa_.size(); ++i)
    if (scope.empty() || scope[i]) order.push_back(static_cast<int>(i));
  std::size_t n = std::min(limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(), [&](int a, int b) {
    double sa = scores[static_cast<std::size_t>(a)], sb = scores[static_cast<std::size_t>(b)];
    return sa != sb ? sa > sb : a < b;
  });
  std::vector<GazetteerCandidate> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(candidate(order[i], scores[static_cast<std::size_t>(order[i])]));
  return out;
}

std::vector<int> Gazetteer::find_kabupaten(std::string_view text) const {
  std::vector<int> out;
  text = trim(text);
  if (text.empty()) return out;
  if (auto code = AdminCode::parse(text)) {
    if (code->level() != AdminLevel::kabupaten) return out;
    for (std::size_t k = 0; k < kabupaten_.size(); ++k)
      if (kabupaten_[k].code == code->dotted()) out.push_back(static_cast<int>(k));
    return out;
  }
  auto [key, kind] = kabupaten_key(text);
  if (key.empty()) return out;
  double best = 0;
  for (std::size_t k = 0; k < kabupaten_.size(); ++k) {
    auto [own, own_kind] = kabupaten_key(kabupaten_[k].name);
    if (own_kind == 0) {  // a bare name: the code tells (35.7x are kota)
      auto code = AdminCode::parse(kabupaten_[k].code);
      own_kind = code && code->dotted().size() == 5 && code->dotted()[3] == '7' ? 'c' : 'k';
    }
    if (kind != 0 && kind != own_kind) continue;
    double s = name_similarity(key, own);
    if (s < options_.kecamatan_min_similarity || s < best) continue;
    if (s > best) out.clear();
    best = s;
    out.push_back(static_cast<int>(k));
  }
  return out;
}

std::vector<int> Gazetteer::find_kecamatans(std::string_view text, const std::vector<int>& within) const {
  std::vector<int> out;
  text = trim(text);
  if (text.empty()) return out;
  auto allowed = [&](int k) {
    return within.empty() ||
           std::find(within.begin(), within.end(), kecamatan_[static_cast<std::size_t>(k)].kabupaten) != within.end();
  };
  if (auto code = AdminCode::parse(text)) {
    if (code->level() != AdminLevel::kecamatan) return out;
    for (std::size_t k = 0; k < kecamatan_.size(); ++k)
      if (kecamatan_[k].code == code->dotted() && allowed(static_cast<int>(k))) out.push_back(static_cast<int>(k));
    return out;
  }
  PlaceText place = split_place_text(text);
  std::string key = name_key(place.kecamatan.empty() ? place.desa + " " + place.trailing : place.kecamatan);
  if (key.empty()) return out;
  std::vector<double> scores(kecamatan_.size(), 0.0);
  for (const auto& k : kecamatan_keys_) {
    auto& s = scores[static_cast<std::size_t>(k.unit)];
    s = std::max(s, name_similarity(key, k.key));
  }
  double s1 = 0, s2 = 0;
  for (std::size_t k = 0; k < scores.size(); ++k) {
    if (!allowed(static_cast<int>(k))) continue;
    // Kecamatan of the same name (in several kabupaten) share the best score.
    if (scores[k] > s1) { s2 = s1; s1 = scores[k]; out.assign(1, static_cast<int>(k)); }
    else if (scores[k] == s1 && s1 > 0) {
      if (kecamatan_[k].name == kecamatan_[static_cast<std::size_t>(out.front())].name ||
          name_key(kecamatan_[k].name) == name_key(kecamatan_[static_cast<std::size_t>(out.front())].name))
        out.push_back(static_cast<int>(k));
      else s2 = s1;
    } else if (scores[k] > s2) s2 = scores[k];
  }
  if (out.empty() || s1 < options_.kecamatan_min_similarity || s2 >= s1) return {};
  return out;
}

int Gazetteer::find_kecamatan(std::string_view text) const {
  auto found = find_kecamatans(text);
  return found.size() == 1 ? found.front() : -1;
}

GazetteerMatch Gazetteer::by_code(std::string_view text) const {
  GazetteerMatch m;
  auto code = AdminCode::parse(trim(text));
  if (!code) {
    m.detail = quote(trim(text)) + " bukan kode Kemendagri / is not a Kemendagri code";
    return m;
  }
  if (code->level() != AdminLevel::desa) {
    const bool kec = code->level() == AdminLevel::kecamatan;
    m.detail = quote(trim(text)) + " adalah kode " + (kec ? "kecamatan" : "wilayah yang lebih besar") +
               ", bukan kode desa / is a code of a " + (kec ? "kecamatan" : "larger region") + ", not of a desa";
    return m;
  }
  auto it = desa_by_code_.find(code->dotted());
  if (it == desa_by_code_.end() || desa_[static_cast<std::size_t>(it->second)].outside) {
    m.detail = "kode desa " + code->dotted() + " tidak ada di wilayah peta / desa code " + code->dotted() +
               " is not in the gazetteer";
    if (it != desa_by_code_.end()) {
      m.status = GazetteerMatch::Status::outside;
      m.candidates.push_back(candidate(it->second, 1));
      m.detail += ": " + where_text(it->second);
    }
    return m;
  }
  m.status = GazetteerMatch::Status::matched;
  m.desa = it->second;
  m.desa_code = code->dotted();
  m.confidence = 1;
  m.candidates.push_back(candidate(it->second, 1));
  m.detail = "kode / code " + code->dotted() + " = " + desa_[static_cast<std::size_t>(it->second)].name;
  return m;
}

GazetteerMatch Gazetteer::match(std::string_view desa_text, std::string_view kecamatan_text,
                                std::string_view kabupaten_text) const {
  GazetteerMatch m;
  std::string_view text = trim(desa_text);
  if (text.empty()) {
    m.detail = "tidak ada nama atau kode desa / no desa name or code given";
    return m;
  }
  if (AdminCode::parse(text)) return by_code(text);

  PlaceText place = split_place_text(text);
  // Notes on what was given but not recognised: Indonesian and English, joined at the end.
  std::string note_id, note_en;
  bool doubt = false;  // a kecamatan or kabupaten was given but not recognised: the name lacks that check

  std::string kabupaten_given(trim(kabupaten_text));
  if (kabupaten_given.empty()) kabupaten_given = place.kabupaten;
  if (name_key(kabupaten_given).empty()) kabupaten_given.clear();
  std::vector<int> kab;
  if (!kabupaten_given.empty()) {
    kab = find_kabupaten(kabupaten_given);
    // Without kabupaten names (boundaries without them and no code list) a kabupaten column cannot be checked:
    // it is left aside without casting doubt on the name.
    const bool names_known =
        std::any_of(kabupaten_.begin(), kabupaten_.end(), [](const GazetteerKabupaten& k) { return !k.name.empty(); });
    if (kab.empty() && names_known) {
      doubt = true;
      note_id += "; kabupaten " + quote(kabupaten_given) + " tidak dikenal, diabaikan";
      note_en += "; kabupaten " + quote(kabupaten_given) + " not recognised, ignored";
    }
  }
  std::string kecamatan_given(trim(kecamatan_text));
  if (kecamatan_given.empty()) kecamatan_given = place.kecamatan;
  // A cell without a letter or digit ("-", "?") gives no kecamatan; it casts no doubt either.
  if (name_key(kecamatan_given).empty()) kecamatan_given.clear();
  std::vector<int> kec;
  bool kec_unknown = false;
  if (!kecamatan_given.empty()) {
    kec = find_kecamatans(kecamatan_given, kab);
    kec_unknown = kec.empty();
  }
  std::string desa_words = place.desa;
  if (!place.trailing.empty()) {
    // "Sumberanom, Sumber": the part after the comma is the kecamatan when it names one.
    auto trailing_kec = find_kecamatans(place.trailing, kab);
    bool agrees = !trailing_kec.empty() &&
                  (kec.empty() || std::find(kec.begin(), kec.end(), trailing_kec.front()) != kec.end());
    if (agrees) {
      kec = trailing_kec;
      kec_unknown = false;
    } else {
      desa_words += " " + place.trailing;
    }
  }
  if (kec_unknown) {
    doubt = true;
    note_id += "; kecamatan " + quote(kecamatan_given) + " tidak dikenal, diabaikan";
    note_en += "; kecamatan " + quote(kecamatan_given) + " not recognised, ignored";
  }
  std::string key = name_key(desa_words);
  if (key.empty()) {
    m.detail = "tidak ada nama desa dalam " + quote(text) + " / no desa name in " + quote(text);
    return m;
  }

  // The area the row names: its kecamatan (all of that name) and kabupaten.
  const bool restricted = !kec.empty() || !kab.empty();
  std::vector<char> scope;
  std::string area_id, area_en;
  if (restricted) {
    scope.assign(desa_.size(), 0);
    for (std::size_t i = 0; i < desa_.size(); ++i) {
      const auto& k = kecamatan_[static_cast<std::size_t>(desa_[i].kecamatan)];
      bool in_kec = kec.empty() || std::find(kec.begin(), kec.end(), desa_[i].kecamatan) != kec.end();
      bool in_kab = kab.empty() || std::find(kab.begin(), kab.end(), k.kabupaten) != kab.end();
      scope[i] = in_kec && in_kab;
    }
    if (!kec.empty()) {
      area_id = " di Kec. " + kecamatan_[static_cast<std::size_t>(kec.front())].name;
      if (kec.size() > 1) area_id += " (" + std::to_string(kec.size()) + " kecamatan bernama sama)";
      area_en = " in Kec. " + kecamatan_[static_cast<std::size_t>(kec.front())].name;
      if (kec.size() > 1) area_en += " (" + std::to_string(kec.size()) + " kecamatan of that name)";
    } else {
      area_id = " di " + kabupaten_given;
      area_en = " in " + kabupaten_given;
    }
  }
  const auto scores = desa_scores(key);
  auto in_scope = [&](std::size_t i) { return scope.empty() || scope[i]; };

  // Best and runner-up among the region's desa in scope; the best outside name in scope; the best desa out of scope.
  int best = -1, outside_best = -1, elsewhere = -1;
  double s1 = 0, s2 = 0, so = 0, se = 0, g1 = 0, g2 = 0;  // g: the region as a whole, whatever the row says
  for (std::size_t i = 0; i < desa_.size(); ++i) {
    const double s = scores[i];
    if (!desa_[i].outside) {
      if (s > g1) { g2 = g1; g1 = s; }
      else if (s > g2) g2 = s;
    }
    if (!in_scope(i)) {
      if (!desa_[i].outside && s > se) { se = s; elsewhere = static_cast<int>(i); }
      continue;
    }
    if (desa_[i].outside) {
      if (s > so) { so = s; outside_best = static_cast<int>(i); }
      continue;
    }
    if (best < 0 || s > s1) { s2 = best < 0 ? 0 : s1; s1 = s; best = static_cast<int>(i); }
    else if (s > s2) s2 = s;
  }
  auto describe = [&](const std::vector<GazetteerCandidate>& candidates) {
    std::string out;
    for (const auto& c : candidates) {
      if (!out.empty()) out += "; ";
      out += c.name + " (" + c.desa_code + ", Kec. " + c.kecamatan_name + ", " + two_decimals(c.score) + ")";
    }
    return out;
  };
  auto finish = [&](std::string id, std::string en, bool with_candidates) {
    std::string list = with_candidates ? ": " + describe(m.candidates) : "";
    m.detail = id + note_id + " / " + en + note_en + list;
    return m;
  };
  const std::string q = quote(desa_words);

  // Wrong area: the name fits a desa elsewhere better than any desa where the row says it is.
  // Only a name that fits there well (a letter or two at most) counts: a vague likeness elsewhere is not_found.
  if (restricted && elsewhere >= 0 && se >= options_.ambiguous_similarity && se > std::max(s1, so)) {
    m.status = GazetteerMatch::Status::wrong_area;
    std::vector<char> out_of_scope(scope.size());
    for (std::size_t i = 0; i < scope.size(); ++i) out_of_scope[i] = !scope[i] && !desa_[i].outside;
    for (auto& c : ranked(scores, out_of_scope, options_.max_candidates))
      if (c.score >= se - options_.separation) m.candidates.push_back(std::move(c));
    for (auto& c : ranked(scores, scope, 2))
      if (!desa_[static_cast<std::size_t>(c.desa)].outside) m.candidates.push_back(std::move(c));
    return finish(q + " tidak ada" + area_id + ", tetapi cocok dengan desa di tempat lain; periksa nama desa atau " +
                      "kecamatannya",
                  q + " is not" + area_en + " but fits a desa elsewhere; check the desa or its kecamatan", true);
  }
  // Outside the region: the name fits a village outside better than any desa of the region.
  const double so_competing = so - options_.outside_discount;
  if (outside_best >= 0 && so >= options_.min_similarity && so_competing > s1) {
    m.status = GazetteerMatch::Status::outside;
    m.confidence = so;
    m.candidates.push_back(candidate(outside_best, so));
    if (best >= 0) m.candidates.push_back(candidate(best, s1));
    return finish(q + " adalah " + where_text(outside_best) + ", di luar wilayah peta; desa terdekat namanya",
                  q + " is " + where_text(outside_best) + ", outside the mapped region; the closest desa by name",
                  true);
  }
  if (best < 0 || s1 < options_.min_similarity) {
    std::vector<char> region(desa_.size());
    for (std::size_t i = 0; i < desa_.size(); ++i) region[i] = in_scope(i) && !desa_[i].outside;
    m.candidates = ranked(scores, region, options_.max_candidates);
    return finish("tidak ada desa yang cukup mirip dengan " + q + area_id +
                      "; periksa ejaannya atau isi kode_desa; yang terdekat",
                  "no desa is close enough to " + q + area_en + "; check the spelling or give kode_desa; closest",
                  true);
  }
  // An outside name counts as a runner-up, except against an exact name of the region ("Jati" here and there).
  const double runner_up = std::max(s2, (so >= 1.0 && s1 >= 1.0) ? 0.0 : so_competing);
  const double conf = s1 * std::clamp((s1 - runner_up) / options_.separation, 0.0, 1.0);
  m.confidence = conf;
  auto close_ones = [&] {
    // The region's desa only: an outside village is never one to choose.
    std::vector<char> region(desa_.size());
    for (std::size_t i = 0; i < desa_.size(); ++i) region[i] = in_scope(i) && !desa_[i].outside;
    for (auto& c : ranked(scores, region, options_.max_candidates + 1))
      if (c.score >= s1 - options_.separation && c.score >= options_.min_similarity)
        m.candidates.push_back(std::move(c));
  };
  if (conf >= options_.min_confidence) {
    m.status = GazetteerMatch::Status::matched;
    m.desa = best;
    m.desa_code = desa_[static_cast<std::size_t>(best)].code;
    // A fuzzy name that the kecamatan alone set apart from others is no confident answer: following the advice
    // "give the kecamatan" must not turn a near-miss into a sure one (an exact name it may set apart).
    const double alone = g1 * std::clamp((g1 - g2) / options_.separation, 0.0, 1.0);
    const bool kecamatan_decided = restricted && s1 < 1.0 && alone < options_.accept_confidence;
    m.needs_check = conf < options_.accept_confidence || doubt || kecamatan_decided;
    m.candidates.push_back(candidate(best, s1));
    const std::string conf_text = two_decimals(conf);
    return finish(quote(text) + " = " + describe(m.candidates) + ", keyakinan " + conf_text +
                      (m.needs_check ? ", perlu dicek" : ""),
                  "confidence " + conf_text + (m.needs_check ? ", to be checked" : ""), false);
  }
  close_ones();
  if (runner_up >= options_.ambiguous_similarity && m.candidates.size() >= 2) {
    m.status = GazetteerMatch::Status::ambiguous;
    bool several_kecamatan_names = kec.size() > 1;
    std::string advice_id = several_kecamatan_names ? "isi kabupatennya (atau kode_desa)"
                            : kec.empty()           ? "isi kecamatannya (atau kode_desa)"
                                                    : "isi kode_desa";
    std::string advice_en = several_kecamatan_names ? "give the kabupaten (or kode_desa)"
                            : kec.empty()           ? "give the kecamatan (or kode_desa)"
                                                    : "give kode_desa";
    return finish(q + area_id + " cocok dengan " + std::to_string(m.candidates.size()) +
                      " desa yang sama miripnya; " + advice_id,
                  q + area_en + " fits " + std::to_string(m.candidates.size()) + " desa about equally; " + advice_en,
                  true);
  }
  // A middling name near several middling ones: nothing fits, whatever the kecamatan.
  m.status = GazetteerMatch::Status::not_found;
  m.candidates.clear();
  std::vector<char> region(desa_.size());
  for (std::size_t i = 0; i < desa_.size(); ++i) region[i] = in_scope(i) && !desa_[i].outside;
  m.candidates = ranked(scores, region, options_.max_candidates);
  return finish("tidak ada desa yang cukup mirip dengan " + q + area_id + " (keyakinan " + two_decimals(conf) +
                    "); periksa ejaannya atau isi kode_desa; yang terdekat",
                "no desa is close enough to " + q + area_en + " (confidence " + two_decimals(conf) +
                    "); check the spelling or give kode_desa; closest",
                true);
}

}  // namespace peta
