// The import session: identity lookup in memory, one transaction, the import record.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <unordered_map>

#include "core/error.hpp"
#include "store/finding_identity.hpp"
#include "store/finding_status.hpp"
#include "store/ogr_store.hpp"
#include "store/store_dates.hpp"

namespace peta::store {
namespace {

// 64-bit FNV-1a of an identity. The stored findings are kept in memory as two such hashes with different
// seeds (not strings), so that a re-import of a million rows needs one pass over a few columns and tens of MB;
// a hit must match both (128 bits), so two identities are never taken for one.
std::uint64_t hash64(std::string_view s, std::uint64_t seed = 1469598103934665603ull) {
  std::uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t check64(std::string_view s) { return hash64(s, 0x9e3779b97f4a7c15ull); }

std::uint64_t digest64(const std::string& hex) { return std::strtoull(hex.substr(0, 16).c_str(), nullptr, 16); }

struct Known {
  std::int64_t fid = 0;
  std::uint64_t digest = 0;
  std::uint64_t check = 0;  // check64 of the identity
  int source = -1;  // index into sources
  bool not_in_source = false;
  bool seen = false;  // in this import
};

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
      load_known();
    } catch (...) {
      store_.rollback();
      throw;
    }
    in_transaction_ = true;
  }

  ~OgrImportSession() override {
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
  int source_index(const std::string& s) {
    auto [it, inserted] = source_ids_.try_emplace(s, static_cast<int>(source_ids_.size()));
    return it->second;
  }

  void load_known() {
    this_source_ = source_index(options_.source);
    store_.query("SELECT fid, id_temuan, sidik, sumber, tidak_di_sumber FROM temuan", [&](OGRFeature& f) {
      Known k;
      k.fid = fid_of(f);
      k.digest = digest64(text_of(f, "sidik"));
      k.source = source_index(text_of(f, "sumber"));
      k.not_in_source = integer_of(f, "tidak_di_sumber") != 0;
      const std::string id = text_of(f, "id_temuan");
      k.check = check64(id);
      known_.emplace(hash64(id), k);
    });
  }

  // The stored identity text of a fid (to rule out a hash collision).
  std::string stored_id(std::int64_t fid) {
    std::string id;
    store_.query("SELECT id_temuan FROM temuan WHERE fid = " + std::to_string(fid),
                 [&](OGRFeature& f) { id = f.GetFieldAsString(0); });
    return id;
  }

  void reject(const StoreFinding& f, const char* field, std::string reason) {
    rejections_.push_back({f.source_file, f.source_row, field, std::move(reason)});
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
    const std::string id = identity_of(f);
    const std::uint64_t h = hash64(id);
    if (auto [it, first] = rows_in_import_.try_emplace(h, f.source_row); !first) {
      ++summary_.duplicates;
      return reject(f, "id", "duplikat: id " + quote(id) + " sudah ada di baris " + std::to_string(it->second) +
                                 " impor ini");
    }
    const std::string digest = content_digest(f);
    auto known = known_.find(h);
    if (known != known_.end() && known->second.check != check64(id))
      throw Error("import: two identities share a 64-bit hash (" + quote(id) + "); please report this");
    if (known == known_.end() && !f.deprecated_id.empty()) known = find_by_uuid(f.deprecated_id);
    if (known == known_.end()) {
      insert(f, id, digest);
      ++summary_.new_rows;
      return;
    }
    Known& k = known->second;
    k.seen = true;
    if (k.not_in_source && k.source == this_source_) {
      k.not_in_source = false;
      ++summary_.back_in_source;
      store_.execute("UPDATE temuan SET tidak_di_sumber = 0 WHERE fid = " + std::to_string(k.fid));
      store_.add_history({id, "", "kembali_di_sumber", options_.today, "", "", "", "ada lagi di " + options_.file, ""});
    }
    if (k.digest == digest64(digest)) {
      ++summary_.unchanged;
      return;
    }
    update(f, k, digest);
    ++summary_.updated;
  }

  // A Kobo edit without `_id`: the row names the `_uuid` it replaces.
  std::unordered_map<std::uint64_t, Known>::iterator find_by_uuid(const std::string& uuid) {
    std::string id;
    store_.query("SELECT id_temuan FROM temuan WHERE uuid = " + sql_literal(uuid),
                 [&](OGRFeature& f) { id = f.GetFieldAsString(0); });
    return id.empty() ? known_.end() : known_.find(hash64(id));
  }

  void set_content(OGRFeature& feature, const StoreFinding& f, const std::string& digest) {
    const auto& x = store_.fields();
    feature.SetField(x.source, options_.source.c_str());
    feature.SetField(x.row, static_cast<GIntBig>(f.source_row));
    feature.SetField(x.uuid, (f.kobo_uuid.empty() ? f.instance_id : f.kobo_uuid).c_str());
    feature.SetField(x.category, f.category.c_str());
    feature.SetField(x.date, f.date.c_str());
    feature.SetField(x.desa, f.desa_code.c_str());
    feature.SetField(x.kecamatan, f.kecamatan_code.c_str());
    feature.SetField(x.placed_by, f.placed_by.c_str());
    feature.SetField(x.flags, f.flags.c_str());
    feature.SetField(x.values, values_json(f).c_str());
    feature.SetField(x.fingerprint, digest.c_str());
    if (f.has_point) {
      feature.SetGeometryDirectly(new OGRPoint(f.lon, f.lat));
    } else {
      feature.SetGeometryDirectly(nullptr);
    }
  }

  void insert(const StoreFinding& f, const std::string& id, const std::string& digest) {
    const auto& x = store_.fields();
    OGRLayer& layer = store_.temuan();
    OGRFeature feature(layer.GetLayerDefn());
    feature.SetField(x.id, id.c_str());
    set_content(feature, f, digest);
    feature.SetField(x.status, kStatusNew);
    feature.SetField(x.recorded_status, kStatusNew);
    feature.SetField(x.status_date, options_.today.c_str());
    feature.SetField(x.first_seen, options_.today.c_str());
    if (auto target = options_.opd.find(f.category)) {
      feature.SetField(x.opd, target->opd.c_str());
      feature.SetField(x.due_date, date_text(*today_day_ + target->target_days).c_str());
    }
    feature.SetField(x.not_in_source, 0);
    CPLErrorReset();
    if (layer.CreateFeature(&feature) != OGRERR_NONE)
      store_.fail("cannot add finding " + quote(id) + " (" + f.source_file + " row " + std::to_string(f.source_row) + ")");
    Known k;
    k.fid = feature.GetFID();
    k.digest = digest64(digest);
    k.source = this_source_;
    k.seen = true;
    k.check = check64(id);
    known_.emplace(hash64(id), k);
  }

  void update(const StoreFinding& f, Known& k, const std::string& digest) {
    OGRLayer& layer = store_.temuan();
    std::unique_ptr<OGRFeature> feature(layer.GetFeature(k.fid));
    if (!feature) store_.fail("finding fid " + std::to_string(k.fid) + " vanished during the import");
    const auto& x = store_.fields();
    const std::string old_content = old_content_json(*feature);
    const std::string id = feature->GetFieldAsString(x.id);
    store_.add_history({id, "", "ubah", options_.today, feature->GetFieldAsString(x.status),
                        feature->GetFieldAsString(x.status), "", "diperbarui dari " + options_.file, old_content});
    set_content(*feature, f, digest);
    if (layer.SetFeature(feature.get()) != OGRERR_NONE) store_.fail("cannot update finding " + quote(id));
    k.digest = digest64(digest);
    k.source = this_source_;
  }

  // The previous version as JSON: what an update replaces.
  std::string old_content_json(OGRFeature& feature) {
    const auto& x = store_.fields();
    std::string s = "{";
    auto add = [&](const char* key, int field) {
      std::string v = feature.GetFieldAsString(field);
      std::string esc;
      for (char c : v) {
        if (c == '"' || c == '\\') esc += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        esc += c;
      }
      if (s.size() > 1) s += ",";
      s += std::string("\"") + key + "\":\"" + esc + "\"";
    };
    add("sumber", x.source);
    add("baris", x.row);
    add("kategori", x.category);
    add("tanggal", x.date);
    add("kode_desa", x.desa);
    add("kode_kec", x.kecamatan);
    add("cara", x.placed_by);
    add("flags", x.flags);
    add("sidik", x.fingerprint);
    if (const OGRGeometry* g = feature.GetGeometryRef()) {
      char* wkt = nullptr;
      g->exportToWkt(&wkt);
      s += std::string(",\"geom\":\"") + (wkt ? wkt : "") + "\"";
      CPLFree(wkt);
    }
    // `nilai` is itself JSON text: embedded as an object.
    std::string values = feature.GetFieldAsString(x.values);
    s += ",\"nilai\":" + (values.empty() ? std::string("{}") : values) + "}";
    return s;
  }

  void flag_missing() {
    for (auto& [h, k] : known_) {
      if (k.source != this_source_ || k.seen || k.not_in_source) continue;
      k.not_in_source = true;
      ++summary_.not_in_source;
      std::string id = stored_id(k.fid);
      store_.execute("UPDATE temuan SET tidak_di_sumber = 1 WHERE fid = " + std::to_string(k.fid));
      store_.add_history({id, "", "tidak_di_sumber", options_.today, "", "", "",
                          "tidak ada di ekspor " + options_.file + " (tetap disimpan)", ""});
    }
  }

  OgrStore& store_;
  ImportOptions options_;
  std::optional<int> today_day_;
  std::shared_ptr<void> guard_;
  bool in_transaction_ = false;
  ImportSummary summary_;
  std::vector<StoreRejection> rejections_;
  std::unordered_map<std::string, int> source_ids_;
  int this_source_ = -1;
  std::unordered_map<std::uint64_t, Known> known_;
  std::unordered_map<std::uint64_t, long long> rows_in_import_;
};

}  // namespace

std::unique_ptr<ImportSession> OgrStore::begin_import(const ImportOptions& options) {
  return std::make_unique<OgrImportSession>(*this, options);
}

}  // namespace peta::store
