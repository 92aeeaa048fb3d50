#pragma once
// Kemendagri administrative codes, parsed once: "35.13.01.2001" or "3513012001" (any separator).
#include <optional>
#include <string>
#include <string_view>

namespace peta {

enum class AdminLevel { provinsi = 1, kabupaten = 2, kecamatan = 3, desa = 4 };

class AdminCode {
 public:
  // Accepts 2, 4, 6 or 10 digits, with or without dots (or other separators between the parts).
  // Returns nullopt for anything else.
  static std::optional<AdminCode> parse(std::string_view text);
  // No code: the kecamatan of an orphan desa (Boundaries::kecamatan_at(-1)); dotted() and digits() are empty.
  static AdminCode none() { return AdminCode(AdminLevel::kecamatan, ""); }

  AdminLevel level() const { return level_; }
  const std::string& dotted() const { return dotted_; }  // canonical form "35.13.01.2001"
  std::string digits() const;                             // "3513012001"
  // The code of the enclosing unit at a higher level ("35.13.01" for a desa); nullopt at provinsi.
  std::optional<AdminCode> parent() const;
  // The code truncated to `level` (which must not be finer than this code's level).
  AdminCode at(AdminLevel level) const;
  // Desa codes whose 4-digit part starts with 1 are kelurahan, with 2 desa.
  bool is_kelurahan() const { return level_ == AdminLevel::desa && dotted_[dotted_.size() - 4] == '1'; }

  friend bool operator==(const AdminCode& a, const AdminCode& b) { return a.dotted_ == b.dotted_; }
  friend auto operator<=>(const AdminCode& a, const AdminCode& b) { return a.dotted_ <=> b.dotted_; }

 private:
  AdminCode(AdminLevel level, std::string dotted) : level_(level), dotted_(std::move(dotted)) {}
  AdminLevel level_;
  std::string dotted_;
};

}  // namespace peta
