#pragma once
// The profile stage of a run (project/pipeline.cpp, after the findings): the project's desa profile tables
// joined (desa_profile.hpp), rolled up to kecamatan (profile_aggregation.hpp), the problem–potential matrix
// from the findings (problem_potential.hpp); then its report files and its part of the run summary.
//   takes:   the profile settings, the boundaries, the code lists, the taxonomy, the counts per desa, the profile
//   returns: ProfileRun, a plain value the layer stage writes (profile_layer_fields.hpp)
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/unit_counts.hpp"
#include "core/admin_unit.hpp"
#include "profile/desa_profile.hpp"
#include "profile/problem_potential.hpp"
#include "profile/profile_aggregation.hpp"

namespace peta::profile {

struct ProfileRun {
  DesaProfile profile;
  std::vector<KecamatanField> kecamatan;
  std::vector<double> problems;        // per desa: findings of the matrix's categories
  std::optional<MatrixResult> matrix;  // when the project asks for one
  std::string potential_field;
  bool public_profile = true;
  bool empty() const { return profile.empty(); }
};

// The problem count per desa for the matrix: the chosen categories (or every one but potensi), the sensitive ones
// left out in the public profile. Throws peta::Error for an unknown category code ("matriks.masalah").
std::vector<double> problem_counts(const MatrixSettings& m, const CategoryTaxonomy& categories, const UnitCounts& counts,
                                   std::size_t desa_count, bool public_profile);

ProfileRun run_profile_stage(const ProfileSettings& settings, const Boundaries& b, const std::vector<std::string>& code_lists,
                             const CategoryTaxonomy& categories, const UnitCounts& counts, bool public_profile);

// <folder>/profil_ditolak.csv (sumber, baris, kolom, alasan, keterangan, nilai, then the tables' columns) and
// <folder>/profil_tanpa_nilai.csv (tabel, kode, nama, kode_kec, nama_kec: the desa no row of a table reached),
// each atomically; returns their paths.
std::vector<std::string> write_profile_reports(const ProfileRun& run, const Boundaries& b, const std::string& folder);

// The run summary's "profil": per table rows, joined, perlu_cek, rejected by reason, desa without a row (count and
// codes), balanced; the fields with their types; the matrix's medians and counts per class.
nlohmann::json profile_summary(const ProfileRun& run, const Boundaries& b);
// The same, as lines for the terminal.
std::vector<std::string> profile_summary_lines(const ProfileRun& run);

}  // namespace peta::profile
