#pragma once
// What may leave peta, decided in one place (UU 27/2022: children's health data is specific personal data).
// The public profile shows sensitive categories only as desa aggregates: their findings are never points
// (temuan, ruas, KDE, DBSCAN), a rejected row of theirs loses its location, and counts below k are
// withheld (aggregate/suppression.hpp). Whatever the profile, only the columns a source allows are published:
// its descriptive columns (id, kategori, desa, kecamatan, kode_desa) and the ones its `publish` list names;
// the rejects also show the location columns, so that an officer can mend them.
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "core/rejection.hpp"

namespace peta {

struct PrivacySettings {
  bool public_profile = true;  // "public": sensitive categories only as desa aggregates, counts below k suppressed
  int k = 5;
};

// Which columns of one source may go where (indexes in the source's column order).
struct SourceColumns {
  std::vector<int> published;     // descriptive columns + `publish`: temuan, ruas and ditolak
  std::vector<int> rejects;       // published + location columns: ditolak only
  std::vector<char> is_location;  // per source column
  int category = -1;              // the category column, or -1
  std::string fixed_category;     // the source's `kategori` setting, for rows without a category column
};

// The union of several sources' columns, by name (first appearance first), and per source the source
// column index of each union column (or -1).
struct ColumnUnion {
  std::vector<std::string> names;
  std::vector<std::vector<int>> maps;
};

class PublicationPolicy {
 public:
  PublicationPolicy(const CategoryTaxonomy& taxonomy, PrivacySettings privacy);

  bool public_profile() const { return privacy_.public_profile; }
  int k() const { return privacy_.k; }
  const CategoryTaxonomy& taxonomy() const { return taxonomy_; }

  // `category`: an index in the taxonomy, or -1 for an unknown value (never sensitive).
  bool is_sensitive(int category) const;
  // Whether a located finding of this category may be shown where it lies (temuan, ruas, KDE, DBSCAN).
  bool shows_point(int category) const { return !(privacy_.public_profile && is_sensitive(category)); }
  // Whether findings of this category may be counted finer than per desa and category: per period
  // (hitungan_periode, emerging hot spots) and per visit. In the public profile the small counts of a
  // sensitive category per desa and month would be below k nearly everywhere, so they are not published at all.
  bool counts_in_detail(int category) const { return shows_point(category); }
  // The code written for a category index: empty for an unknown value.
  const std::string& code(int category) const;

  // Which columns of a source may be published. `header` is the source's column order, `descriptive` and
  // `location` the indexes column detection found, `publish` the source's list of further columns.
  // Throws peta::Error naming `context` when `publish` names a column the source lacks.
  SourceColumns columns(const std::vector<std::string>& header, std::vector<int> descriptive, const std::vector<int>& location,
                        int category_column, const std::vector<std::string>& publish, const std::string& fixed_category,
                        const std::string& context) const;

  // Protects what must not leave peta in a rejection of a source with these columns: a row whose fields
  // shifted (column_count) loses every value (a personal column could land under a published name); in the
  // public profile, a row of a sensitive category loses its point and its location cells.
  void scrub(Rejection& r, const SourceColumns& columns) const;

 private:
  const CategoryTaxonomy& taxonomy_;
  PrivacySettings privacy_;
  std::string empty_;
};

ColumnUnion union_columns(const std::vector<std::vector<std::string>>& headers,
                          const std::vector<std::vector<int>>& chosen);

}  // namespace peta
