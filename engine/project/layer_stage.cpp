#include "project/layer_stage.hpp"

#include <algorithm>

#include "core/parallel.hpp"
#include "core/layer_fields.hpp"
#include "findings/date_column.hpp"
#include "indicators/indicator_fields.hpp"
#include "output/field_slots.hpp"
#include "output/rejects_csv.hpp"
#include "output/status_fields.hpp"
#include "output/time_layers.hpp"
#include "output/ruas_layer.hpp"
#include "output/unit_extras.hpp"
#include "profile/profile_layer_fields.hpp"

namespace peta {

TemuanSink::TemuanSink(OutputSet& outputs, const Boundaries& b, const FindingSources& sources,
                       const PublicationPolicy& policy)
    : layer_(sources.published.names), sink_(outputs.open_layer(layer_.schema())), b_(b), sources_(sources), policy_(policy) {}

void TemuanSink::write(const PlacedFinding& p) {
  if (!policy_.shows_point(p.category)) return;  // sensitive findings: desa aggregates only
  TemuanPlacement placement{p.by_name_or_code, p.named_desa, p.named_distance_m, p.confidence};
  sink_.write(layer_.feature(p.finding, sources_.published.maps[p.source], p.assignment, b_, policy_.code(p.category),
                             sources_.sources[p.source].reader->path(), placement));
}

namespace {

// The columns the project's sources publish, in first-appearance order, without the date column (the
// store's date is the layer's `tanggal` field).
std::vector<std::string> published_columns(const ProjectSettings& settings) {
  std::vector<std::string> names;
  for (const auto& source : settings.findings)
    for (const auto& c : source.publish)
      if (std::find(names.begin(), names.end(), c) == names.end()) names.push_back(c);
  if (const int date = find_date_column(names); date >= 0) names.erase(names.begin() + date);
  return names;
}

}  // namespace

StoreTemuanSink::StoreTemuanSink(OutputSet& outputs, const Boundaries& b, const ProjectSettings& settings)
    : layer_(published_columns(settings)), sink_(outputs.open_layer(layer_.schema())), b_(b) {}

void StoreTemuanSink::write(const store::StoredFinding& f, int desa, Coord where, const FindingLife& life) {
  sink_.write(layer_.feature(f, desa, where, b_, life));
}

StoreRuasSink::StoreRuasSink(OutputSet& outputs, const Boundaries& b, const ProjectSettings& settings)
    : layer_(published_columns(settings)), outputs_(outputs), b_(b) {}

void StoreRuasSink::write(const store::StoredFinding& f, const LinePiece& piece, const FindingLife& life) {
  if (!sink_) sink_ = &outputs_.open_layer(layer_.schema());  // at the first piece: no empty layer without segments
  sink_->write(layer_.feature(f, piece.desa, piece.lines, piece.length_m, b_, life));
}

namespace {

void write_ruas(OutputSet& outputs, const Boundaries& b, const FindingSources& sources, const LineFindings& lines,
                const PublicationPolicy& policy) {
  RuasLayer layer(sources.published.names);
  LayerSink& sink = outputs.open_layer(layer.schema());
  for (const auto& r : lines.pieces) {
    const int category = lines.category[r.line];
    if (!policy.shows_point(category)) continue;
    const std::size_t source = lines.source[r.line];
    sink.write(layer.feature(lines.rows[r.line].finding, sources.published.maps[source], r.piece.desa, r.piece.lines,
                             r.piece.length_m, b, policy.code(category), sources.sources[source].reader->path()));
  }
}

// The unit's row of the status aggregates, or null.
const store::StatusCounts* status_of(const std::map<std::string, store::StatusCounts>& by_code, const AdminUnit& unit) {
  const auto it = by_code.find(unit.code.digits());
  return it == by_code.end() ? nullptr : &it->second;
}

void write_units(const ProjectSettings& settings, OutputSet& outputs, const Boundaries& b, const FindingsResult& findings,
                 const Statistics& statistics, const VisitFollowUp* visits, const PublicationPolicy& policy,
                 const store::StatusAggregates* status, const profile::ProfileRun* profile) {
  const OutputSettings& out = settings.output;
  UnitExtras extras(settings.categories, {policy.public_profile(), policy.k(), findings.has_lines()});
  const DesaHotspots* hotspots = statistics.hotspots.get();
  const std::vector<const EmergingResult*> trends = statistics.trends ? statistics.trends->pointers() : std::vector<const EmergingResult*>{};
  if (out.has_layer("desa")) {
    const DesaLayer desa(settings.categories, hotspots);
    LayerSchema schema = desa.schema();
    extras.extend(schema);
    if (statistics.trends)
      for (auto& field : trend_fields(settings.categories)) schema.fields.push_back(std::move(field));
    if (status) StatusFields::extend(schema);
    if (statistics.indicators) IndicatorFields::extend(schema, *statistics.indicators);
    const auto profile_fields = profile ? profile::ProfileLayerFields::for_desa(
                                              profile->profile, profile->matrix ? &*profile->matrix : nullptr, policy.public_profile())
                                        : profile::ProfileLayerFields();
    profile_fields.extend(schema);
    LayerSink& sink = outputs.open_layer(schema);
    for (std::size_t d = 0; d < b.desa.size(); ++d) {
      Feature f = desa.feature(b, d, findings.counts);
      extras.apply(f, findings.length_m[d], statistics.withheld.desa(d));
      if (statistics.trends) append_trend_values(f, d, trends);
      if (status) StatusFields::apply(f, status_of(status->desa, b.desa[d]));
      if (statistics.indicators) IndicatorFields::apply(f, d, *statistics.indicators);
      profile_fields.apply(f, d);
      sink.write(f);
    }
  }
  if (out.has_layer("kecamatan")) {
    const KecamatanLayer kecamatan(settings.categories);
    LayerSchema schema = kecamatan.schema();
    extras.extend(schema);
    if (visits) schema.fields.push_back(VisitFollowUp::kecamatan_field());
    if (status) StatusFields::extend(schema);
    if (statistics.indicators) IndicatorFields::extend(schema, *statistics.indicators, AnalysisLevel::kecamatan);
    const auto profile_fields =
        profile ? profile::ProfileLayerFields::for_kecamatan(profile->profile, profile->kecamatan) : profile::ProfileLayerFields();
    profile_fields.extend(schema);
    LayerSink& sink = outputs.open_layer(schema);
    auto rows = findings.counts.by_kecamatan(b);
    std::vector<double> kec_length(b.kecamatan.size(), 0.0);
    for (std::size_t d = 0; d < b.desa.size(); ++d)
      if (b.desa_kecamatan[d] >= 0) kec_length[static_cast<std::size_t>(b.desa_kecamatan[d])] += findings.length_m[d];
    for (std::size_t k = 0; k < b.kecamatan.size(); ++k) {
      Feature f = kecamatan.feature(b, k, rows[k]);
      extras.apply(f, kec_length[k], statistics.withheld.kecamatan(k));
      if (visits) f.values.push_back(visits->kecamatan_value(k));
      if (status) StatusFields::apply(f, status_of(status->kecamatan, b.kecamatan[k]));
      if (statistics.indicators) IndicatorFields::apply(f, k, *statistics.indicators, AnalysisLevel::kecamatan);
      profile_fields.apply(f, k);
      sink.write(f);
    }
  }
  if (out.has_layer("kabupaten") && !b.kabupaten.empty()) {
    const KabupatenLayer kabupaten(policy.public_profile() ? &settings.categories : nullptr);
    LayerSink& sink = outputs.open_layer(kabupaten.schema());
    // Each kabupaten's outline is a union of its kecamatan (GEOS), independent of the others: East Java's 38
    // took 3-6 s one after the other.
    std::vector<Feature> features(b.kabupaten.size());
    parallel_for(features.size(), thread_count(),
                 [&](std::size_t k) { features[k] = kabupaten.feature(b, k, findings.counts); });
    for (const Feature& f : features) sink.write(f);
  }
}

// Coverage over the run's findings: the desa without a single (published) finding, nobody looked or nobody
// reported, with their kecamatan's visit date when the project has visits (visited and still empty is the
// stronger signal). In the public profile "no finding" counts the published categories only, as n_total does,
// so the layer reveals nothing of a withheld count.
void write_blind_spots(const ProjectSettings& settings, OutputSet& outputs, const Boundaries& b,
                       const FindingsResult& findings, const VisitFollowUp* visits, const PublicationPolicy& policy) {
  LayerSchema schema{"titik_buta", GeometryKind::multipolygon, {}};
  const DesaLayer desa(settings.categories);
  const FieldSlots desa_slots(desa.schema());
  // The desa's identity and area, taken from the desa layer by name.
  const char* const identity[] = {layer_field::kode, layer_field::nama, layer_field::jenis, layer_field::kode_kec,
                                  layer_field::nama_kec, layer_field::luas_km2};
  for (const char* name : identity) schema.fields.push_back(desa.schema().fields[desa_slots[name]]);
  if (visits) {
    FieldDef visit = VisitFollowUp::kecamatan_field();
    visit.name = "kunjungan_kec";
    visit.short_name = "kunjungan";
    schema.fields.push_back(std::move(visit));
  }
  LayerSink& sink = outputs.open_layer(schema);
  for (std::size_t d = 0; d < b.desa.size(); ++d) {
    const std::int64_t total = policy.public_profile()
                                   ? findings.counts.desa_total_without_sensitive(d, settings.categories)
                                   : findings.counts.desa_total(d);
    if (total > 0) continue;
    const Feature whole = desa.feature(b, d, findings.counts);
    Feature f;
    f.geometry = whole.geometry;
    for (const char* name : identity) f.values.push_back(whole.values[desa_slots[name]]);
    if (visits) {
      if (b.desa_kecamatan[d] < 0) f.values.emplace_back(std::monostate{});
      else f.values.push_back(visits->kecamatan_value(static_cast<std::size_t>(b.desa_kecamatan[d])));
    }
    sink.write(f);
  }
}

// The tables of time (no geometry): findings per desa and kecamatan per period, and per visit.
void write_time_tables(const ProjectSettings& settings, OutputSet& outputs, const Boundaries& b, const FindingsResult& findings,
                       const VisitFollowUp* visits) {
  const OutputSettings& out = settings.output;
  if (!findings.periods.empty() && out.has_layer("hitungan_periode")) {
    for (PeriodTableLevel level : {PeriodTableLevel::desa, PeriodTableLevel::kecamatan}) {
      LayerSink& sink = outputs.open_layer(period_table_schema(level));
      const PeriodCounts counts =
          level == PeriodTableLevel::desa ? findings.periods : findings.periods.rollup(b.desa_kecamatan);
      for (const auto& f : period_table_features(counts, b, level)) sink.write(f);
    }
  }
  if (visits && out.has_layer("kunjungan")) {
    LayerSink& sink = outputs.open_layer(visits->table_schema(settings.categories));
    for (const auto& f : visits->table_features()) sink.write(f);
  }
}

}  // namespace

std::vector<std::string> write_layers(const ProjectSettings& settings, OutputSet& outputs, const Boundaries& b,
                                      const FindingSources& sources, const FindingsResult& findings,
                                      const Statistics& statistics, const VisitFollowUp* visits, RejectionSpool& spool,
                                      const PublicationPolicy& policy, const store::StatusAggregates* status,
                                      const profile::ProfileRun* profile) {
  const OutputSettings& out = settings.output;
  if (out.has_layer("ruas") && !findings.lines.rows.empty()) write_ruas(outputs, b, sources, findings.lines, policy);
  if (out.has_layer("ditolak")) {
    DitolakLayer ditolak(sources.rejects.names);
    LayerSink& sink = outputs.open_layer(ditolak.schema());
    spool.for_each([&](const Rejection& r, std::size_t source) { sink.write(ditolak.feature(r, sources.rejects.maps[source])); });
  }
  write_units(settings, outputs, b, findings, statistics, visits, policy, status, profile);
  if (profile && profile->matrix) {  // the problem–potential matrix as a layer of its own, opening in its style
    LayerSink& sink = outputs.open_layer(profile::matrix_schema(profile->potential_field, profile->matrix->rate_unit));
    for (std::size_t d = 0; d < b.desa.size(); ++d) sink.write(profile::matrix_feature(b, d, profile->problems, *profile->matrix));
  }
  write_time_tables(settings, outputs, b, findings, visits);
  if (out.has_layer("titik_buta")) write_blind_spots(settings, outputs, b, findings, visits, policy);
  if (statistics.clusters) {
    LayerSink& sink = outputs.open_layer(klaster_schema(settings.categories));
    for (const auto& c : statistics.clusters->clusters) sink.write(klaster_feature(c, *statistics.clusters, settings.categories));
  }
  std::vector<std::string> files = outputs.commit();
  if (out.has_layer("ditolak")) {
    std::string csv = out.folder + "/ditolak.csv";
    write_rejects_csv(csv, sources.rejects.names, spool, sources.rejects.maps);
    files.push_back(csv);
  }
  return files;
}

}  // namespace peta
