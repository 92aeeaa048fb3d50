#pragma once
// Geocoding without coordinates: a finding's desa by Kemendagri code or by name as staff write it.
//
// Rules (tests/geocode/gazetteer_test.cpp, tests/geocode/gazetteer_accuracy_test.cpp):
//  - A desa code, with or without dots ("35.13.04.2008", "3513042008"), is looked up exactly.
//  - A name is reduced to a key (geocode/name_normalizer.hpp: case, spacing, punctuation, prefixes Desa/Ds./
//    Kel./Kelurahan, a "Kec. ..." part split off as the kecamatan, a "Kab./Kota ..." part as the kabupaten, old
//    spellings) and compared with every official name and older spelling by edit similarity
//    (geocode/string_similarity.hpp), in [0, 1].
//  - Qualifier words (Baru, Lor, Kidul, Wetan, Kulon, Tengah, Krajan, Timur, Barat, Utara, Selatan) at the end of
//    a name tell villages apart, they are not edit noise: a name whose qualifier differs from the official one, or
//    that adds or leaves out a qualifier, scores at most `qualifier_mismatch_cap` ("Sumberanyar Lor" is not
//    "Sumberanyar"; "Maron Lor" is none of Maron Kidul / Kulon / Wetan). A typo inside the qualifier is still a
//    typo ("Blado Kuln" = Bladokulon).
//  - The kabupaten (given separately or after Kab./Kota) and the kecamatan (given separately, or after Kec./
//    Kecamatan, or after a comma when it names one) restrict the match to their desa. Several kecamatan of one
//    name (in several kabupaten, at province scale) all count, so a desa name found in two of them is ambiguous
//    unless the kabupaten tells them apart. A name that fits a desa elsewhere better than any desa there is
//    `wrong_area` (the two disagree), never silently moved.
//  - Villages outside the mapped region (rows of a code list whose codes the boundaries lack, e.g. the kelurahan
//    of Kota Probolinggo 35.74 next to Kabupaten Probolinggo 35.13) are in the gazetteer as `outside` names: a
//    name that fits one of them better than any desa of the region is `outside`, never given to a regency desa
//    of a similar name.
//  - confidence = similarity of the best desa x how clearly it beats the runner-up:
//        similarity * min(1, (similarity - runner_up) / separation)      (separation = 0.15 by default)
//    so an exact name has confidence 1 unless another desa's name is within a letter or two of it. An outside
//    name takes part with its similarity less `outside_discount`.
//    A kecamatan or kabupaten that was given but is not recognised leaves the name without that check: such a
//    match is at most `needs_check`.
//  - The outcome, in bands:
//      matched, confidence >= accept_confidence: placed;
//      matched, min_confidence <= confidence < accept_confidence (needs_check): placed and flagged for a person;
//      ambiguous: the name fits two or more desa well (similarity >= ambiguous_similarity) and none clearly:
//        the candidates are listed; the kecamatan (or the code) decides;
//      not_found: nothing fits well enough (the closest candidates with their scores are listed);
//      wrong_area: the name fits a desa of another kecamatan / kabupaten than the one given;
//      outside: the name is a village outside the region.
//    `detail` says it in Indonesian, then " / " and English.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/admin_unit.hpp"
#include "core/rejection_reason.hpp"

namespace peta {

struct GazetteerKabupaten {
  std::string code;  // dotted, "35.13"
  std::string name;  // "Kabupaten Probolinggo", "Kota Probolinggo" or "Probolinggo"
};

struct GazetteerKecamatan {
  std::string code;  // dotted, "35.13.04"
  std::string name;
  std::vector<std::string> other_names;  // older spellings
  int kabupaten = -1;                    // index in Gazetteer::kabupaten(), or -1 (then taken from the code)
};

struct GazetteerDesa {
  std::string code;  // dotted, "35.13.04.2008"
  std::string name;
  std::string jenis;  // "desa" / "kelurahan"
  int kecamatan = -1;  // index in Gazetteer::kecamatan()
  std::vector<std::string> other_names;
  bool outside = false;  // a village outside the mapped region: recognised, never placed
};

struct GazetteerCandidate {
  int desa = -1;  // index in Gazetteer::desa()
  std::string desa_code;
  std::string name;
  std::string kecamatan_name;
  double score = 0;  // name similarity in [0, 1]
};

struct GazetteerMatch {
  enum class Status { matched, ambiguous, not_found, wrong_area, outside };
  Status status = Status::not_found;
  int desa = -1;               // index in Gazetteer::desa() when matched
  std::string desa_code;       // when matched
  double confidence = 0;       // in [0, 1]
  bool needs_check = false;    // matched below accept_confidence: placed, for a person to confirm (perlu_cek)
  std::vector<GazetteerCandidate> candidates;  // best first; for the other outcomes the ones to choose from
  std::string detail;          // Indonesian / English: what was matched or why not, with the candidates
};

// "matched", "ambiguous", "not_found", "wrong_area", "outside"
const char* status_name(GazetteerMatch::Status status);
// The rejection reason of an outcome other than matched (RejectionReason::desa_...).
RejectionReason rejection_reason(GazetteerMatch::Status status);

struct GazetteerOptions {
  double min_similarity = 0.6;        // below this the best name is not_found
  double min_confidence = 0.5;        // below this nothing is placed
  double accept_confidence = 0.85;    // below this a placed name is flagged needs_check (perlu_cek)
  double ambiguous_similarity = 0.8;  // unplaced, and two desa fit at least this well: ambiguous (else not_found)
  double separation = 0.15;           // lead over the runner-up that earns full confidence
  double qualifier_mismatch_cap = 0.5;  // most a name scores against one with another (or no) qualifier
  // An outside name competes with this much less than its similarity: the rows are the region's, so an outside
  // village must fit clearly better (about a letter in ten) to take a name, and only a close one lowers confidence.
  double outside_discount = 0.15;
  double kecamatan_min_similarity = 0.75;
  std::size_t max_candidates = 5;
};

// Immutable after construction: match() and by_code() may be called from several threads at once.
class Gazetteer {
 public:
  // `desa` must refer to `kecamatan` by index, `kecamatan` to `kabupaten` (or -1: then the kabupaten is found by
  // code, or made from it). Codes must be unique.
  Gazetteer(std::vector<GazetteerKecamatan> kecamatan, std::vector<GazetteerDesa> desa, GazetteerOptions options = {},
            std::vector<GazetteerKabupaten> kabupaten = {});
  static Gazetteer from_boundaries(const Boundaries& boundaries, GazetteerOptions options = {});
  // The code list CSV (geocode/wilayah_csv.hpp); throws peta::Error on a bad file.
  static Gazetteer from_wilayah_csv(const std::string& path, GazetteerOptions options = {});

  GazetteerMatch match(std::string_view desa_text, std::string_view kecamatan_text = {},
                       std::string_view kabupaten_text = {}) const;
  GazetteerMatch by_code(std::string_view code) const;
  // Index of the kecamatan named or coded by `text` (fuzzy, unique best), or -1.
  int find_kecamatan(std::string_view text) const;
  // Every kecamatan that fits `text` best (several when kabupaten share a kecamatan name), limited to the
  // kabupaten in `within` when it is not empty; empty when none fits.
  std::vector<int> find_kecamatans(std::string_view text, const std::vector<int>& within = {}) const;
  // Every kabupaten/kota named or coded by `text` ("Kab. Probolinggo", "Kota Probolinggo", "Probolinggo": both).
  std::vector<int> find_kabupaten(std::string_view text) const;

  const std::vector<GazetteerKabupaten>& kabupaten() const { return kabupaten_; }
  const std::vector<GazetteerKecamatan>& kecamatan() const { return kecamatan_; }
  const std::vector<GazetteerDesa>& desa() const { return desa_; }
  const GazetteerOptions& options() const { return options_; }

 private:
  struct Key {
    std::string key;
    std::size_t base = 0;  // length of the key without its qualifier (== key.size() when it has none)
    int unit;              // index in desa_ or kecamatan_
    std::array<std::uint8_t, 36> letters{};  // letter and digit counts, for a cheap lower bound of the distance
    bool outside = false;
  };
  std::vector<double> desa_scores(const std::string& key) const;
  GazetteerCandidate candidate(int desa, double score) const;
  std::vector<GazetteerCandidate> ranked(const std::vector<double>& scores, const std::vector<char>& scope,
                                         std::size_t limit) const;
  std::string where_text(int desa) const;

  std::vector<GazetteerKabupaten> kabupaten_;
  std::vector<GazetteerKecamatan> kecamatan_;
  std::vector<GazetteerDesa> desa_;
  GazetteerOptions options_;
  std::vector<Key> desa_keys_;
  std::vector<Key> kecamatan_keys_;
  std::unordered_map<std::string, int> desa_by_code_;
};

}  // namespace peta
