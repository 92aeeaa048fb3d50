#include "report/report_time.hpp"

#include <algorithm>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "core/layer_fields.hpp"

namespace peta::report {
namespace {

using Dataset = GDALDatasetUniquePtr;

int field_index(OGRLayer* layer, const char* field, const std::string& gpkg) {
  const int i = layer->GetLayerDefn()->GetFieldIndex(field);
  if (i < 0) throw Error(gpkg + ": layer " + layer->GetName() + " has no field " + quote(field));
  return i;
}

// Categories the report may show: known to the report and, in the public profile, not sensitive.
std::set<std::string> shown_categories(const std::vector<Category>& categories, bool public_profile) {
  std::set<std::string> out;
  for (const auto& c : categories)
    if (!(public_profile && c.sensitive)) out.insert(c.code);
  return out;
}

void read_periods(GDALDataset& ds, const std::string& gpkg, const std::set<std::string>& shown, ReportTime& t) {
  OGRLayer* layer = ds.GetLayerByName("hitungan_periode_kec");
  if (!layer) return;
  const int kec = field_index(layer, layer_field::kode_kec, gpkg), per = field_index(layer, "periode", gpkg),
            kat = field_index(layer, "kategori", gpkg), n = field_index(layer, "n", gpkg);
  struct Row {
    std::string kec, kat;
    int period;
    std::int64_t n;
  };
  std::vector<Row> rows;
  std::optional<PeriodKind> kind;
  int first = 0, last = 0;
  layer->ResetReading();
  for (auto& f : *layer) {
    const std::string label = f->GetFieldAsString(per);
    auto parsed = parse_period(label);
    if (!parsed) throw Error(gpkg + ": hitungan_periode_kec: feature " + std::to_string(f->GetFID()) +
                             ": periode " + quote(label) + " is not a period");
    if (kind && *kind != parsed->kind)
      throw Error(gpkg + ": hitungan_periode_kec mixes period kinds (" + quote(label) + ")");
    const std::string category = f->GetFieldAsString(kat);
    if (!shown.count(category)) continue;
    if (!kind) first = last = parsed->period;
    kind = parsed->kind;
    first = std::min(first, parsed->period);
    last = std::max(last, parsed->period);
    rows.push_back({f->GetFieldAsString(kec), category, parsed->period, f->GetFieldAsInteger64(n)});
  }
  if (!kind) return;
  t.kind = *kind;
  for (int p = first; p <= last; ++p) t.periods.push_back(period_label(*kind, p));
  for (const auto& r : rows) {
    auto& series = t.kecamatan[r.kec][r.kat];
    series.resize(t.periods.size(), 0);
    series[static_cast<std::size_t>(r.period - first)] += r.n;
  }
}

void read_trends(GDALDataset& ds, const std::set<std::string>& shown, ReportTime& t) {
  OGRLayer* layer = ds.GetLayerByName("desa");
  if (!layer) return;
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  const int kode = defn->GetFieldIndex("kode");
  std::vector<std::pair<int, std::string>> fields;
  for (const auto& code : shown)
    if (int i = defn->GetFieldIndex(("tren_" + code).c_str()); i >= 0) fields.push_back({i, code});
  if (kode < 0 || fields.empty()) return;
  layer->ResetReading();
  for (auto& f : *layer)
    for (const auto& [i, code] : fields)
      if (f->IsFieldSetAndNotNull(i)) t.trends[f->GetFieldAsString(kode)][code] = f->GetFieldAsString(i);
}

std::string sql_text(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

void read_visits(GDALDataset& ds, const std::string& gpkg, ReportTime& t) {
  OGRLayer* layer = ds.GetLayerByName("kunjungan");
  if (!layer) return;
  const int kec = field_index(layer, layer_field::kode_kec, gpkg), mulai = field_index(layer, "mulai", gpkg),
            selesai = field_index(layer, "selesai", gpkg), tim = field_index(layer, "tim", gpkg),
            temuan = field_index(layer, "temuan", gpkg), desa = field_index(layer, "desa_temuan", gpkg);
  layer->ResetReading();
  for (auto& f : *layer)
    t.visits.push_back({f->GetFieldAsString(kec), std::string(f->GetFieldAsString(mulai)).substr(0, 10),
                        std::string(f->GetFieldAsString(selesai)).substr(0, 10), f->GetFieldAsString(tim),
                        f->GetFieldAsInteger64(temuan), f->GetFieldAsInteger64(desa), std::nullopt});
  // GDAL hands GeoPackage dates over as YYYY/MM/DD: the ISO form compares with the stored text.
  for (auto& v : t.visits) std::replace(v.mulai.begin(), v.mulai.end(), '/', '-'),
                           std::replace(v.selesai.begin(), v.selesai.end(), '/', '-');
  std::sort(t.visits.begin(), t.visits.end(), [](const ReportVisit& a, const ReportVisit& b) {
    return std::tie(a.kode_kec, a.mulai) < std::tie(b.kode_kec, b.mulai);
  });
  OGRLayer* points = ds.GetLayerByName("temuan");
  if (!points || points->GetLayerDefn()->GetFieldIndex("tanggal") < 0 ||
      points->GetLayerDefn()->GetFieldIndex(layer_field::kode_kec) < 0)
    return;
  for (auto& v : t.visits) {
    OGRLayer* sql = ds.ExecuteSQL(("SELECT COUNT(*) FROM temuan WHERE kode_kec = " + sql_text(v.kode_kec) +
                                   " AND tanggal >= " + sql_text(v.mulai))
                                      .c_str(),
                                  nullptr, "SQLITE");
    if (!sql) continue;
    if (OGRFeature* f = sql->GetNextFeature()) {
      v.since = f->GetFieldAsInteger64(0);
      OGRFeature::DestroyFeature(f);
    }
    ds.ReleaseResultSet(sql);
  }
}

}  // namespace

std::map<std::string, std::vector<std::int64_t>> ReportTime::counts(const std::string& kecamatan_code) const {
  auto digits = [](const std::string& code) {
    std::string d;
    for (char c : code)
      if (c >= '0' && c <= '9') d += c;
    return d;
  };
  std::map<std::string, std::vector<std::int64_t>> out;
  for (const auto& [kec, by_category] : kecamatan) {
    if (!kecamatan_code.empty() && digits(kec) != digits(kecamatan_code)) continue;
    for (const auto& [category, series] : by_category) {
      auto& sum = out[category];
      sum.resize(periods.size(), 0);
      for (std::size_t i = 0; i < series.size(); ++i) sum[i] += series[i];
    }
  }
  return out;
}

ReportTime read_report_time(const std::string& gpkg, const std::vector<Category>& categories, bool public_profile) {
  ensure_gdal_registered();
  Dataset ds(GDALDataset::FromHandle(
      GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) throw Error(gpkg + ": cannot open the GeoPackage");
  ReportTime t;
  const auto shown = shown_categories(categories, public_profile);
  read_periods(*ds, gpkg, shown, t);
  read_trends(*ds, shown, t);
  read_visits(*ds, gpkg, t);
  return t;
}

}  // namespace peta::report
