#pragma once
// Counts of findings per desa and per kecamatan, for each category and in total.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "core/admin_unit.hpp"

namespace peta {

class UnitCounts {
 public:
  UnitCounts(std::size_t desa_count, std::size_t category_count)
      : categories_(category_count), desa_(desa_count * (category_count + 1), 0) {}

  // `category` is an index in the taxonomy, or -1 for an unknown value (counted in the total only).
  void add(int desa, int category) {
    std::int64_t* row = &desa_[static_cast<std::size_t>(desa) * (categories_ + 1)];
    ++row[categories_];
    if (category >= 0) ++row[category];
  }
  std::int64_t desa(std::size_t desa_index, std::size_t category) const {
    return desa_[desa_index * (categories_ + 1) + category];
  }
  std::int64_t desa_total(std::size_t desa_index) const { return desa(desa_index, categories_); }
  // The total with the sensitive categories of `taxonomy` left out (the public profile's n_total).
  std::int64_t desa_total_without_sensitive(std::size_t desa_index, const CategoryTaxonomy& taxonomy) const {
    std::int64_t total = desa_total(desa_index);
    for (std::size_t c = 0; c < categories_; ++c)
      if (taxonomy.categories()[c].sensitive) total -= desa(desa_index, c);
    return total;
  }

  // Sums desa rows into kecamatan rows using the hierarchy: [kecamatan][category], last column the total.
  std::vector<std::vector<std::int64_t>> by_kecamatan(const Boundaries& b) const;
  std::size_t category_count() const { return categories_; }
  std::size_t desa_count() const { return desa_.size() / (categories_ + 1); }

 private:
  std::size_t categories_;
  std::vector<std::int64_t> desa_;
};

}  // namespace peta
