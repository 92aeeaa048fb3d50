#pragma once
// Geocoding without coordinates: a finding's desa by Kemendagri code or by name as staff write it.
//
// Rules (tests/gazetteer_test.cpp):
//  - A desa code, with or without dots ("35.13.04.2008", "3513042008"), is looked up exactly.
//  - A name is reduced to a key (geocode/name_normalizer.hpp: case, spacing, punctuation, prefixes Desa/Ds./
//    Kel./Kelurahan, a "Kec. ..." part split off as the kecamatan, old spellings) and compared with every
//    official name and older spelling by edit similarity (geocode/string_similarity.hpp), in [0, 1].
//  - The kecamatan (given separately, or written into the name after Kec./Kecamatan, or after a comma when
//    it is a kecamatan name; the separate argument wins) restricts the match to that kecamatan's desa. A name that fits no desa there
//    but fits one elsewhere is `ambiguous` (the two disagree), never silently moved.
//  - confidence = similarity of the best desa x how clearly it beats the runner-up:
//        similarity * min(1, (similarity - runner_up) / separation)      (separation = 0.15 by default)
//    so an exact name has confidence 1 unless another desa's name is within a letter or two of it.
//  - matched: best similarity >= min_similarity and confidence >= min_confidence.
//    ambiguous: it fits, but others fit about as well (the 7 duplicated names without a kecamatan give
//    confidence 0): the candidates are listed, nothing is guessed.
//    not_found: nothing fits well enough; the closest candidates (name, code, score) are in `detail`.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/admin_unit.hpp"

namespace peta {

inline constexpr const char* kReasonDesaAmbiguous = "desa_ambiguous";
inline constexpr const char* kReasonDesaNotFound = "desa_not_found";

struct GazetteerKecamatan {
  std::string code;  // dotted, "35.13.04"
  std::string name;
  std::vector<std::string> other_names;  // older spellings
};

struct GazetteerDesa {
  std::string code;  // dotted, "35.13.04.2008"
  std::string name;
  std::string jenis;  // "desa" / "kelurahan"
  int kecamatan = -1;  // index in Gazetteer::kecamatan()
  std::vector<std::string> other_names;
};

struct GazetteerCandidate {
  int desa = -1;  // index in Gazetteer::desa()
  std::string desa_code;
  std::string name;
  std::string kecamatan_name;
  double score = 0;  // name similarity in [0, 1]
};

struct GazetteerMatch {
  enum class Status { matched, ambiguous, not_found };
  Status status = Status::not_found;
  int desa = -1;               // index in Gazetteer::desa() when matched
  std::string desa_code;       // when matched
  double confidence = 0;       // in [0, 1]
  std::vector<GazetteerCandidate> candidates;  // best first; for ambiguous / not_found the ones to choose from
  std::string detail;          // an English sentence: what was matched or why not, with the candidates
};

const char* status_name(GazetteerMatch::Status status);  // "matched", "ambiguous", "not_found"

struct GazetteerOptions {
  double min_similarity = 0.6;       // below this the best name is not_found
  double min_confidence = 0.5;       // below this a fitting name is ambiguous
  double separation = 0.15;          // lead over the runner-up that earns full confidence
  double kecamatan_min_similarity = 0.75;
  double kecamatan_conflict = 0.1;   // a desa elsewhere this much better than any in the kecamatan: ambiguous
  std::size_t max_candidates = 5;
};

// Immutable after construction: match() and by_code() may be called from several threads at once.
class Gazetteer {
 public:
  // `desa` must refer to `kecamatan` by index. Codes must be unique.
  Gazetteer(std::vector<GazetteerKecamatan> kecamatan, std::vector<GazetteerDesa> desa, GazetteerOptions options = {});
  static Gazetteer from_boundaries(const Boundaries& boundaries, GazetteerOptions options = {});
  // The code list CSV (geocode/wilayah_csv.hpp); throws peta::Error on a bad file.
  static Gazetteer from_wilayah_csv(const std::string& path, GazetteerOptions options = {});

  GazetteerMatch match(std::string_view desa_text, std::string_view kecamatan_text = {}) const;
  GazetteerMatch by_code(std::string_view code) const;
  // Index of the kecamatan named or coded by `text` (fuzzy, unique best), or -1.
  int find_kecamatan(std::string_view text) const;

  const std::vector<GazetteerKecamatan>& kecamatan() const { return kecamatan_; }
  const std::vector<GazetteerDesa>& desa() const { return desa_; }
  const GazetteerOptions& options() const { return options_; }

 private:
  struct Key {
    std::string key;
    int unit;  // index in desa_ or kecamatan_
  };
  std::vector<double> desa_scores(const std::string& key) const;
  GazetteerCandidate candidate(int desa, double score) const;
  std::vector<GazetteerCandidate> ranked(const std::vector<double>& scores, int kecamatan, std::size_t limit) const;

  std::vector<GazetteerKecamatan> kecamatan_;
  std::vector<GazetteerDesa> desa_;
  GazetteerOptions options_;
  std::vector<Key> desa_keys_;
  std::vector<Key> kecamatan_keys_;
  std::unordered_map<std::string, int> desa_by_code_;
};

}  // namespace peta
