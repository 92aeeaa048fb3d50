// top_units(): the query engine of `peta query` over a built project's GeoPackage, behind plain structs.
// The TopQuery becomes the same key=value parameters the CLI and the HTTP API pass, so all three validate alike.
#include <filesystem>

#include "api/api_support.hpp"
#include "core/error.hpp"
#include "peta/query.hpp"
#include "query/query_engine.hpp"
#include "query/query_format.hpp"
#include "query/query_model.hpp"

namespace peta::api {
namespace {

query::QueryModel load_model(const ProjectSettings& settings) {
  if (!settings.output.geopackage)
    throw peta::Error(settings.file + ": output.formats has no geopackage; the query reads the GeoPackage");
  const std::string path = (std::filesystem::path(settings.output.folder) / settings.output.geopackage_name).string();
  if (!std::filesystem::exists(path)) throw peta::Error(path + " does not exist: build " + settings.file + " first");
  query::LoadLimits limits;
  limits.privacy_k = settings.privacy.k;
  return query::load_query_model(path, settings.categories, settings.priority.weights_for(settings.categories), limits);
}

query::Params params_of(const TopQuery& q) {
  query::Params p;
  p.emplace_back("level", q.level == Level::desa ? "desa" : "kecamatan");
  if (!q.category.empty()) p.emplace_back("category", q.category);
  p.emplace_back("sort", q.sort);
  p.emplace_back("n", q.top == 0 ? std::string("all") : std::to_string(q.top));
  for (const auto& k : q.kecamatan) p.emplace_back("kecamatan", k);
  if (q.per_kecamatan) p.emplace_back("per_kecamatan", "true");
  if (q.ascending) p.emplace_back("order", "asc");
  p.emplace_back("lang", q.lang);
  p.emplace_back("format", "table");
  return p;
}

std::optional<double> number(const query::Cell& cell) {
  if (const double* d = std::get_if<double>(&cell)) return *d;
  return std::nullopt;
}

std::string text(const query::Cell& cell) {
  if (const std::string* s = std::get_if<std::string>(&cell)) return *s;
  return "";
}

}  // namespace

TopResult top_units(const Project& project, const TopQuery& q) {
  return guarded([&] {
    const query::QuerySpec spec = query::parse_query_spec(params_of(q));
    const query::QueryModel model = load_model(settings_of(project));
    const query::QueryResult r = query::run_query(model, spec);
    const std::size_t rank = r.column("peringkat"), kode = r.column("kode"), nama = r.column("nama"),
                      kode_kec = r.column("kode_kec"), nama_kec = r.column("nama_kec"), n = r.column("n"),
                      laju = r.column("laju"), prioritas = r.column("prioritas"), gi_z = r.column("gi_z");
    auto cell = [&](const std::vector<query::Cell>& row, std::size_t c) { return c < row.size() ? row[c] : query::Cell{}; };
    TopResult out;
    out.title = q.lang == "en" ? r.title_en : r.title_id;
    out.matched = r.matched;
    out.withheld = r.withheld;
    for (const auto& row : r.rows) {
      RankedUnit u;
      u.rank = static_cast<std::size_t>(number(cell(row, rank)).value_or(0));
      u.code = text(cell(row, kode));
      u.name = text(cell(row, nama));
      u.kecamatan_code = text(cell(row, kode_kec));
      u.kecamatan_name = text(cell(row, nama_kec));
      u.count = number(cell(row, n));
      u.rate = number(cell(row, laju));
      u.priority = number(cell(row, prioritas));
      u.gi_z = number(cell(row, gi_z));
      out.units.push_back(std::move(u));
    }
    out.table = query::format_result(r, model);
    return out;
  });
}

}  // namespace peta::api
