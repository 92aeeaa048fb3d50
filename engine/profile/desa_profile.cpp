#include "profile/desa_profile.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/error.hpp"
#include "core/finding.hpp"
#include "geocode/name_placer.hpp"
#include "profile/profile_number.hpp"
#include "profile/table_rows.hpp"

namespace peta::profile {
namespace {

std::string digits_of(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

// BPS code (digits) -> Kemendagri code (as written) from the crosswalk table. A BPS code given twice with two
// different Kemendagri codes is an error naming both rows: the join would depend on the order.
std::unordered_map<std::string, std::string> read_crosswalk(const Crosswalk& c) {
  const TableRows t = read_table_rows(c.path);
  const std::size_t bps = t.required_column(c.bps_column, "crosswalk.bps");
  const std::size_t kem = t.required_column(c.kemendagri_column, "crosswalk.kemendagri");
  std::unordered_map<std::string, std::string> out;
  std::unordered_map<std::string, std::int64_t> row_of;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string key = digits_of(cell(t.rows[r], bps)), value = cell(t.rows[r], kem);
    if (key.empty() || value.empty()) continue;
    auto [it, added] = out.emplace(key, value);
    if (!added && digits_of(it->second) != digits_of(value))
      throw Error(c.path + " row " + std::to_string(t.row_numbers[r]) + ": BPS code " + key + " maps to " + value +
                  ", but row " + std::to_string(row_of[key]) + " maps it to " + it->second);
    if (added) row_of[key] = t.row_numbers[r];
  }
  return out;
}

// "Indonesian / English", as every detail of profil_ditolak.csv reads.
std::string reason_text(RejectionReason reason) {
  std::string out(text(reason, "id"));
  out += " / ";
  out += text(reason, "en");
  return out;
}

struct ColumnType {
  FieldKind kind = FieldKind::text;
  NumberConvention convention = NumberConvention::indonesian;
  bool declared_number = false;
};

ColumnType column_type(const TableRows& t, std::size_t column, DeclaredType declared) {
  ColumnType type;
  if (declared == DeclaredType::text) return type;
  std::vector<std::string> cells;
  for (const auto& row : t.rows)
    if (std::string c = cell(row, column); !is_missing_text(c)) cells.push_back(std::move(c));
  std::vector<std::string_view> views(cells.begin(), cells.end());
  type.convention = detect_convention(views);
  bool all_numbers = true, whole = true;
  for (auto c : views) {
    const auto v = parse_number(c, type.convention);
    if (!v) {
      all_numbers = false;
      continue;
    }
    whole = whole && std::floor(*v) == *v && std::abs(*v) < 9.0e15;
  }
  if (declared == DeclaredType::number) {
    type.declared_number = true;
    type.kind = whole ? FieldKind::integer : FieldKind::real;
  } else if (all_numbers && !views.empty()) {
    type.kind = whole ? FieldKind::integer : FieldKind::real;
  }
  return type;
}

void join_table(DesaProfile& p, std::size_t ti, const ProfileTableSettings& s, const Boundaries& b, const NamePlacer& placer) {
  const TableRows t = read_table_rows(s.path, s.sheet);
  TableAccount account;
  account.path = s.path;
  account.header = t.header;
  const char* key_name = s.key == KeyKind::kemendagri ? "kode" : s.key == KeyKind::bps ? "kode_bps" : "desa";
  const std::size_t key = t.required_column(s.key_column, key_name);
  const int kecamatan = s.kecamatan_column.empty() ? -1 : int(t.required_column(s.kecamatan_column, "kecamatan"));
  std::unordered_map<std::string, std::string> crosswalk;
  if (s.key == KeyKind::bps) crosswalk = read_crosswalk(s.crosswalk);

  const std::size_t first_field = p.fields.size();
  std::vector<std::size_t> columns;
  std::vector<ColumnType> types;
  for (const auto& name : s.fields) {
    const std::size_t c = t.required_column(name, "fields");
    columns.push_back(c);
    const auto declared = s.types.count(name) ? s.types.at(name) : DeclaredType::infer;
    types.push_back(column_type(t, c, declared));
    ProfileField f;
    f.name = name;
    f.table = ti;
    f.kind = types.back().kind;
    f.sensitive = std::find(s.sensitive.begin(), s.sensitive.end(), name) != s.sensitive.end();
    if (f.numeric()) f.numbers.assign(b.desa.size(), std::nullopt);
    else f.texts.assign(b.desa.size(), std::nullopt);
    p.fields.push_back(std::move(f));
  }

  std::vector<std::int64_t> joined_row(b.desa.size(), 0);  // the row that gave each desa its values (0: none)
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const std::int64_t number = t.row_numbers[r];
    ++account.rows;
    auto reject = [&](const std::string& field, RejectionReason reason, const std::string& detail, const std::string& value) {
      ++account.rejected;
      ++account.rejected_by_reason[std::string(code(reason))];
      p.rejected.push_back({ti, number, field, reason, detail, value, row});
    };
    const std::string key_text = cell(row, key);
    if (key_text.empty()) {
      reject(s.key_column, RejectionReason::key_empty, reason_text(RejectionReason::key_empty), "");
      continue;
    }
    NamePlacement placed;
    if (s.key == KeyKind::name) {
      placed = placer.place(key_text, kecamatan >= 0 ? cell(row, std::size_t(kecamatan)) : std::string(), "");
    } else {
      std::string code = key_text;
      if (s.key == KeyKind::bps) {
        auto it = crosswalk.find(digits_of(key_text));
        if (it == crosswalk.end()) {
          reject(s.key_column, RejectionReason::bps_code_unknown, reason_text(RejectionReason::bps_code_unknown) + ": " + key_text, key_text);
          continue;
        }
        code = it->second;
      }
      placed = placer.place("", "", code);
      if (placed.desa < 0 && !placed.reason) placed.reason = RejectionReason::desa_code_unknown;
    }
    if (placed.desa < 0) {
      const RejectionReason reason = placed.reason.value_or(RejectionReason::desa_not_found);
      std::string detail = reason_text(reason);
      if (!placed.detail.empty()) detail += ". " + placed.detail;
      const std::string field = s.key == KeyKind::name && placed.by_code_column ? s.key_column
                                : s.key == KeyKind::name && reason == RejectionReason::desa_not_in_kecamatan && kecamatan >= 0 ? s.kecamatan_column
                                                                                                              : s.key_column;
      reject(field, reason, detail, key_text);
      continue;
    }
    const auto d = std::size_t(placed.desa);
    // Values first: a row whose declared number is no number is rejected whole (the desa may get a later row).
    std::optional<std::size_t> bad;
    for (std::size_t i = 0; i < columns.size() && !bad; ++i) {
      const std::string v = cell(row, columns[i]);
      if (types[i].kind != FieldKind::text && !is_missing_text(v) && !parse_number(v, types[i].convention)) bad = i;
    }
    if (bad) {
      const std::string v = cell(row, columns[*bad]);
      reject(s.fields[*bad], RejectionReason::value_invalid,
             "Nilai '" + v + "' di kolom " + s.fields[*bad] + " bukan angka / Value '" + v + "' in column " + s.fields[*bad] +
                 " is not a number",
             v);
      continue;
    }
    if (joined_row[d]) {
      const std::string first = std::to_string(joined_row[d]);
      reject(s.key_column, RejectionReason::desa_duplicate,
             "Desa " + b.desa[d].code.dotted() + " " + b.desa[d].name + " sudah diisi baris " + first +
                 " (baris pertama dipakai) / Desa already given by row " + first + " (the first row wins)",
             key_text);
      continue;
    }
    joined_row[d] = number;
    ++account.joined;
    if (placed.flags & kFlagNeedsCheck) ++account.needs_check;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      ProfileField& f = p.fields[first_field + i];
      const std::string v = cell(row, columns[i]);
      if (is_missing_text(v)) continue;
      if (f.numeric()) f.numbers[d] = parse_number(v, types[i].convention);
      else f.texts[d] = v;
    }
  }
  for (std::size_t d = 0; d < b.desa.size(); ++d)
    if (!joined_row[d]) account.missing.push_back(int(d));
  p.tables.push_back(std::move(account));
}

}  // namespace

const ProfileField* DesaProfile::field(const std::string& name) const {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

DesaProfile load_desa_profile(const ProfileSettings& settings, const Boundaries& b, const NamePlacer& placer) {
  DesaProfile p;
  p.desa_count = b.desa.size();
  for (std::size_t t = 0; t < settings.tables.size(); ++t) join_table(p, t, settings.tables[t], b, placer);
  return p;
}

DesaProfile load_desa_profile(const ProfileSettings& settings, const Boundaries& b, const std::vector<std::string>& code_lists) {
  if (settings.tables.empty()) return {};
  const NamePlacer placer(b, code_lists);
  return load_desa_profile(settings, b, placer);
}

std::vector<std::optional<double>> numeric_profile_field(const DesaProfile& profile, const std::string& name) {
  const ProfileField* f = profile.field(name);
  if (!f) throw Error("profil: no field '" + name + "'");
  if (!f->numeric()) throw Error("profil: field '" + name + "' is text, not a number");
  return f->numbers;
}

}  // namespace peta::profile
