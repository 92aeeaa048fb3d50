#include "output/unit_extras.hpp"

#include <string>

#include "core/error.hpp"
#include "core/layer_fields.hpp"

namespace peta {
namespace {

int field_index(const LayerSchema& s, const std::string& name) {
  for (std::size_t i = 0; i < s.fields.size(); ++i)
    if (s.fields[i].name == name) return static_cast<int>(i);
  throw Error("layer " + s.name + " has no field " + name);
}

}  // namespace

UnitExtras::UnitExtras(const CategoryTaxonomy& categories, UnitExtrasOptions options)
    : categories_(categories), options_(options) {}

void UnitExtras::extend(LayerSchema& schema) {
  total_ = field_index(schema, layer_field::n_total);
  sensitive_.clear();
  sensitive_category_.clear();
  derived_.clear();
  if (options_.lengths)
    schema.fields.push_back({"panjang_m", FieldType::real, "", 14, 1, "Panjang ruas temuan garis (m, UTM 49S)",
                             "Length of line findings, e.g. damaged road (m, UTM 49S)", "m"});
  if (!options_.public_profile) return;
  for (std::size_t ci = 0; ci < categories_.size(); ++ci) {
    const Category& c = categories_.categories()[ci];
    if (!c.sensitive) continue;
    sensitive_.push_back(field_index(schema, layer_field::count_of(c.code)));
    sensitive_category_.push_back(ci);
    std::vector<int> derived;
    const std::string suffix = "_" + c.code;
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
      const std::string& name = schema.fields[i].name;
      if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
          name != layer_field::count_of(c.code))
        derived.push_back(static_cast<int>(i));
    }
    derived_.push_back(std::move(derived));
    std::string k = std::to_string(options_.k);
    schema.fields.push_back({"s_" + c.code, FieldType::integer, "s_" + c.short_code, 1, 0,
                             "1 = jumlah " + c.label_id + " disembunyikan (kurang dari " + k +
                                 "), 2 = disembunyikan agar jumlah desa lain tidak dapat dihitung, 0 = ditampilkan",
                             "1 = count of " + c.label_en + " suppressed (below " + k +
                                 "), 2 = suppressed so that other desa counts cannot be worked out, 0 = published",
                             ""});
  }
  auto& total = schema.fields[static_cast<std::size_t>(total_)];
  total.label_id = "Jumlah temuan, tanpa kategori sensitif";
  total.label_en = "Number of findings, sensitive categories left out";
}

void UnitExtras::apply(Feature& f, double length_m, std::span<const Withheld> withheld) const {
  if (options_.lengths) f.values.emplace_back(length_m);
  if (!options_.public_profile) return;
  // Which counts are withheld is decided once, by aggregate/suppression.hpp, never here.
  if (withheld.size() != categories_.size())
    throw Error("public profile: no suppression decided for this unit (a caller bug)");
  auto& total = f.values[static_cast<std::size_t>(total_)];
  std::int64_t t = std::holds_alternative<std::int64_t>(total) ? std::get<std::int64_t>(total) : 0;
  std::vector<FieldValue> flags;
  for (std::size_t s = 0; s < sensitive_.size(); ++s) {
    auto& v = f.values[static_cast<std::size_t>(sensitive_[s])];
    std::int64_t n = std::holds_alternative<std::int64_t>(v) ? std::get<std::int64_t>(v) : 0;
    t -= n;
    const Withheld why = withheld[sensitive_category_[s]];
    if (why != Withheld::no) {
      v = std::monostate{};
      for (int d : derived_[s]) f.values[static_cast<std::size_t>(d)] = std::monostate{};
    }
    flags.emplace_back(static_cast<std::int64_t>(why));
  }
  total = t;
  for (auto& v : flags) f.values.push_back(std::move(v));
}

}  // namespace peta
