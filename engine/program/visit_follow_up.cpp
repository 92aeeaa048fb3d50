#include "program/visit_follow_up.hpp"

#include <algorithm>
#include <numeric>

namespace peta {

VisitFollowUp::VisitFollowUp(const VisitTable& visits, const Boundaries& b, std::size_t category_count)
    : visits_(visits),
      b_(b),
      findings_(visits.visits.size(), 0),
      by_category_(visits.visits.size(), std::vector<std::int64_t>(category_count, 0)),
      desa_seen_(visits.visits.size(), std::vector<bool>(b.desa.size(), false)),
      first_visit_(visits.first_visit(b.kecamatan.size())) {}

int VisitFollowUp::add(int desa, int category, Date date) {
  if (desa < 0 || std::size_t(desa) >= b_.desa.size()) return ++unlinked_, -1;
  const int v = visits_.visit_of(b_.desa_kecamatan[std::size_t(desa)], date);
  if (v < 0) return ++unlinked_, -1;
  ++linked_;
  ++findings_[std::size_t(v)];
  if (category >= 0 && std::size_t(category) < by_category_[std::size_t(v)].size())
    ++by_category_[std::size_t(v)][std::size_t(category)];
  desa_seen_[std::size_t(v)][std::size_t(desa)] = true;
  return v;
}

std::size_t VisitFollowUp::desa_with_findings(std::size_t visit) const {
  return std::size_t(std::count(desa_seen_[visit].begin(), desa_seen_[visit].end(), true));
}

LayerSchema VisitFollowUp::table_schema(const CategoryTaxonomy& categories) const {
  LayerSchema s{"kunjungan", GeometryKind::none, {}};
  s.fields = {{"kode_kec", FieldType::text, "", 8, 0, "Kode kecamatan", "District code", ""},
              {"nama_kec", FieldType::text, "", 80, 0, "Nama kecamatan", "District name", ""},
              {"mulai", FieldType::date, "", 0, 0, "Hari pertama kunjungan", "First day of the visit", ""},
              {"selesai", FieldType::date, "", 0, 0, "Hari terakhir kunjungan", "Last day of the visit", ""},
              {"tim", FieldType::text, "", 40, 0, "Tim", "Team", ""},
              {"temuan", FieldType::integer, "", 10, 0, "Temuan dari kunjungan", "Findings from the visit", "jumlah"},
              {"desa_temuan", FieldType::integer, "desa_tmn", 10, 0, "Desa dengan sedikitnya satu temuan",
               "Villages with at least one finding", "jumlah"}};
  for (const auto& c : categories.categories())
    s.fields.push_back({"n_" + c.code, FieldType::integer, "n_" + c.short_code, 10, 0,
                        "Temuan dari kunjungan: " + c.label_id, "Findings from the visit: " + c.label_en, "jumlah"});
  return s;
}

std::vector<Feature> VisitFollowUp::table_features() const {
  std::vector<std::size_t> order(visits_.visits.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (findings_[x] != findings_[y]) return findings_[x] > findings_[y];
    return visits_.visits[x].start < visits_.visits[y].start;
  });
  std::vector<Feature> out;
  for (std::size_t v : order) {
    const Visit& visit = visits_.visits[v];
    const AdminUnit& k = b_.kecamatan[std::size_t(visit.kecamatan)];
    Feature f;
    f.values = {k.code.dotted(), k.name.empty() ? FieldValue{} : FieldValue{k.name}, visit.start.iso(), visit.end.iso(),
                visit.team.empty() ? FieldValue{} : FieldValue{visit.team}, findings_[v],
                static_cast<std::int64_t>(desa_with_findings(v))};
    for (std::int64_t n : by_category_[v]) f.values.emplace_back(n);
    out.push_back(std::move(f));
  }
  return out;
}

FieldDef VisitFollowUp::kecamatan_field() {
  return {"kunjungan", FieldType::date, "", 0, 0, "Tanggal kunjungan (Ngantor di Kecamatan), kosong bila belum",
          "Date of the visit (Ngantor di Kecamatan), empty when none", ""};
}

FieldValue VisitFollowUp::kecamatan_value(std::size_t kecamatan) const {
  if (kecamatan >= first_visit_.size() || first_visit_[kecamatan] < 0) return std::monostate{};
  return visits_.visits[std::size_t(first_visit_[kecamatan])].start.iso();
}

}  // namespace peta
