#include "program/visit_follow_up.hpp"

#include <algorithm>
#include <numeric>

namespace peta {

VisitFollowUp::VisitFollowUp(const VisitTable& visits, const Boundaries& b, std::size_t category_count,
                             std::vector<char> detailed)
    : visits_(visits),
      b_(b),
      findings_(visits.visits.size(), 0),
      by_category_(visits.visits.size(), std::vector<std::int64_t>(category_count, 0)),
      desa_seen_(visits.visits.size(), std::vector<bool>(b.desa.size(), false)),
      first_visit_(visits.first_visit(b.kecamatan.size())),
      detailed_(detailed.empty() ? std::vector<char>(category_count, 1) : std::move(detailed)),
      handled_(visits.visits.size(), 0),
      handling_days_(visits.visits.size()) {}

void VisitFollowUp::add_outcome(int visit, bool handled, int days_to_handle) {
  outcomes_ = true;
  if (visit < 0 || std::size_t(visit) >= handled_.size() || !handled) return;
  ++handled_[std::size_t(visit)];
  if (days_to_handle >= 0) handling_days_[std::size_t(visit)].push_back(days_to_handle);
}

double VisitFollowUp::share_handled(std::size_t visit) const {
  return findings_[visit] ? 100.0 * double(handled_[visit]) / double(findings_[visit]) : 0.0;
}

int VisitFollowUp::add(int desa, int category, Date date) {
  if (desa < 0 || std::size_t(desa) >= b_.desa.size()) return ++unlinked_, -1;
  const int kecamatan = b_.desa_kecamatan[std::size_t(desa)];
  const int v = kecamatan < 0 ? -1 : visits_.visit_of(kecamatan, date);
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
  for (std::size_t i = 0; i < categories.categories().size(); ++i) {
    if (i < detailed_.size() && !detailed_[i]) continue;
    const auto& c = categories.categories()[i];
    s.fields.push_back({"n_" + c.code, FieldType::integer, "n_" + c.short_code, 10, 0,
                        "Temuan dari kunjungan: " + c.label_id, "Findings from the visit: " + c.label_en, "jumlah"});
  }
  if (outcomes_)
    s.fields.insert(s.fields.end(),
                    {{"ditangani", FieldType::integer, "", 10, 0, "Temuan kunjungan yang sudah selesai ditangani",
                      "Findings of the visit handled since", "jumlah"},
                     {"persen_ditangani", FieldType::real, "pct_tangan", 6, 1, "Persen temuan kunjungan yang selesai",
                      "Share of the visit's findings handled", "%"},
                     {"median_hari_tangani", FieldType::real, "med_hari", 8, 1,
                      "Median hari dari temuan sampai selesai", "Median days from finding to handled", "hari"}});
  return s;
}

std::vector<Feature> VisitFollowUp::table_features() const {
  std::vector<std::size_t> order(visits_.visits.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (outcomes_ && share_handled(x) != share_handled(y)) return share_handled(x) > share_handled(y);
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
    for (std::size_t c = 0; c < by_category_[v].size(); ++c)
      if (c >= detailed_.size() || detailed_[c]) f.values.emplace_back(by_category_[v][c]);
    if (outcomes_) {
      f.values.emplace_back(handled_[v]);
      // One emplace per branch: a FieldValue ternary draws a false -Wmaybe-uninitialized from GCC 12.
      if (findings_[v]) f.values.emplace_back(share_handled(v));
      else f.values.emplace_back(std::monostate{});
      std::vector<int> days = handling_days_[v];
      if (days.empty()) {
        f.values.emplace_back(std::monostate{});
      } else {
        std::sort(days.begin(), days.end());
        const std::size_t n = days.size();
        f.values.emplace_back(n % 2 ? double(days[n / 2]) : (days[n / 2 - 1] + days[n / 2]) / 2.0);
      }
    }
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
