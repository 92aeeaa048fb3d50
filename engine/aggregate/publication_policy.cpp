#include "aggregate/publication_policy.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace peta {
namespace {

constexpr const char* kWithheld = "(disembunyikan: kategori sensitif / withheld: sensitive category)";

}  // namespace

PublicationPolicy::PublicationPolicy(const CategoryTaxonomy& taxonomy, PrivacySettings privacy)
    : taxonomy_(taxonomy), privacy_(privacy) {}

bool PublicationPolicy::is_sensitive(int category) const {
  return category >= 0 && taxonomy_.categories()[static_cast<std::size_t>(category)].sensitive;
}

const std::string& PublicationPolicy::code(int category) const {
  return category >= 0 ? taxonomy_.categories()[static_cast<std::size_t>(category)].code : empty_;
}

SourceColumns PublicationPolicy::columns(const std::vector<std::string>& header, std::vector<int> descriptive,
                                         const std::vector<int>& location, int category_column,
                                         const std::vector<std::string>& publish, const std::string& fixed_category,
                                         const std::string& context) const {
  SourceColumns s;
  s.category = category_column;
  s.fixed_category = fixed_category;
  s.is_location.assign(header.size(), 0);
  for (int i : location) s.is_location[static_cast<std::size_t>(i)] = 1;
  s.published = std::move(descriptive);
  for (const auto& name : publish) {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw Error(context + ": publish: column '" + name + "' is not in the source");
    int i = static_cast<int>(it - header.begin());
    if (s.is_location[static_cast<std::size_t>(i)]) continue;  // coordinates become the geometry
    if (std::find(s.published.begin(), s.published.end(), i) == s.published.end()) s.published.push_back(i);
  }
  std::sort(s.published.begin(), s.published.end());
  s.rejects = s.published;
  for (int i : location) s.rejects.push_back(i);
  std::sort(s.rejects.begin(), s.rejects.end());
  return s;
}

void PublicationPolicy::scrub(Rejection& r, const SourceColumns& columns) const {
  if (r.reason == RejectionReason::column_count) {
    r.values.clear();
    return;
  }
  if (!privacy_.public_profile) return;
  std::string value = columns.category >= 0 && static_cast<std::size_t>(columns.category) < r.values.size()
                          ? r.values[static_cast<std::size_t>(columns.category)]
                          : std::string();
  if (value.empty()) value = columns.fixed_category;
  auto category = taxonomy_.match(value);
  if (!category || !is_sensitive(static_cast<int>(*category))) return;
  r.has_point = false;
  r.detail = kWithheld;
  for (std::size_t i = 0; i < r.values.size() && i < columns.is_location.size(); ++i)
    if (columns.is_location[i]) r.values[i].clear();
}

ColumnUnion union_columns(const std::vector<std::vector<std::string>>& headers,
                          const std::vector<std::vector<int>>& chosen) {
  ColumnUnion u;
  for (std::size_t s = 0; s < headers.size(); ++s)
    for (int c : chosen[s]) {
      const auto& name = headers[s][static_cast<std::size_t>(c)];
      if (std::find(u.names.begin(), u.names.end(), name) == u.names.end()) u.names.push_back(name);
    }
  for (std::size_t s = 0; s < headers.size(); ++s) {
    std::vector<int> map;
    for (const auto& n : u.names) {
      int found = -1;
      for (int c : chosen[s])
        if (headers[s][static_cast<std::size_t>(c)] == n) found = c;
      map.push_back(found);
    }
    u.maps.push_back(std::move(map));
  }
  return u;
}

}  // namespace peta
