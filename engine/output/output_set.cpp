#include "output/output_set.hpp"

#include <set>

#include "core/error.hpp"
#include "output/atomic_file.hpp"
#include "output/flatgeobuf_layer_writer.hpp"
#include "output/format_writers.hpp"
#include "output/geojson_layer_writer.hpp"
#include "output/geopackage_writer.hpp"
#include "output/qgis_extras.hpp"
#include "output/shapefile_field_names.hpp"
#include "output/shapefile_layer_writer.hpp"

namespace peta {
namespace {

// A layer name becomes a file name: keep it a plain, visible one.
void check_layer_name(const std::string& name) {
  if (name.empty()) throw Error("output layer: empty name");
  if (name.front() == '.' || name.find_first_of("/\\:*?\"<>|") != std::string::npos)
    throw Error("output layer '" + name + "': name is not a plain file name");
}

void check_file_name(const std::string& name, const char* key) {
  if (name.empty() || name.front() == '.' || name.find_first_of("/\\") != std::string::npos)
    throw Error(std::string(key) + " '" + name + "': not a plain file name");
}

}  // namespace

struct OutputSet::Impl final : LayerSink {
  explicit Impl(OutputOptions opts) : options(std::move(opts)), staging(options.folder) {
    std::vector<std::unique_ptr<output_detail::FormatWriter>> list;
    if (options.geopackage) {
      check_file_name(options.geopackage_name, "geopackage_name");
      list.push_back(output_detail::make_geopackage_writer(staging, options.geopackage_name));
    }
    if (options.geojson) list.push_back(output_detail::make_geojson_writer(staging));
    if (options.shapefile) list.push_back(output_detail::make_shapefile_writer(staging));
    if (options.flatgeobuf) list.push_back(output_detail::make_flatgeobuf_writer(staging));
    writers = std::make_unique<output_detail::FormatWriters>(staging, std::move(list), options.parallel_writers);
    if (options.qgis)
      extras = std::make_unique<output_detail::QgisExtras>(
          staging, output_detail::ExtrasFormats{options.geojson, options.shapefile,
                                                options.geopackage ? options.geopackage_name : std::string(),
                                                options.project_title, options.density_raster, options.flatgeobuf,
                                                options.draw_picture});
  }

  void check(const Feature& feature) const {
    if (!layer_open) throw Error("output layer " + layer_name + ": written after it was closed");
    if (feature.values.size() != field_count)
      throw Error("output layer " + layer_name + ": feature has " + std::to_string(feature.values.size()) +
                  " values, schema has " + std::to_string(field_count) + " fields");
  }
  void write(const Feature& feature) override {
    check(feature);
    if (extras) extras->observe(feature);
    writers->write(feature);
  }
  void write(Feature&& feature) override {
    check(feature);
    if (extras) extras->observe(feature);
    writers->write(std::move(feature));
  }

  void end_layer() {
    if (!layer_open) return;
    layer_open = false;
    writers->end_layer();
    if (extras) extras->end_layer();
  }

  OutputOptions options;
  output_detail::StagingFolder staging;  // declared before the writers: outlives them
  std::unique_ptr<output_detail::FormatWriters> writers;
  std::unique_ptr<output_detail::QgisExtras> extras;
  std::set<std::string> layer_names;
  std::string layer_name;
  std::size_t field_count = 0;
  bool layer_open = false;
  bool committed = false;
};

OutputSet::OutputSet(OutputOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

OutputSet::~OutputSet() = default;

namespace {
// GeoJSON and GeoPackage use the full names: two fields may not share one (ignoring case).
void check_full_names_unique(const LayerSchema& schema) {
  std::set<std::string> seen;
  for (const auto& f : schema.fields) {
    std::string key;
    for (char c : f.name) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!seen.insert(key).second)
      throw Error("output layer " + schema.name + ": two fields are named '" + f.name + "'");
  }
}
}  // namespace

LayerSink& OutputSet::open_layer(const LayerSchema& schema) {
  if (impl_->committed) throw Error("output layer " + schema.name + ": opened after commit()");
  check_layer_name(schema.name);
  // Every schema must carry valid shapefile names, whatever formats this run writes.
  output_detail::shapefile_field_names(schema);
  check_full_names_unique(schema);
  if (!impl_->layer_names.insert(schema.name).second)
    throw Error("output layer " + schema.name + ": opened twice");
  impl_->end_layer();
  impl_->writers->begin_layer(schema);
  if (impl_->extras) impl_->extras->begin_layer(schema);
  impl_->layer_name = schema.name;
  impl_->field_count = schema.fields.size();
  impl_->layer_open = true;
  if (impl_->options.on_step) impl_->options.on_step(schema.name);
  return *impl_;
}

void OutputSet::set_density_raster(const std::string& name) {
  impl_->options.density_raster = name;
  if (impl_->extras) impl_->extras->set_density_raster(name);
}

std::vector<std::string> OutputSet::commit() {
  if (impl_->committed) throw Error("output folder " + impl_->options.folder + ": commit() called twice");
  impl_->end_layer();
  if (impl_->options.on_step) impl_->options.on_step("commit");
  impl_->writers->finish();
  impl_->writers.reset();
  if (impl_->extras) impl_->extras->finish();
  auto finals = impl_->staging.commit();
  impl_->committed = true;
  return finals;
}

}  // namespace peta
