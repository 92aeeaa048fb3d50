#include "sample/profile_sample.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "boundaries/indonesian_number.hpp"
#include "sample/random.hpp"

namespace peta {
namespace {

std::string quoted(const std::string& s) {
  if (s.find_first_of(",;\"") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

const char* idm_status(double score) {
  if (score <= 0.4907) return "Sangat Tertinggal";
  if (score <= 0.5989) return "Tertinggal";
  if (score <= 0.7072) return "Berkembang";
  if (score <= 0.8155) return "Maju";
  return "Mandiri";
}

std::string profile_sample_csv(const Boundaries& b, std::uint64_t seed) {
  SeededRandom random(seed);
  std::string out = "kode_desa,nama_desa,penduduk,status_idm,skor_idm,jumlah_sd,jumlah_posyandu\n";
  const int last_kecamatan = b.kecamatan.empty() ? -1 : int(b.kecamatan.size()) - 1;
  int in_last = 0;
  for (std::size_t d = 0; d < b.desa.size(); ++d) {
    const AdminUnit& u = b.desa[d];
    // Scores around 0,68 (most desa Berkembang or Maju), falling from west to east: made up, deterministic, varied,
    // and with a spatial trend to map.
    const double east = std::clamp((u.geometry.bounds().max_x - 113.0) / 0.6, 0.0, 1.0);
    const double score = std::clamp(0.74 - 0.12 * east + random.uniform(-0.14, 0.14), 0.42, 0.93);
    const double people = std::round(random.uniform(1800, 11000));
    const int schools = 1 + int(random.below(6)), posyandu = 2 + int(random.below(9));
    if (b.desa_kecamatan[d] == last_kecamatan && in_last++ % 3 == 2) continue;  // left out: without a value
    const std::string code = d % 2 ? u.code.digits() : u.code.dotted();
    const std::string population = d % 4 == 1 ? format_id(people) : std::to_string(static_cast<long long>(people));
    out += code + "," + quoted(u.name) + "," + quoted(population) + "," + idm_status(score) + "," + quoted(format_id(score, 4)) +
           "," + std::to_string(schools) + "," + std::to_string(posyandu) + "\n";
  }
  if (!b.desa.empty()) {
    const AdminUnit& first = b.desa.front();
    out += first.code.dotted() + "," + quoted(first.name) + ",9999,Mandiri,\"0,9000\",9,9\n";  // desa_ganda
  }
  out += "35.13.99.2099,Desa Tak Ada,2500,Berkembang,\"0,6500\",2,3\n";  // desa_code_unknown
  out += ",Tanpa Kode,2500,Berkembang,\"0,6500\",2,3\n";                 // kunci_kosong
  if (b.desa.size() > 1) {
    // The second desa is listed once more, with a population that is no number: rejected for its value, so the
    // first row of that desa stands.
    const AdminUnit& second = b.desa[1];
    out += second.code.dotted() + "," + quoted(second.name) + ",banyak,Maju,\"0,7500\",3,4\n";  // nilai_tidak_valid
  }
  return out;
}

std::string bumdes_sample_csv(const Boundaries& b, std::uint64_t seed) {
  SeededRandom random(seed ^ 0x9e3779b97f4a7c15ULL);
  static const char* states[] = {"aktif", "aktif", "tidak aktif", "belum ada"};
  std::string out = "desa,kecamatan,bumdes,unit_usaha\n";
  std::map<std::string, int> name_count;
  for (const auto& u : b.desa) ++name_count[u.name];
  std::string duplicated;
  for (std::size_t d = 0; d < b.desa.size(); ++d) {
    const AdminUnit& u = b.desa[d];
    const char* state = states[random.below(4)];
    const int units = std::string(state) == "aktif" ? 1 + int(random.below(5)) : 0;
    if (name_count[u.name] > 1 && duplicated.empty()) duplicated = u.name;
    if (d % 2) continue;
    out += quoted(u.name) + "," + quoted(b.kecamatan_of(d).name) + "," + state + "," + std::to_string(units) + "\n";
  }
  out += "Desa Tidak Ada Sama Sekali,,aktif,1\n";  // desa_not_found
  if (!duplicated.empty()) out += quoted(duplicated) + ",,aktif,2\n";  // desa_ambiguous: the name of two desa, no kecamatan
  return out;
}

}  // namespace peta
