#pragma once
// How an import reads and writes a findings layer (`temuan` points, `ruas` segments; one writer a layer): GeoPackage through SQLite statements on GDAL's own
// connection (in GDAL's transaction), PostGIS through OGR (GDAL's PG driver, COPY for new rows). Private to
// engine/store; the import session (store_import.cpp) holds the rules, the writers only move rows.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/store_types.hpp"

namespace peta::store {

class OgrStore;

// The columns of one finding's content as the import writes them.
struct TemuanRow {
  const StoreFinding* finding = nullptr;  // category, date, place, point, flags, source row
  std::string id, source, uuid, values_json, digest;
  std::string source_id;  // id_sumber: the id as the source wrote it when id differs ("kunci:id"); "" otherwise
  // Only for new findings:
  std::string status_date, first_seen, opd, due_date;
};

class TemuanWriter {
 public:
  virtual ~TemuanWriter() = default;
  // How many findings the layer holds.
  virtual std::size_t count() = 0;
  // Every stored finding: identity, content digest, whether it belongs to `source`, whether it is flagged missing.
  using KnownRow = std::function<void(std::string_view id, std::string_view digest, bool this_source, bool not_in_source)>;
  virtual void load(const std::string& source, const KnownRow& row) = 0;
  // Adds a new finding. Writers that see the unique index answer false when the id is already stored
  // (a duplicate within the import); the others always answer true.
  virtual bool insert(const TemuanRow& row) = 0;
  virtual bool detects_duplicates() const = 0;
  // Replaces the content of finding `row.id`; returns its previous content (JSON) and status, nullopt when no
  // finding has that id.
  struct Previous {
    std::string content_json, status;
  };
  virtual std::optional<Previous> replace_content(const TemuanRow& row) = 0;
  virtual void set_not_in_source(const std::string& id, bool missing) = 0;
  // Identities of the findings of `source` not flagged missing.
  virtual void scan_source(const std::string& source, const std::function<void(const std::string& id)>& visit) = 0;
  // The stored source row of finding `id`; nullopt when there is none.
  virtual std::optional<long long> row_of(const std::string& id) = 0;
  // The identity of the finding whose uuid is `uuid`, "" if none.
  virtual std::string id_of_uuid(const std::string& uuid) = 0;
  // Before the commit: indexes brought up to date (GeoPackage: the R-tree).
  virtual void finish() = 0;
};

std::unique_ptr<TemuanWriter> make_gpkg_writer(OgrStore& store, FindingKind kind);
std::unique_ptr<TemuanWriter> make_ogr_writer(OgrStore& store, FindingKind kind);

// The previous version as JSON (what an update replaces, kept in the history).
std::string previous_content_json(const std::function<std::string(const char*)>& field, const std::string& geometry_wkt);

}  // namespace peta::store
