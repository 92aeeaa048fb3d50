#include "profile/profile_aggregation.hpp"

#include <map>

#include "core/error.hpp"

namespace peta::profile {

Aggregation default_aggregation(const ProfileField& f) {
  Aggregation a;
  a.kind = f.kind == FieldKind::integer ? Aggregation::Kind::sum
           : f.kind == FieldKind::real  ? Aggregation::Kind::mean
                                        : Aggregation::Kind::mode;
  return a;
}

std::vector<KecamatanField> aggregate_to_kecamatan(const DesaProfile& p, const ProfileSettings& settings,
                                                   const Boundaries& b, bool public_profile) {
  std::vector<KecamatanField> out;
  const std::size_t nk = b.kecamatan.size();
  for (const auto& f : p.fields) {
    if (public_profile && f.sensitive) continue;
    auto it = settings.aggregation.find(f.name);
    Aggregation rule = it == settings.aggregation.end() || it->second.kind == Aggregation::Kind::automatic
                           ? default_aggregation(f)
                           : it->second;
    if (rule.kind == Aggregation::Kind::none) continue;
    const std::string where = "agregasi." + f.name;
    if (!f.numeric() && rule.kind != Aggregation::Kind::mode)
      throw Error(where + ": '" + f.name + "' is text; only modus (the most frequent value) fits it");
    const ProfileField* weight = nullptr;
    if (rule.kind == Aggregation::Kind::weighted_mean) {
      weight = p.field(rule.weight);
      if (!weight || !weight->numeric()) throw Error(where + ": the weight '" + rule.weight + "' is not a numeric profile field");
    }
    KecamatanField k;
    k.name = f.name;
    k.source = &f;
    k.rule = rule;
    k.kind = rule.kind == Aggregation::Kind::sum || rule.kind == Aggregation::Kind::mode ? f.kind : FieldKind::real;
    if (f.numeric()) k.numbers.assign(nk, std::nullopt);
    else k.texts.assign(nk, std::nullopt);
    std::vector<double> sum(nk, 0), weights(nk, 0);
    std::vector<std::size_t> n(nk, 0);
    std::vector<std::map<std::string, std::size_t>> text_counts(nk);
    std::vector<std::map<double, std::size_t>> number_counts(nk);
    for (std::size_t d = 0; d < b.desa.size(); ++d) {
      const int kec = b.desa_kecamatan[d];
      if (kec < 0) continue;
      const auto ki = std::size_t(kec);
      if (!f.numeric()) {
        if (f.texts[d]) ++text_counts[ki][*f.texts[d]];
        continue;
      }
      if (!f.numbers[d]) continue;
      const double v = *f.numbers[d];
      switch (rule.kind) {
        case Aggregation::Kind::weighted_mean:
          if (weight->numbers[d]) {
            sum[ki] += *weight->numbers[d] * v;
            weights[ki] += *weight->numbers[d];
            ++n[ki];
          }
          break;
        case Aggregation::Kind::mode: ++number_counts[ki][v]; break;
        default:
          sum[ki] += v;
          ++n[ki];
      }
    }
    for (std::size_t ki = 0; ki < nk; ++ki) {
      if (!f.numeric()) {
        std::size_t best = 0;
        for (const auto& [value, count] : text_counts[ki])
          if (count > best) best = count, k.texts[ki] = value;  // map order: a tie keeps the smallest value
        continue;
      }
      switch (rule.kind) {
        case Aggregation::Kind::sum:
          if (n[ki]) k.numbers[ki] = sum[ki];
          break;
        case Aggregation::Kind::mean:
          if (n[ki]) k.numbers[ki] = sum[ki] / double(n[ki]);
          break;
        case Aggregation::Kind::weighted_mean:
          if (n[ki] && weights[ki] > 0) k.numbers[ki] = sum[ki] / weights[ki];
          break;
        case Aggregation::Kind::mode: {
          std::size_t best = 0;
          for (const auto& [value, count] : number_counts[ki])
            if (count > best) best = count, k.numbers[ki] = value;
          break;
        }
        default: break;
      }
    }
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace peta::profile
