#include "geocode/string_similarity.hpp"

#include <algorithm>
#include <vector>

namespace peta {

std::size_t osa_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  if (n == 0) return m;
  if (m == 0) return n;
  // Three rolling rows: two back (for transpositions), previous, current.
  // Reused per thread: a gazetteer lookup compares one key with hundreds of names.
  thread_local std::vector<std::size_t> before, previous, current;
  before.assign(m + 1, 0);
  previous.assign(m + 1, 0);
  current.assign(m + 1, 0);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
      current[j] = best;
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

double name_similarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  double longer = static_cast<double>(std::max(a.size(), b.size()));
  return 1.0 - static_cast<double>(osa_distance(a, b)) / longer;
}

}  // namespace peta
