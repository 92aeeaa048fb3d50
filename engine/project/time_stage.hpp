#pragma once
// Everything issue 14 adds to a build, behind one object the pipeline calls at fixed points (so its wiring
// stays a handful of lines):
//
//   TimeStage time(settings.time, b, settings.categories);            // before the findings stage
//   time.begin_source(reader.columns(), <the source's columns.tanggal>); // per findings source
//   a.flags |= time.add(f, a.desa, category);                        // per located finding, in merge order
//   time.finish(hotspots->weights);                                  // after the desa hotspots (queen weights)
//   time.extend_desa_schema(schema);  time.append_desa_values(f, d);              // desa layer
//   time.extend_kecamatan_schema(schema);  time.append_kecamatan_values(f, k);    // kecamatan layer
//   time.write_tables(outputs);                                      // after the unit layers
//   report += time.report_text(language);                            // titik_panas.txt
//
// A finding with an empty, unreadable or impossible date is counted apart (undated) and, unless empty,
// returns kFlagInvalidDate; every dated finding lands in the period counts, so dated + undated = added.
// Categories flagged `sensitive` are left out of the period table, trends and visits when `public_profile`.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/period_counts.hpp"
#include "core/admin_unit.hpp"
#include "core/finding.hpp"
#include "hotspots/desa_trends.hpp"
#include "hotspots/emerging_report.hpp"
#include "output/output_set.hpp"
#include "program/visit_follow_up.hpp"
#include "program/visit_table.hpp"
#include "project/time_settings.hpp"

namespace peta {

class TimeStage {
 public:
  // Reads the visit table when the settings name one (throws peta::Error for a missing file or column).
  TimeStage(const TimeSettings& settings, const Boundaries& b, const CategoryTaxonomy& categories,
            bool public_profile = false);

  void begin_source(const std::vector<std::string>& columns, const std::string& named_date_column = "");
  std::uint32_t add(const Finding& f, int desa, int category);
  void finish(const SpatialWeights& queen);

  void extend_desa_schema(LayerSchema& schema) const;
  void append_desa_values(Feature& f, std::size_t desa) const;
  void extend_kecamatan_schema(LayerSchema& schema) const;
  void append_kecamatan_values(Feature& f, std::size_t kecamatan) const;
  void write_tables(OutputSet& outputs) const;
  std::string report_text(const std::string& language) const;
  nlohmann::json report_json() const;

  const PeriodCounts& counts() const { return counts_; }
  const DesaTrends& trends() const { return trends_; }
  const VisitTable* visits() const { return visits_.get(); }
  const VisitFollowUp* follow_up() const { return follow_up_.get(); }

 private:
  bool kept(int category) const;
  std::vector<EmergingCategory> report_categories() const;

  TimeSettings settings_;
  const Boundaries& b_;
  const CategoryTaxonomy& categories_;
  bool public_profile_;
  int date_column_ = -1;
  PeriodCounts counts_;
  DesaTrends trends_;
  std::unique_ptr<VisitTable> visits_;
  std::unique_ptr<VisitFollowUp> follow_up_;
};

}  // namespace peta
