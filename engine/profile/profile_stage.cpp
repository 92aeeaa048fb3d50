#include "profile/profile_stage.hpp"

#include <algorithm>
#include <cstdio>

#include "core/atomic_write.hpp"
#include "core/error.hpp"
#include "output/rejects_csv.hpp"

namespace peta::profile {
namespace {

const char* kind_name(FieldKind k) {
  return k == FieldKind::integer ? "integer" : k == FieldKind::real ? "real" : "text";
}

}  // namespace

std::vector<double> problem_counts(const MatrixSettings& m, const CategoryTaxonomy& categories, const UnitCounts& counts,
                                   std::size_t desa_count, bool public_profile) {
  std::vector<std::size_t> chosen;
  const auto& cats = categories.categories();
  if (m.all_categories) {
    for (std::size_t c = 0; c < cats.size(); ++c)
      if (cats[c].code != "potensi") chosen.push_back(c);
  } else {
    for (const auto& code : m.categories) {
      auto it = std::find_if(cats.begin(), cats.end(), [&](const Category& c) { return c.code == code; });
      if (it == cats.end()) throw Error("matriks.masalah: unknown category '" + code + "'");
      chosen.push_back(std::size_t(it - cats.begin()));
    }
  }
  std::vector<double> out(desa_count, 0.0);
  for (std::size_t d = 0; d < desa_count; ++d)
    for (auto c : chosen)
      if (!(public_profile && cats[c].sensitive)) out[d] += double(counts.desa(d, c));
  return out;
}

ProfileRun run_profile_stage(const ProfileSettings& settings, const Boundaries& b, const std::vector<std::string>& code_lists,
                             const CategoryTaxonomy& categories, const UnitCounts& counts, bool public_profile) {
  ProfileRun run;
  run.public_profile = public_profile;
  if (settings.empty()) return run;
  run.profile = load_desa_profile(settings, b, code_lists);
  run.kecamatan = aggregate_to_kecamatan(run.profile, settings, b, public_profile);
  if (settings.matrix) {
    const MatrixSettings& m = *settings.matrix;
    const ProfileField* potential = run.profile.field(m.potential);
    if (!potential || !potential->numeric()) throw Error("matriks.potensi: '" + m.potential + "' is not a numeric profile field");
    if (public_profile && potential->sensitive) throw Error("matriks.potensi: '" + m.potential + "' is sensitive (public profile)");
    std::vector<std::optional<double>> population;
    if (!m.population.empty()) population = numeric_profile_field(run.profile, m.population);
    std::vector<double> area;
    for (const auto& d : b.desa) area.push_back(d.area_km2);
    run.problems = problem_counts(m, categories, counts, b.desa.size(), public_profile);
    run.matrix = problem_potential_matrix(run.problems, population, area, potential->numbers);
    run.potential_field = m.potential;
  }
  return run;
}

std::vector<std::string> write_profile_reports(const ProfileRun& run, const Boundaries& b, const std::string& folder) {
  if (run.empty()) return {};
  // The union of the tables' columns, in first-appearance order.
  std::vector<std::string> columns;
  std::vector<std::vector<int>> maps;
  for (const auto& t : run.profile.tables)
    for (const auto& h : t.header)
      if (std::find(columns.begin(), columns.end(), h) == columns.end()) columns.push_back(h);
  for (const auto& t : run.profile.tables) {
    std::vector<int> map;
    for (const auto& c : columns) {
      auto it = std::find(t.header.begin(), t.header.end(), c);
      map.push_back(it == t.header.end() ? -1 : int(it - t.header.begin()));
    }
    maps.push_back(std::move(map));
  }
  const std::string rejects = folder + "/profil_ditolak.csv";
  write_atomically(rejects, [&](std::ostream& out) {
    out << "sumber,baris,kolom,alasan,keterangan,nilai";
    for (const auto& c : columns) out << ',' << csv_quote(c);
    out << '\n';
    for (const auto& r : run.profile.rejected) {
      out << csv_quote(run.profile.tables[r.table].path) << ',' << r.row << ',' << csv_quote(r.field) << ','
          << csv_quote(std::string(code(r.reason))) << ',' << csv_quote(r.detail) << ',' << csv_quote(r.value);
      for (int c : maps[r.table]) {
        out << ',';
        if (c >= 0 && std::size_t(c) < r.cells.size()) out << csv_quote(r.cells[std::size_t(c)]);
      }
      out << '\n';
    }
  });
  const std::string missing = folder + "/profil_tanpa_nilai.csv";
  write_atomically(missing, [&](std::ostream& out) {
    out << "tabel,kode,nama,kode_kec,nama_kec\n";
    for (const auto& t : run.profile.tables)
      for (int d : t.missing) {
        const AdminUnit& u = b.desa[std::size_t(d)];
        const AdminUnit& k = b.kecamatan_of(std::size_t(d));
        out << csv_quote(t.path) << ',' << u.code.dotted() << ',' << csv_quote(u.name) << ','
            << (k.name.empty() ? "" : k.code.dotted()) << ',' << csv_quote(k.name) << '\n';
      }
  });
  return {rejects, missing};
}

nlohmann::json profile_summary(const ProfileRun& run, const Boundaries& b) {
  nlohmann::json j;
  j["tables"] = nlohmann::json::array();
  for (const auto& t : run.profile.tables) {
    nlohmann::json missing = nlohmann::json::array();
    for (int d : t.missing) missing.push_back(b.desa[std::size_t(d)].code.dotted());
    j["tables"].push_back({{"path", t.path},
                           {"rows", t.rows},
                           {"joined", t.joined},
                           {"perlu_cek", t.needs_check},
                           {"rejected", t.rejected},
                           {"rejected_by_reason", t.rejected_by_reason},
                           {"desa_without_row", t.missing.size()},
                           {"desa_without_row_codes", missing},
                           {"balanced", t.balanced()}});
  }
  j["fields"] = nlohmann::json::array();
  for (const auto& f : run.profile.fields)
    j["fields"].push_back({{"name", f.name}, {"type", kind_name(f.kind)}, {"sensitive", f.sensitive},
                           {"published", !(run.public_profile && f.sensitive)}});
  if (run.matrix) {
    const MatrixResult& m = *run.matrix;
    nlohmann::json counts = nlohmann::json::object();
    for (int q = 0; q < kQuadrantCount; ++q) counts[quadrant_label(Quadrant(q))] = m.counts[std::size_t(q)];
    j["matriks"] = {{"potensi", run.potential_field},
                    {"laju_satuan", m.rate_unit},
                    {"median_laju_masalah", m.problem_median},
                    {"median_potensi", m.potential_median},
                    {"desa_per_kelas", counts}};
  }
  return j;
}

std::vector<std::string> profile_summary_lines(const ProfileRun& run) {
  std::vector<std::string> out;
  char line[512];
  for (const auto& t : run.profile.tables) {
    std::snprintf(line, sizeof line, "Profil / profile %s: %lld baris/rows = %lld tergabung/joined + %lld ditolak/rejected; "
                  "%zu desa tanpa baris/without a row",
                  t.path.c_str(), (long long)t.rows, (long long)t.joined, (long long)t.rejected, t.missing.size());
    out.push_back(line);
    for (const auto& [reason, n] : t.rejected_by_reason) {
      std::snprintf(line, sizeof line, "      %-24s%12lld", reason.c_str(), (long long)n);
      out.push_back(line);
    }
    if (t.needs_check) {
      std::snprintf(line, sizeof line, "      %-24s%12lld", "perlu_cek (tergabung)", (long long)t.needs_check);
      out.push_back(line);
    }
  }
  if (run.matrix) {
    out.push_back("Matriks masalah–potensi / problem–potential matrix (" + run.potential_field + "):");
    for (int q = 0; q < kQuadrantCount; ++q) {
      std::snprintf(line, sizeof line, "      %-32s%8lld", quadrant_label(Quadrant(q)), (long long)run.matrix->counts[std::size_t(q)]);
      out.push_back(line);
    }
  }
  return out;
}

}  // namespace peta::profile
