#pragma once
// The layer-writing stage: the layers of a run in every chosen format (output/output_set.hpp), the rejects
// CSV, and the point sink the findings stage writes temuan through.
//   takes:   the boundaries, FindingsResult, Statistics, the spooled rejections, the column unions, the policy
//   returns: the files written (OutputSet::commit renames every one only when all are complete)
// Layers are written one after another: temuan (while the findings stage runs), ruas, ditolak, desa (with
// tren_<kategori> when trends ran), kecamatan (with kunjungan when the project has visits), kabupaten, the
// tables hitungan_periode and hitungan_periode_kec (dated findings) and kunjungan (visits), klaster.
#include <string>
#include <vector>

#include "output/output_set.hpp"
#include "output/peta_layers.hpp"
#include "project/statistics_stage.hpp"

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

// Writes every other layer, commits the output set and writes the rejects CSV. Returns the files written.
std::vector<std::string> write_layers(const ProjectSettings& settings, OutputSet& outputs, const Boundaries& b,
                                      const FindingSources& sources, const FindingsResult& findings,
                                      const Statistics& statistics, const VisitFollowUp* visits, RejectionSpool& spool,
                                      const PublicationPolicy& policy);

}  // namespace peta
