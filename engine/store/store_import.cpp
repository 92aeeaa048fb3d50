// The import session: identities of the stored findings in a compact in-memory table (one pass over two short
// columns), one transaction, the import record. Unchanged rows write nothing; the rows go in through a
// TemuanWriter (GeoPackage: SQLite statements; PostGIS: OGR and COPY).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "core/error.hpp"
#include "store/finding_identity.hpp"
#include "store/finding_status.hpp"
#include "store/known_findings.hpp"
#include "store/ogr_store.hpp"
#include "store/store_dates.hpp"
#include "store/temuan_writer.hpp"

namespace peta::store {
namespace {

// The first 64 bits of a hex content digest (sidik), 0 when it is not hex.
std::uint64_t digest64(std::string_view hex) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 16 && i < hex.size(); ++i) {
    const char c = hex[i];
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return 0;
    v = v << 4 | static_cast<std::uint64_t>(d);
  }
  return v;
}

class OgrImportSession : public ImportSession {
 public:
  OgrImportSession(OgrStore& store, const ImportOptions& options) : store_(store), options_(options) {
    if (options_.source.empty()) options_.source = std::filesystem::path(options_.file).filename().string();
    if (options_.today.empty()) options_.today = today_utc();
    today_day_ = day_number(options_.today);
    if (!today_day_) throw Error("import: today " + quote(options_.today) + " is not a date (YYYY-MM-DD)");
    options_.today = date_text(*today_day_);
    guard_ = store_.lock_for_writing();
    store_.begin();
    try {
      for (FindingKind kind : {FindingKind::point, FindingKind::line})
        writers_[index(kind)] =
            store_.backend() == Backend::geopackage ? make_gpkg_writer(store_, kind) : make_ogr_writer(store_, kind);
      load_known();
    } catch (...) {
      for (auto& w : writers_) w.reset();
      store_.rollback();
      throw;
    }
    in_transaction_ = true;
  }

  ~OgrImportSession() override {
    for (auto& w : writers_) w.reset();
    if (in_transaction_) store_.rollback();
  }

  void add(const std::vector<StoreFinding>& batch) override {
    for (const auto& f : batch) add_one(f);
  }

  void add_rejected(long long rows) override {
    summary_.rows_read += rows;
    summary_.rejected += rows;
  }

  ImportSummary commit() override {
    if (!in_transaction_) throw Error("import: already committed");
    if (options_.cumulative) flag_missing();
    for (auto& w : writers_) {
      w->finish();
      w.reset();
    }
    store_.execute(
        "INSERT INTO impor (berkas, sumber, waktu, sha256, rows_read, baru, tidak_berubah, diperbarui, duplikat, "
        "ditolak, tidak_di_sumber, kembali_di_sumber, ruas) VALUES (" +
        sql_literal(options_.file) + ", " + sql_literal(options_.source) + ", " + sql_literal(now_utc()) + ", " +
        sql_literal(options_.sha256) + ", " + std::to_string(summary_.rows_read) + ", " +
        std::to_string(summary_.new_rows) + ", " + std::to_string(summary_.unchanged) + ", " +
        std::to_string(summary_.updated) + ", " + std::to_string(summary_.duplicates) + ", " +
        std::to_string(summary_.rejected) + ", " + std::to_string(summary_.not_in_source) + ", " +
        std::to_string(summary_.back_in_source) + ", " + std::to_string(summary_.lines) + ")");
    store_.commit();
    in_transaction_ = false;
    guard_.reset();
    return summary_;
  }

  const std::vector<StoreRejection>& rejections() const override { return rejections_; }

 private:
  static std::size_t index(FindingKind kind) { return kind == FindingKind::line ? 1 : 0; }
  TemuanWriter& writer(FindingKind kind) { return *writers_[index(kind)]; }
  static FindingKind kind_of(const std::uint64_t* k) {
    return KnownFindings::has(k, KnownFindings::line) ? FindingKind::line : FindingKind::point;
  }
  static FindingKind other(FindingKind kind) { return kind == FindingKind::line ? FindingKind::point : FindingKind::line; }

  // Points and segments in one table of identities (one identity space), each with its kind.
  void load_known() {
    known_ = KnownFindings(writer(FindingKind::point).count() + writer(FindingKind::line).count());
    for (FindingKind kind : {FindingKind::point, FindingKind::line}) {
      const std::uint64_t kind_flag = kind == FindingKind::line ? std::uint64_t{KnownFindings::line} : 0;
      writer(kind).load(options_.source, [&](std::string_view id, std::string_view digest, bool this_source, bool missing) {
        known_.add(identity_hash(id), digest64(digest),
                   kind_flag | (this_source ? std::uint64_t{KnownFindings::this_source} : 0) |
                       (missing ? std::uint64_t{KnownFindings::not_in_source} : 0));
        if (this_source && !missing) ++present_of_source_;
      });
    }
  }

  // The stored source row of `id`, a point or a segment.
  std::optional<long long> row_of(const std::string& id) {
    if (auto row = writer(FindingKind::point).row_of(id)) return row;
    return writer(FindingKind::line).row_of(id);
  }

  void reject(const StoreFinding& f, const char* field, std::string reason) {
    rejections_.push_back({f.source_file, f.source_row, field, std::move(reason)});
  }

  // `first_is_new`: the first row with this id was added by this import, so the store holds its row number.
  void duplicate(const StoreFinding& f, const std::string& id, bool first_is_new) {
    ++summary_.duplicates;
    const auto row = first_is_new ? row_of(id) : std::nullopt;
    reject(f, "id", "duplikat: id " + quote(id) + " sudah ada " +
                        (row ? "di baris " + std::to_string(*row) + " " : "sebelumnya di ") + "impor ini");
  }

  void add_one(const StoreFinding& f) {
    ++summary_.rows_read;
    const FindingKind kind = f.kind();
    if (kind == FindingKind::line) ++summary_.lines;
    if (kind == FindingKind::line) {
      for (const auto& part : f.lines)
        for (const auto& c : part)
          if (!(std::isfinite(c.x) && std::isfinite(c.y) && std::abs(c.x) <= 180 && std::abs(c.y) <= 90)) {
            ++summary_.rejected;
            return reject(f, "geometri", "koordinat garis di luar jangkauan EPSG:4326");
          }
    } else if (f.has_point && !(std::isfinite(f.lon) && std::isfinite(f.lat) && std::abs(f.lon) <= 180 && std::abs(f.lat) <= 90)) {
      ++summary_.rejected;
      return reject(f, "lon/lat", "koordinat di luar jangkauan EPSG:4326");
    }
    if (!f.has_point && f.desa_code.empty()) {
      ++summary_.rejected;
      return reject(f, "desa", "tanpa koordinat dan tanpa kode desa: tidak dapat ditempatkan");
    }
    auto [source_id, digest] = identity_and_digest(f);
    std::string id = options_.prefix_ids ? options_.source + ":" + source_id : source_id;
    std::uint64_t h = identity_hash(id);
    std::uint64_t* k = known_.find(h);
    if (!k && options_.prefix_ids) {
      // Stored before with its bare id (schema 1, or a one-source project): the same finding if of this source.
      std::uint64_t* bare = known_.find(identity_hash(source_id));
      if (bare && KnownFindings::has(bare, KnownFindings::this_source)) {
        id = source_id;
        h = identity_hash(id);
        k = bare;
      }
    }
    if (!k && !f.deprecated_id.empty()) {
      std::string replaced = writer(kind).id_of_uuid(f.deprecated_id);
      if (replaced.empty()) replaced = writer(other(kind)).id_of_uuid(f.deprecated_id);
      if (!replaced.empty()) {
        if ((k = known_.find(identity_hash(replaced)))) id = replaced;
      }
    }
    if (!k) return add_new(f, id, digest, h);
    if (KnownFindings::has(k, KnownFindings::seen)) {
      // Seen before in this import, or a hash shared with another identity (then the store has no `id`).
      if (row_of(id)) return duplicate(f, id, false);
      return add_new(f, id, digest, h);
    }
    if (kind_of(k) != kind) {
      // One identity space: the id is stored as the other kind (a point that became a line at the source, or
      // two forms that number alike). Not taken; the stored finding is kept as it is.
      if (!writer(kind_of(k)).row_of(id)) return add_new(f, id, digest, h);  // a hash shared with another identity
      ++summary_.rejected;
      return reject(f, "id", "id " + quote(id) + " sudah dipakai temuan " + kind_name(kind_of(k)) + " di store; temuan " +
                                 kind_name(kind) + " ini tidak disimpan (satu ruang id untuk titik dan ruas)");
    }
    KnownFindings::set(k, KnownFindings::seen);
    if (KnownFindings::has(k, KnownFindings::this_source) && !KnownFindings::has(k, KnownFindings::not_in_source))
      ++seen_of_source_;
    const std::uint64_t d = digest64(digest);
    if (KnownFindings::same_digest(k, d)) {
      back_in_source(k, id);
      ++summary_.unchanged;
      return;
    }
    TemuanRow row = content(f, id, digest);
    auto previous = writer(kind).replace_content(row);
    if (!previous) return add_new(f, id, digest, h);  // a hash shared with another identity: `id` is new
    back_in_source(k, id);
    store_.add_history({id, "", "ubah", options_.today, previous->status, previous->status, "",
                        "diperbarui dari " + options_.file, previous->content_json});
    KnownFindings::set_digest(k, d);
    KnownFindings::set(k, KnownFindings::this_source);
    ++summary_.updated;
  }

  void back_in_source(std::uint64_t* k, const std::string& id) {
    if (!(KnownFindings::has(k, KnownFindings::not_in_source) && KnownFindings::has(k, KnownFindings::this_source))) return;
    KnownFindings::set(k, KnownFindings::not_in_source, false);
    ++summary_.back_in_source;
    writer(kind_of(k)).set_not_in_source(id, false);
    store_.add_history({id, "", "kembali_di_sumber", options_.today, "", "", "", "ada lagi di " + options_.file, ""});
  }

  TemuanRow content(const StoreFinding& f, const std::string& id, const std::string& digest) {
    TemuanRow r;
    r.finding = &f;
    r.id = id;
    // The id as the source wrote it, when id_temuan is "kunci:id"; NULL when they are the same (a one-source
    // project: nothing more to write or index on the import's hot path).
    if (options_.prefix_ids && id.size() > options_.source.size() && id.compare(0, options_.source.size(), options_.source) == 0 &&
        id[options_.source.size()] == ':')
      r.source_id = id.substr(options_.source.size() + 1);
    r.source = options_.source;
    r.uuid = f.kobo_uuid.empty() ? f.instance_id : f.kobo_uuid;
    r.values_json = values_json(f);
    r.digest = digest;
    return r;
  }

  void add_new(const StoreFinding& f, const std::string& id, const std::string& digest, std::uint64_t h) {
    const FindingKind kind = f.kind();
    TemuanWriter& w = writer(kind);
    if (!w.detects_duplicates()) {
      // Every new identity of either kind is remembered; a repeat is confirmed against both layers.
      if (!new_ids_.insert(h) && row_of(id)) return duplicate(f, id, true);
    } else if (kind == FindingKind::line) {
      // The unique index sees its own layer only: an id added as a point earlier in this import is a duplicate
      // too (one identity space). A lookup per new segment; segments are few.
      new_line_ids_.insert(h);
      any_new_line_ids_ = true;
      if (writer(FindingKind::point).row_of(id)) return duplicate(f, id, true);
    } else if (any_new_line_ids_ && new_line_ids_.contains(h) && writer(FindingKind::line).row_of(id)) {
      return duplicate(f, id, true);  // a point with the id of a segment added earlier in this import
    }
    TemuanRow r = content(f, id, digest);
    r.status_date = r.first_seen = options_.today;
    if (auto target = options_.opd.find(f.category)) {
      r.opd = target->opd;
      r.due_date = date_text(*today_day_ + target->target_days);
    }
    if (!w.insert(r)) return duplicate(f, id, true);
    ++summary_.new_rows;
  }

  // Stored findings of this source that this (cumulative) export lacks: flagged, never removed. Nothing to do,
  // and no pass over the layer, when every one of them was seen.
  void flag_missing() {
    if (seen_of_source_ == present_of_source_) return;
    std::vector<std::pair<std::string, FindingKind>> missing;
    for (FindingKind kind : {FindingKind::point, FindingKind::line})
      writer(kind).scan_source(options_.source, [&](const std::string& id) {
        std::uint64_t* k = known_.find(identity_hash(id));
        if (k && KnownFindings::has(k, KnownFindings::this_source) && !KnownFindings::has(k, KnownFindings::seen) &&
            !KnownFindings::has(k, KnownFindings::not_in_source))
          missing.emplace_back(id, kind);
      });
    for (const auto& [id, kind] : missing) {
      ++summary_.not_in_source;
      writer(kind).set_not_in_source(id, true);
      store_.add_history({id, "", "tidak_di_sumber", options_.today, "", "", "",
                          "tidak ada di ekspor " + options_.file + " (tetap disimpan)", ""});
    }
  }

  OgrStore& store_;
  ImportOptions options_;
  std::optional<int> today_day_;
  std::shared_ptr<void> guard_;
  bool in_transaction_ = false;
  std::unique_ptr<TemuanWriter> writers_[2];  // temuan (points), ruas (segments)
  ImportSummary summary_;
  std::vector<StoreRejection> rejections_;
  KnownFindings known_{0};
  NewIdentities new_ids_;
  NewIdentities new_line_ids_;  // segments added by this import (GeoPackage: points check them)
  bool any_new_line_ids_ = false;
  long long present_of_source_ = 0, seen_of_source_ = 0;
};

}  // namespace

std::unique_ptr<ImportSession> OgrStore::begin_import(const ImportOptions& options) {
  return std::make_unique<OgrImportSession>(*this, options);
}

}  // namespace peta::store
