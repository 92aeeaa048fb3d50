// The import's writes through OGR: the PostGIS store (GDAL's PG driver sends new rows by COPY).
#include "core/error.hpp"
#include "store/ogr_store.hpp"
#include "store/temuan_writer.hpp"

namespace peta::store {

std::string previous_content_json(const std::function<std::string(const char*)>& field, const std::string& geometry_wkt) {
  std::string s = "{";
  auto add = [&](const char* key) {
    std::string esc;
    for (char c : field(key)) {
      if (c == '"' || c == '\\') esc += '\\';
      if (static_cast<unsigned char>(c) < 0x20) continue;
      esc += c;
    }
    if (s.size() > 1) s += ",";
    s += std::string("\"") + key + "\":\"" + esc + "\"";
  };
  for (const char* key : {"sumber", "baris", "kategori", "tanggal", "kode_desa", "kode_kec", "cara", "flags", "sidik"}) add(key);
  if (!geometry_wkt.empty()) s += ",\"geom\":\"" + geometry_wkt + "\"";
  // `nilai` is itself JSON text: embedded as an object.
  const std::string values = field("nilai");
  s += ",\"nilai\":" + (values.empty() ? std::string("{}") : values) + "}";
  return s;
}

namespace {

class OgrTemuanWriter : public TemuanWriter {
 public:
  OgrTemuanWriter(OgrStore& store, FindingKind kind) : store_(store), kind_(kind), table_(kind_table(kind)) {}

  std::size_t count() override {
    long long n = 0;
    store_.query("SELECT COUNT(*) AS n FROM " + table_, [&](OGRFeature& f) { n = integer_of(f, "n"); });
    return static_cast<std::size_t>(n);
  }

  void load(const std::string& source, const KnownRow& row) override {
    store_.query("SELECT id_temuan, sidik, sumber, tidak_di_sumber FROM " + table_, [&](OGRFeature& f) {
      row(f.GetFieldAsString(0), f.GetFieldAsString(1), source == f.GetFieldAsString(2), f.GetFieldAsInteger(3) != 0);
    });
  }

  bool insert(const TemuanRow& r) override {
    const auto& x = store_.fields(kind_);
    OGRLayer& layer = store_.layer(kind_);
    OGRFeature feature(layer.GetLayerDefn());
    feature.SetField(x.id, r.id.c_str());
    if (!r.source_id.empty()) feature.SetField(x.source_id, r.source_id.c_str());
    set_content(feature, r);
    feature.SetField(x.status, "baru");
    feature.SetField(x.recorded_status, "baru");
    feature.SetField(x.status_date, r.status_date.c_str());
    feature.SetField(x.first_seen, r.first_seen.c_str());
    if (!r.opd.empty()) {
      feature.SetField(x.opd, r.opd.c_str());
      feature.SetField(x.due_date, r.due_date.c_str());
    }
    feature.SetField(x.not_in_source, 0);
    CPLErrorReset();
    if (layer.CreateFeature(&feature) != OGRERR_NONE)
      store_.fail("cannot add finding " + quote(r.id) + " (" + r.finding->source_file + " row " +
                  std::to_string(r.finding->source_row) + ")");
    return true;
  }
  bool detects_duplicates() const override { return false; }

  std::optional<Previous> replace_content(const TemuanRow& r) override {
    std::int64_t fid = -1;
    store_.query("SELECT fid FROM " + table_ + " WHERE id_temuan = " + sql_literal(r.id), [&](OGRFeature& f) { fid = fid_of(f); });
    if (fid < 0) return std::nullopt;
    OGRLayer& layer = store_.layer(kind_);
    std::unique_ptr<OGRFeature> feature(layer.GetFeature(fid));
    if (!feature) store_.fail("finding fid " + std::to_string(fid) + " vanished during the import");
    std::string wkt;
    if (const OGRGeometry* g = feature->GetGeometryRef()) wkt = g->exportToWkt();
    Previous p{previous_content_json([&](const char* name) { return std::string(feature->GetFieldAsString(name)); }, wkt),
               feature->GetFieldAsString(store_.fields(kind_).status)};
    set_content(*feature, r);
    if (layer.SetFeature(feature.get()) != OGRERR_NONE) store_.fail("cannot update finding " + quote(r.id));
    return p;
  }

  void set_not_in_source(const std::string& id, bool missing) override {
    store_.execute("UPDATE " + table_ + " SET tidak_di_sumber = " + (missing ? "1" : "0") +
                   " WHERE id_temuan = " + sql_literal(id));
  }

  void scan_source(const std::string& source, const std::function<void(const std::string&)>& visit) override {
    store_.query("SELECT id_temuan FROM " + table_ + " WHERE sumber = " + sql_literal(source) + " AND tidak_di_sumber = 0",
                 [&](OGRFeature& f) { visit(f.GetFieldAsString(0)); });
  }

  std::optional<long long> row_of(const std::string& id) override {
    std::optional<long long> row;
    store_.query("SELECT baris FROM " + table_ + " WHERE id_temuan = " + sql_literal(id),
                 [&](OGRFeature& f) { row = f.GetFieldAsInteger64(0); });
    return row;
  }

  std::string id_of_uuid(const std::string& uuid) override {
    std::string id;
    store_.query("SELECT id_temuan FROM " + table_ + " WHERE uuid = " + sql_literal(uuid),
                 [&](OGRFeature& f) { id = f.GetFieldAsString(0); });
    return id;
  }

  void finish() override {}

 private:
  void set_content(OGRFeature& feature, const TemuanRow& r) {
    const auto& x = store_.fields(kind_);
    const StoreFinding& f = *r.finding;
    feature.SetField(x.source, r.source.c_str());
    feature.SetField(x.row, static_cast<GIntBig>(f.source_row));
    feature.SetField(x.uuid, r.uuid.c_str());
    feature.SetField(x.category, f.category.c_str());
    feature.SetField(x.date, f.date.c_str());
    feature.SetField(x.desa, f.desa_code.c_str());
    feature.SetField(x.kecamatan, f.kecamatan_code.c_str());
    feature.SetField(x.placed_by, f.placed_by.c_str());
    feature.SetField(x.flags, f.flags.c_str());
    feature.SetField(x.values, r.values_json.c_str());
    feature.SetField(x.fingerprint, r.digest.c_str());
    if (kind_ == FindingKind::line) {
      feature.SetField(x.length, f.length_m);
      auto* lines = new OGRMultiLineString();
      for (const auto& part : f.lines) {
        if (part.empty()) continue;
        auto* line = new OGRLineString();
        for (const auto& c : part) line->addPoint(c.x, c.y);
        lines->addGeometryDirectly(line);
      }
      feature.SetGeometryDirectly(lines);
      return;
    }
    feature.SetGeometryDirectly(f.has_point ? new OGRPoint(f.lon, f.lat) : nullptr);
  }

  OgrStore& store_;
  FindingKind kind_;
  std::string table_;
};

}  // namespace

std::unique_ptr<TemuanWriter> make_ogr_writer(OgrStore& store, FindingKind kind) {
  return std::make_unique<OgrTemuanWriter>(store, kind);
}

}  // namespace peta::store
