// Status changes (peta status, status files) and the check of status edits made directly in the layer.
#include <map>

#include "core/error.hpp"
#include "store/finding_status.hpp"
#include "store/ogr_store.hpp"
#include "store/store_dates.hpp"

namespace peta::store {
namespace {

struct Current {
  std::string status;
  std::string recorded;
  FindingKind kind = FindingKind::point;
};

}  // namespace

std::vector<StatusOutcome> OgrStore::change_status(const std::vector<StatusRequest>& requests, const std::string& today) {
  const std::string default_date = today.empty() ? today_utc() : today;
  auto guard = lock_for_writing();
  std::vector<StatusOutcome> outcomes;
  outcomes.reserve(requests.size());
  begin();
  try {
    // The status as it stands, updated as the requests are applied in order (a file may move one finding twice).
    std::map<std::string, std::optional<Current>> current;
    auto lookup = [&](const std::string& id) -> std::optional<Current>& {
      auto it = current.find(id);
      if (it != current.end()) return it->second;
      std::optional<Current> c;
      // One identity space: the id is a point (temuan) or a segment (ruas).
      for (FindingKind kind : {FindingKind::point, FindingKind::line})
        if (!c)
          query(std::string("SELECT status, status_tercatat FROM ") + kind_table(kind) + " WHERE id_temuan = " + sql_literal(id),
                [&](OGRFeature& f) { c = Current{f.GetFieldAsString(0), f.GetFieldAsString(1), kind}; });
      return current[id] = c;
    };
    // An id as the source wrote it ("12" for "jalan:12"): the finding's id_temuan when exactly one finding has
    // it; otherwise the ids that have it (none, or several: the request must name the source).
    auto by_source_id = [&](const std::string& id) {
      std::vector<std::string> ids;
      query("SELECT id_temuan FROM (SELECT id_temuan FROM temuan WHERE id_sumber IS NOT NULL AND id_sumber = " +
                sql_literal(id) + " UNION ALL SELECT id_temuan FROM ruas WHERE id_sumber IS NOT NULL AND id_sumber = " +
                sql_literal(id) + ") AS ids ORDER BY id_temuan LIMIT 6",
            [&](OGRFeature& f) { ids.push_back(f.GetFieldAsString(0)); });
      return ids;
    };
    for (const auto& given : requests) {
      StatusRequest r = given;
      StatusOutcome o{r, false, "", ""};
      std::string ambiguous;
      if (!r.id.empty() && !lookup(r.id)) {
        const auto ids = by_source_id(r.id);
        if (ids.size() == 1) r.id = ids.front();
        for (std::size_t i = 0; ids.size() > 1 && i < ids.size(); ++i) ambiguous += (i ? ", " : "") + ids[i];
      }
      auto& c = lookup(r.id);
      const std::string date = normalised_date(r.date.empty() ? default_date : r.date);
      if (r.id.empty()) {
        o.field = "id";
        o.reason = "id kosong";
      } else if (!ambiguous.empty()) {
        o.field = "id";
        o.reason = "id " + quote(r.id) + " ada di beberapa sumber (" + ambiguous + "); tulis id_temuan lengkap (kunci:id)";
      } else if (!c) {
        o.field = "id";
        o.reason = "id " + quote(r.id) + " tidak ada di penyimpanan";
      } else if (date.empty()) {
        o.field = "tanggal";
        o.reason = "tanggal " + quote(r.date) + " tidak valid (YYYY-MM-DD)";
      } else if (c->status != c->recorded) {
        o.field = "status";
        o.reason = "status diubah langsung di layer (" + c->recorded + " -> " + c->status +
                   ") dan belum diperiksa; jalankan impor atau build dulu";
      } else if (auto refusal = transition_refusal(c->status, r.to)) {
        o.field = "status";
        o.reason = *refusal;
      } else {
        execute(std::string("UPDATE ") + kind_table(c->kind) + " SET status = " + sql_literal(r.to) +
                ", status_tercatat = " + sql_literal(r.to) + ", tanggal_status = " + sql_literal(date) +
                " WHERE id_temuan = " + sql_literal(r.id));
        add_history({r.id, "", "status", date, c->status, r.to, r.who, r.note, ""});
        c->status = c->recorded = r.to;
        o.applied = true;
      }
      outcomes.push_back(std::move(o));
    }
    commit();
  } catch (...) {
    rollback();
    throw;
  }
  return outcomes;
}

std::vector<DirectEdit> OgrStore::reconcile_direct_edits(const std::string& today) {
  const std::string date = today.empty() ? today_utc() : normalised_date(today);
  if (date.empty()) throw Error("reconcile: " + quote(today) + " is not a date");
  auto guard = lock_for_writing();
  std::vector<DirectEdit> edits;
  begin();
  try {
    std::vector<FindingKind> kinds;  // per edit: the layer it was made in
    for (FindingKind kind : {FindingKind::point, FindingKind::line})
      query(std::string("SELECT id_temuan, status, status_tercatat FROM ") + kind_table(kind) +
                " WHERE status <> status_tercatat OR status IS NULL",
            [&](OGRFeature& f) {
              edits.push_back({f.GetFieldAsString(0), f.GetFieldAsString(2), f.GetFieldAsString(1), false, ""});
              kinds.push_back(kind);
            });
    for (std::size_t i = 0; i < edits.size(); ++i) {
      DirectEdit& e = edits[i];
      const std::string table = kind_table(kinds[i]);
      const std::string who = "edit langsung di layer";
      if (auto refusal = transition_refusal(e.from_status, e.to_status)) {
        e.reason = *refusal;
        execute("UPDATE " + table + " SET status = " + sql_literal(e.from_status) + " WHERE id_temuan = " + sql_literal(e.id));
        add_history({e.id, "", "edit_ditolak", date, e.from_status, e.to_status, who,
                     "ditolak dan dikembalikan ke '" + e.from_status + "': " + *refusal, ""});
      } else {
        e.accepted = true;
        execute("UPDATE " + table + " SET status_tercatat = status, tanggal_status = " + sql_literal(date) +
                " WHERE id_temuan = " + sql_literal(e.id));
        add_history({e.id, "", "edit_langsung", date, e.from_status, e.to_status, who, "diterima", ""});
      }
    }
    commit();
  } catch (...) {
    rollback();
    throw;
  }
  return edits;
}

}  // namespace peta::store
