#include "project/time_stage.hpp"

#include "core/date.hpp"
#include "findings/date_column.hpp"
#include "hotspots/emerging_report.hpp"
#include "output/time_layers.hpp"

namespace peta {

TimeStage::TimeStage(const TimeSettings& settings, const Boundaries& b, const CategoryTaxonomy& categories,
                     bool public_profile)
    : settings_(settings), b_(b), categories_(categories), public_profile_(public_profile), counts_(settings.period) {
  trends_.results.resize(categories.size());
  if (!settings.visits_path.empty()) {
    visits_ = std::make_unique<VisitTable>(read_visits(settings.visits_path, b));
    follow_up_ = std::make_unique<VisitFollowUp>(*visits_, b, categories.size());
  }
}

void TimeStage::begin_source(const std::vector<std::string>& columns, const std::string& named_date_column) {
  date_column_ = find_date_column(columns, named_date_column);
}

bool TimeStage::kept(int category) const {
  return !(public_profile_ && category >= 0 && categories_.categories()[std::size_t(category)].sensitive);
}

std::uint32_t TimeStage::add(const Finding& f, int desa, int category) {
  const DateReading day = read_date(f.attributes.get(date_column_));
  if (!day.ok()) {
    counts_.add_undated(day.flagged());
    return day.flagged() ? kFlagInvalidDate : kFlagNone;
  }
  if (desa < 0 || !kept(category)) return kFlagNone;
  counts_.add(desa, category >= 0 ? categories_.categories()[std::size_t(category)].code : std::string("lainnya"),
              *day.date);
  if (follow_up_) follow_up_->add(desa, category, *day.date);
  return kFlagNone;
}

void TimeStage::finish(const SpatialWeights& queen) {
  trends_ = desa_trends(counts_, categories_, queen, settings_.emerging, settings_.min_periods);
}

void TimeStage::extend_desa_schema(LayerSchema& schema) const {
  for (auto& f : trend_fields(categories_)) schema.fields.push_back(std::move(f));
}

void TimeStage::append_desa_values(Feature& f, std::size_t desa) const { append_trend_values(f, desa, trends_.pointers()); }

void TimeStage::extend_kecamatan_schema(LayerSchema& schema) const {
  if (follow_up_) schema.fields.push_back(VisitFollowUp::kecamatan_field());
}

void TimeStage::append_kecamatan_values(Feature& f, std::size_t kecamatan) const {
  if (follow_up_) f.values.push_back(follow_up_->kecamatan_value(kecamatan));
}

void TimeStage::write_tables(OutputSet& outputs) const {
  for (PeriodTableLevel level : {PeriodTableLevel::desa, PeriodTableLevel::kecamatan}) {
    LayerSink& sink = outputs.open_layer(period_table_schema(level));
    const PeriodCounts rolled = level == PeriodTableLevel::desa ? PeriodCounts(counts_) : counts_.rollup(b_.desa_kecamatan);
    for (const Feature& f : period_table_features(rolled, b_, level)) sink.write(f);
  }
  if (follow_up_) {
    LayerSink& sink = outputs.open_layer(follow_up_->table_schema(categories_));
    for (const Feature& f : follow_up_->table_features()) sink.write(f);
  }
}

std::vector<EmergingCategory> TimeStage::report_categories() const {
  std::vector<EmergingCategory> out;
  const auto pointers = trends_.pointers();
  for (std::size_t c = 0; c < categories_.size(); ++c) {
    if (!kept(int(c))) continue;
    const Category& cat = categories_.categories()[c];
    out.push_back({cat.code, cat.label_id, cat.label_en, pointers[c]});
  }
  return out;
}

std::string TimeStage::report_text(const std::string& language) const {
  if (counts_.empty()) return "";
  return emerging_report_text(b_, counts_, trends_.first, trends_.last, report_categories(), language);
}

nlohmann::json TimeStage::report_json() const {
  if (counts_.empty()) return nullptr;
  return emerging_report_json(b_, counts_, trends_.first, trends_.last, report_categories());
}

}  // namespace peta
