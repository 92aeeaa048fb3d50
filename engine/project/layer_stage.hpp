#pragma once
// The layer-writing stage: the layers of a run in every chosen format (output/output_set.hpp), the rejects
// CSV, and the point sink the findings stage writes temuan through.
//   takes:   the boundaries, FindingsResult, Statistics, the spooled rejections, the column unions, the policy
//   returns: the files written (OutputSet::commit renames every one only when all are complete)
// Layers are written one after another: temuan (while the findings stage runs), ruas, ditolak, desa (with
// tren_<kategori> when trends ran; with the store's status fields, output/status_fields.hpp, when built from
// the store), kecamatan (with kunjungan when the project has visits), kabupaten, the
// tables hitungan_periode and hitungan_periode_kec (dated findings) and kunjungan (visits), klaster; with a desa
// profile (engine/profile) its fields on desa and kecamatan, and the matriks layer when the project asks for one.
#include <string>
#include <vector>

#include "output/output_set.hpp"
#include "output/peta_layers.hpp"
#include "output/store_ruas_layer.hpp"
#include "output/store_temuan_layer.hpp"
#include "profile/profile_stage.hpp"
#include "project/statistics_stage.hpp"
#include "project/store_findings_stage.hpp"
#include "project/store_segments_stage.hpp"

namespace peta {

// Writes the placed points the policy lets be seen to the temuan layer.
class TemuanSink : public PlacedFindingSink {
 public:
  TemuanSink(OutputSet& outputs, const Boundaries& b, const FindingSources& sources, const PublicationPolicy& policy);
  void write(const PlacedFinding& p) override;

 private:
  TemuanLayer layer_;
  LayerSink& sink_;
  const Boundaries& b_;
  const FindingSources& sources_;
  const PublicationPolicy& policy_;
};

// Writes the store's findings that may be drawn to the temuan layer, with their status, OPD, age and due date.
// The pass-through columns are those the project's sources publish (their `publish` lists), found in the
// stored values; the date column among them is the `tanggal` field already.
class StoreTemuanSink : public StoredFindingSink {
 public:
  StoreTemuanSink(OutputSet& outputs, const Boundaries& b, const ProjectSettings& settings);
  void write(const store::StoredFinding& f, int desa, Coord where, const FindingLife& life) override;

 private:
  StoreTemuanLayer layer_;
  LayerSink& sink_;
  const Boundaries& b_;
};

// Writes the pieces of the store's segments (cut at the desa borders) to the ruas layer, with the same life fields
// as StoreTemuanSink. The layer is opened at the first piece, after temuan is written.
class StoreRuasSink : public StoredSegmentSink {
 public:
  StoreRuasSink(OutputSet& outputs, const Boundaries& b, const ProjectSettings& settings);
  void write(const store::StoredFinding& f, const LinePiece& piece, const FindingLife& life) override;

 private:
  StoreRuasLayer layer_;
  OutputSet& outputs_;
  LayerSink* sink_ = nullptr;
  const Boundaries& b_;
};

// Writes every other layer, commits the output set and writes the rejects CSV. Returns the files written.
std::vector<std::string> write_layers(const ProjectSettings& settings, OutputSet& outputs, const Boundaries& b,
                                      const FindingSources& sources, const FindingsResult& findings,
                                      const Statistics& statistics, const VisitFollowUp* visits, RejectionSpool& spool,
                                      const PublicationPolicy& policy, const store::StatusAggregates* status = nullptr,
                                      const profile::ProfileRun* profile = nullptr);

}  // namespace peta
