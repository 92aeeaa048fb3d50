#include "project/import_run.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <thread>

#include "boundary_cache/boundary_cache.hpp"
#include "core/error.hpp"
#include "findings/date_column.hpp"
#include "output/rejects_csv.hpp"
#include "store/identity_columns.hpp"
#include "store/sha256.hpp"

namespace peta {
namespace {

namespace fs = std::filesystem;

// Hands placed findings to an import session in batches.
class StoreSink : public PlacedFindingSink {
 public:
  StoreSink(store::ImportSession& session, const Boundaries& b, const OpenSource& source, const PublicationPolicy& policy)
      : session_(session), b_(b), source_(source), policy_(policy),
        identity_(store::detect_identity_columns(source.reader->columns())),
        date_column_(find_date_column(source.reader->columns())) {}

  void write(const PlacedFinding& p) override {
    const Finding& f = p.finding;
    store::StoreFinding s = common(f, p.category);
    s.lon = f.lonlat.x;
    s.lat = f.lonlat.y;
    s.has_point = !p.by_name_or_code;
    place(s, p.assignment.desa);
    s.placed_by = p.by_name_or_code ? "desa" : "titik";
    s.flags = flag_names(p.assignment.flags);
    add(std::move(s));
  }

  // The line findings (damaged road segments) the findings stage cut at the desa borders: each whole, as read,
  // placed in the desa of its longest piece (placed_by "garis"), with the length of its pieces.
  void write_lines(const LineFindings& lines) {
    std::vector<std::pair<double, double>> by_line(lines.rows.size(), {0.0, -1.0});  // total, longest piece
    std::vector<int> desa(lines.rows.size(), -1);
    for (const auto& p : lines.pieces) {
      auto& [total, longest] = by_line[p.line];
      total += p.piece.length_m;
      if (p.piece.length_m > longest) {
        longest = p.piece.length_m;
        desa[p.line] = p.piece.desa;
      }
    }
    for (std::size_t i = 0; i < lines.rows.size(); ++i) {
      if (desa[i] < 0) continue;  // no piece: the findings stage rejected it (counted there)
      store::StoreFinding s = common(lines.rows[i].finding, lines.category[i]);
      s.lines = lines.rows[i].lines;
      s.length_m = by_line[i].first;
      place(s, desa[i]);
      s.placed_by = "garis";
      add(std::move(s));
    }
  }

  void flush() {
    if (!batch_.empty()) session_.add(batch_);
    batch_.clear();
  }

 private:
  // What points and lines share: source, row, identity columns, values, category, date.
  store::StoreFinding common(const Finding& f, int category) const {
    const auto& header = source_.reader->columns();
    const ColumnIndexes& c = source_.reader->indexes();
    store::StoreFinding s;
    s.source_file = source_.reader->path();
    s.source_row = f.row;
    if (c.id >= 0) s.id = std::string(f.attributes.get(c.id));
    std::vector<std::string> cells = f.attributes.to_strings();
    store::fill_identity(identity_, cells, s);
    for (std::size_t i = 0; i < cells.size() && i < header.size(); ++i)
      if (!source_.columns.is_location[i]) s.values.emplace_back(header[i], cells[i]);
    s.category = category >= 0 ? policy_.code(category) : f.category;
    if (date_column_ >= 0) s.date = std::string(f.attributes.get(date_column_));
    return s;
  }
  void place(store::StoreFinding& s, int desa) const {
    const auto d = static_cast<std::size_t>(desa);
    s.desa_code = b_.desa[d].code.digits();
    s.kecamatan_code = b_.desa_kecamatan[d] < 0 ? std::string() : b_.kecamatan_of(d).code.digits();
  }
  void add(store::StoreFinding&& s) {
    batch_.push_back(std::move(s));
    if (batch_.size() >= kBatch) flush();
  }

  static constexpr std::size_t kBatch = 20000;
  store::ImportSession& session_;
  const Boundaries& b_;
  const OpenSource& source_;
  const PublicationPolicy& policy_;
  store::IdentityColumns identity_;
  int date_column_;
  std::vector<store::StoreFinding> batch_;
};

// A file to import, the settings it is read with, and the source (form) it is an export of: the project's
// source with the same path, else the project's first source (a monthly export of the same form). The source
// name stays the same from export to export, so that a finding missing from a later cumulative export is
// flagged.
struct ImportFile {
  FindingSourceSettings settings;
  std::string source;
};

std::string source_name(const FindingSourceSettings& s) { return s.key.empty() ? fs::path(s.path).stem().string() : s.key; }

ImportFile file_for(const ProjectSettings& project, const std::string& file, const std::string& source) {
  for (const auto& s : project.findings)
    if (fs::weakly_canonical(s.path) == fs::weakly_canonical(file)) return {s, source.empty() ? source_name(s) : source};
  FindingSourceSettings s;
  if (!project.findings.empty()) s = project.findings.front();
  s.path = file;
  s.format = finding_source_format(file);
  s.layer.clear();
  std::string name = source;
  if (name.empty()) name = project.findings.empty() ? source_name(s) : source_name(project.findings.front());
  return {s, name};
}

}  // namespace

ImportRun run_import(const ProjectSettings& settings, const ImportRunOptions& options) {
  if (settings.store.path.empty())
    throw Error(settings.file + ": store: missing; name the findings store, e.g. \"store\": {\"path\": \"temuan.gpkg\"}");
  // Each source its own key: the identity of a finding is (source key, id).
  std::map<std::string, std::string> keys;
  for (const auto& s : settings.findings)
    if (auto [it, fresh] = keys.emplace(source_name(s), s.path); !fresh)
      throw Error(settings.file + ": findings: " + quote(s.path) + " and " + quote(it->second) + " have the same source key " +
                  quote(it->first) + "; give one of them \"kunci\": \"...\"");
  const PublicationPolicy policy(settings.categories, settings.privacy);
  const PreparedBoundaries prepared = load_prepared_boundaries(settings.boundaries, settings.boundary_cache);
  const Boundaries& b = prepared.loaded.boundaries;
  const PointLocator locator(prepared.index, settings.geocode);
  std::vector<ImportFile> files;
  if (options.files.empty())
    for (const auto& s : settings.findings) files.push_back({s, options.source.empty() ? source_name(s) : options.source});
  for (const auto& f : options.files) files.push_back(file_for(settings, f, options.source));
  if (files.empty()) throw Error(settings.file + ": no findings source to import");

  auto store = store::FindingStore::open(settings.store.path);
  ImportRun result;
  result.direct_edits = store->reconcile_direct_edits(options.today);
  std::unique_ptr<NamePlacer> placer;
  for (const auto& [file, source] : files) {
    ProjectSettings one = settings;
    one.findings = {file};
    FindingSources sources(one, policy);
    if (sources.any_names && !placer) placer = std::make_unique<NamePlacer>(b, settings.code_lists);
    const GeocodingContext geocoding{b, locator, placer.get()};

    store::ImportOptions io;
    io.file = file.path;
    io.source = source;
    // With several sources, ids are written "kunci:id" (two forms may both number 1, 2, 3).
    io.prefix_ids = settings.findings.size() > 1;
    io.sha256 = store::sha256_file(file.path);
    io.today = options.today;
    io.opd = settings.opd;
    auto session = store->begin_import(io);
    StoreSink sink(*session, b, sources.sources.front(), policy);
    fs::create_directories(settings.output.folder);
    RejectionSpool spool(settings.output.folder);
    RunSummary summary;
    FindingsStageOptions fo;
    fo.threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    fo.progress = options.progress;
    const FindingsResult found = run_findings_stage(one, geocoding, sources, policy, spool, &sink, summary, fo);
    sink.write_lines(found.lines);  // segments after the points: the stage keeps them until its end
    sink.flush();
    const SourceCounts counts = summary.total();
    session->add_rejected(counts.rejected);

    ImportedFile imported;
    imported.file = file.path;
    if (spool.size() > 0) {
      imported.rejects_csv = settings.output.folder + "/ditolak_impor_" + fs::path(file.path).stem().string() + ".csv";
      write_rejects_csv(imported.rejects_csv, sources.rejects.names, spool, sources.rejects.maps);
    }
    imported.summary = session->commit();
    imported.store_rejections = session->rejections();
    result.files.push_back(std::move(imported));
  }
  return result;
}

}  // namespace peta
