#pragma once
// Edit-distance similarity between two name keys (see name_normalizer.hpp).
#include <cstddef>
#include <string_view>

namespace peta {

// Optimal-string-alignment Damerau-Levenshtein distance: insertions, deletions, substitutions and
// transpositions of two adjacent characters each cost 1.
std::size_t osa_distance(std::string_view a, std::string_view b);

// 1 - distance / length of the longer key, in [0, 1]; 1 only for equal keys, 0 when either is empty.
// Chosen over Jaro-Winkler on purpose: Jaro-Winkler rewards a shared prefix, and here many different
// desa share one ("Besuk" / "Besukagung" / "Besukkidul" score 0.90 there, 0.50 here).
double name_similarity(std::string_view a, std::string_view b);

}  // namespace peta
