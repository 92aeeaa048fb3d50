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
      writer_ = store_.backend() == Backend::geopackage ? make_gpkg_writer(store_) : make_ogr_writer(store_);
      load_known();
    } catch (...) {
      writer_.reset();
      store_.rollback();
      throw;
    }
    in_transaction_ = true;
  }

  ~OgrImportSession() override {
    writer_.reset();
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
    writer_->finish();
    writer_.reset();
    store_.execute(
        "INSERT INTO impor (berkas, sumber, waktu, sha256, rows_read, baru, tidak_berubah, diperbarui, duplikat, "
        "ditolak, tidak_di_sumber, kembali_di_sumber) VALUES (" +
        sql_literal(options_.file) + ", " + sql_literal(options_.source) + ", " + sql_literal(now_utc()) + ", " +
        sql_literal(options_.sha256) + ", " + std::to_string(summary_.rows_read) + ", " +
        std::to_string(summary_.new_rows) + ", " + std::to_string(summary_.unchanged) + ", " +
        std::to_string(summary_.updated) + ", " + std::to_string(summary_.duplicates) + ", " +
        std::to_string(summary_.rejected) + ", " + std::to_string(summary_.not_in_source) + ", " +
        std::to_string(summary_.back_in_source) + ")");
    store_.commit();
    in_transaction_ = false;
    guard_.reset();
    return summary_;
  }

  const std::vector<StoreRejection>& rejections() const override { return rejections_; }

 private:
  void load_known() {
    known_ = KnownFindings(writer_->count());
    writer_->load(options_.source, [&](std::string_view id, std::string_view digest, bool this_source, bool missing) {
      known_.add(identity_hash(id), digest64(digest),
                 (this_source ? std::uint64_t{KnownFindings::this_source} : 0) | (missing ? std::uint64_t{KnownFindings::not_in_source} : 0));
      if (this_source && !missing) ++present_of_source_;
    });
  }

  void reject(const StoreFinding& f, const char* field, std::string reason) {
    rejections_.push_back({f.source_file, f.source_row, field, std::move(reason)});
  }

  // `first_is_new`: the first row with this id was added by this import, so the store holds its row number.
  void duplicate(const StoreFinding& f, const std::string& id, bool first_is_new) {
    ++summary_.duplicates;
    const auto row = first_is_new ? writer_->row_of(id) : std::nullopt;
    reject(f, "id", "duplikat: id " + quote(id) + " sudah ada " +
                        (row ? "di baris " + std::to_string(*row) + " " : "sebelumnya di ") + "impor ini");
  }

  void add_one(const StoreFinding& f) {
    ++summary_.rows_read;
    if (f.has_point && !(std::isfinite(f.lon) && std::isfinite(f.lat) && std::abs(f.lon) <= 180 && std::abs(f.lat) <= 90)) {
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
      if (std::string replaced = writer_->id_of_uuid(f.deprecated_id); !replaced.empty()) {
        if ((k = known_.find(identity_hash(replaced)))) id = replaced;
      }
    }
    if (!k) return add_new(f, id, digest, h);
    if (KnownFindings::has(k, KnownFindings::seen)) {
      // Seen before in this import, or a hash shared with another identity (then the store has no `id`).
      if (writer_->row_of(id)) return duplicate(f, id, false);
      return add_new(f, id, digest, h);
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
    auto previous = writer_->replace_content(row);
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
    writer_->set_not_in_source(id, false);
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
    if (!writer_->detects_duplicates() && !new_ids_.insert(h) && writer_->row_of(id)) return duplicate(f, id, true);
    TemuanRow r = content(f, id, digest);
    r.status_date = r.first_seen = options_.today;
    if (auto target = options_.opd.find(f.category)) {
      r.opd = target->opd;
      r.due_date = date_text(*today_day_ + target->target_days);
    }
    if (!writer_->insert(r)) return duplicate(f, id, true);
    ++summary_.new_rows;
  }

  // Stored findings of this source that this (cumulative) export lacks: flagged, never removed. Nothing to do,
  // and no pass over the layer, when every one of them was seen.
  void flag_missing() {
    if (seen_of_source_ == present_of_source_) return;
    std::vector<std::string> missing;
    writer_->scan_source(options_.source, [&](const std::string& id) {
      std::uint64_t* k = known_.find(identity_hash(id));
      if (k && KnownFindings::has(k, KnownFindings::this_source) && !KnownFindings::has(k, KnownFindings::seen) &&
          !KnownFindings::has(k, KnownFindings::not_in_source))
        missing.push_back(id);
    });
    for (const auto& id : missing) {
      ++summary_.not_in_source;
      writer_->set_not_in_source(id, true);
      store_.add_history({id, "", "tidak_di_sumber", options_.today, "", "", "",
                          "tidak ada di ekspor " + options_.file + " (tetap disimpan)", ""});
    }
  }

  OgrStore& store_;
  ImportOptions options_;
  std::optional<int> today_day_;
  std::shared_ptr<void> guard_;
  bool in_transaction_ = false;
  std::unique_ptr<TemuanWriter> writer_;
  ImportSummary summary_;
  std::vector<StoreRejection> rejections_;
  KnownFindings known_{0};
  NewIdentities new_ids_;
  long long present_of_source_ = 0, seen_of_source_ = 0;
};

}  // namespace

std::unique_ptr<ImportSession> OgrStore::begin_import(const ImportOptions& options) {
  return std::make_unique<OgrImportSession>(*this, options);
}

}  // namespace peta::store
