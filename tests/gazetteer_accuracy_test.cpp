// How well names as staff misspell them find their desa: every one of the 330 desa of 35.13, written
// several ways by a seeded generator (dropped / doubled / swapped letters, old spellings, prefixes,
// upper case, spacing, with and without the kecamatan). Reports top-1 accuracy and the wrong answers
// given at high confidence, which must be none.
#include <gtest/gtest.h>

#include <cstdint>
#include <iostream>
#include <map>
#include <string>

#include "geocode/gazetteer.hpp"

namespace {

using Status = peta::GazetteerMatch::Status;

constexpr double kHighConfidence = 0.9;
constexpr int kVariantsPerDesa = 8;

// SplitMix64: the same sequence on every platform (std distributions are not).
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A letter typo: drop, double or swap two neighbouring letters (never the first letter: people get that right).
void letter_typo(std::string& s, Rng& rng) {
  for (int attempt = 0; attempt < 10; ++attempt) {
    std::size_t i = 1 + rng.below(s.size() - 1);
    if (!is_letter(s[i])) continue;
    switch (rng.below(3)) {
      case 0: s.erase(i, 1); return;
      case 1: s.insert(i, 1, s[i]); return;
      default:
        if (i + 1 < s.size() && is_letter(s[i + 1]) && s[i] != s[i + 1]) { std::swap(s[i], s[i + 1]); return; }
    }
  }
}

// One pre-1972 spelling, if the name has a place for one.
void old_spelling(std::string& s, Rng& rng) {
  static const std::pair<const char*, const char*> rules[] = {
      {"u", "oe"}, {"j", "dj"}, {"c", "tj"}, {"y", "j"}, {"ny", "nj"}, {"sy", "sj"}, {"kh", "ch"}};
  std::size_t start = rng.below(std::size(rules));
  for (std::size_t k = 0; k < std::size(rules); ++k) {
    const auto& [modern, old] = rules[(start + k) % std::size(rules)];
    auto pos = s.find(modern);
    if (pos != std::string::npos) { s.replace(pos, std::string(modern).size(), old); return; }
  }
}

void respace(std::string& s, Rng& rng) {
  if (s.find(' ') != std::string::npos && rng.chance(60)) {
    std::erase(s, ' ');
    return;
  }
  std::size_t i = 2 + rng.below(s.size() > 4 ? s.size() - 4 : 1);
  if (i < s.size()) s.insert(i, " ");
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

struct Query {
  std::string desa_text;
  std::string kecamatan_text;
  bool has_kecamatan = false;
};

Query make_query(const std::string& name, const std::string& kecamatan, Rng& rng) {
  std::string s = name;
  int typos = rng.chance(30) ? 0 : rng.chance(70) ? 1 : 2;
  for (int t = 0; t < typos; ++t) letter_typo(s, rng);
  if (rng.chance(30)) old_spelling(s, rng);
  if (rng.chance(30)) respace(s, rng);
  if (rng.chance(25)) s = upper(s);
  static const char* prefixes[] = {"Desa ", "Ds. ", "DESA ", "Ds.", "Kel. ", "desa "};
  if (rng.chance(50)) s = prefixes[rng.below(std::size(prefixes))] + s;
  Query q;
  switch (rng.below(5)) {
    case 0: q.kecamatan_text = kecamatan; q.has_kecamatan = true; break;
    case 1: s += ", Kec. " + kecamatan; q.has_kecamatan = true; break;
    case 2: s = upper(s + " - KEC " + kecamatan); q.has_kecamatan = true; break;
    default: break;  // no kecamatan
  }
  q.desa_text = s;
  return q;
}

}  // namespace

TEST(GazetteerAccuracy, MisspelledNamesOfAll330Desa) {
  const auto g = peta::Gazetteer::from_wilayah_csv(std::string(PETA_SHARED_DATA) + "/probolinggo/wilayah_3513.csv");
  ASSERT_EQ(g.desa().size(), 330u);
  // Names shared by two desa: without a kecamatan the right answer is `ambiguous` listing the right one.
  std::map<std::string, int> name_count;
  for (const auto& d : g.desa()) ++name_count[d.name];

  Rng rng{20240611};
  int total = 0, correct = 0, wrong = 0, wrong_high = 0, matched_high = 0, ambiguous = 0, not_found = 0;
  for (const auto& d : g.desa()) {
    const std::string& kecamatan = g.kecamatan()[static_cast<std::size_t>(d.kecamatan)].name;
    for (int v = 0; v < kVariantsPerDesa; ++v) {
      Query q = make_query(d.name, kecamatan, rng);
      auto m = g.match(q.desa_text, q.kecamatan_text);
      ++total;
      bool duplicate_without_kecamatan = name_count[d.name] > 1 && !q.has_kecamatan;
      if (m.status == Status::matched) {
        if (m.confidence >= kHighConfidence) ++matched_high;
        if (m.desa_code == d.code && !duplicate_without_kecamatan) {
          ++correct;
        } else {
          ++wrong;
          if (m.confidence >= kHighConfidence) {
            ++wrong_high;
            ADD_FAILURE() << "wrong at high confidence: '" << q.desa_text << "' / '" << q.kecamatan_text << "' -> "
                          << m.detail << " (truth " << d.code << " " << d.name << ")";
          }
        }
      } else if (m.status == Status::ambiguous) {
        ++ambiguous;
        bool listed = false;
        for (const auto& c : m.candidates) listed = listed || c.desa_code == d.code;
        if (duplicate_without_kecamatan && listed) ++correct;
      } else {
        ++not_found;
      }
    }
  }
  double accuracy = static_cast<double>(correct) / total;
  std::cout << "[ figures  ] queries " << total << ", top-1 correct " << correct << " (accuracy " << accuracy
            << "), wrong " << wrong << ", wrong at confidence >= " << kHighConfidence << ": " << wrong_high
            << ", matched at high confidence " << matched_high << ", ambiguous " << ambiguous << ", not_found "
            << not_found << "\n";
  RecordProperty("accuracy", std::to_string(accuracy));
  EXPECT_EQ(total, 330 * kVariantsPerDesa);
  EXPECT_EQ(wrong_high, 0);
  // Measured with this seed: 2611 of 2640 = 0.989 (12 other seeds: 0.986 to 0.993, never a wrong answer at high
  // confidence). The bound leaves a small margin for changes in the generator's draws.
  EXPECT_EQ(correct, 2611);
  EXPECT_GE(accuracy, 0.98);
}
