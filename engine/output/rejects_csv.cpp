#include "output/rejects_csv.hpp"

#include <cstdio>

#include "core/atomic_write.hpp"

namespace peta {

void write_rejects_csv(const std::string& path, const std::vector<std::string>& columns, RejectionSpool& rejections,
                       const std::vector<std::vector<int>>& column_maps) {
  write_atomically(path, [&](std::ostream& out) {
    out << "sumber,baris,kolom,alasan,keterangan,jarak_m";
    for (const auto& c : columns) out << ',' << csv_quote(c);
    out << '\n';
    rejections.for_each([&](const Rejection& rej, std::size_t source) {
      char distance[32] = "";
      if (rej.distance_m >= 0) std::snprintf(distance, sizeof distance, "%.1f", rej.distance_m);
      out << csv_quote(rej.file) << ',' << rej.row << ',' << csv_quote(rej.field) << ',' << csv_quote(std::string(rej.code())) << ','
          << csv_quote(rej.detail) << ',' << distance;
      const auto& map = column_maps[source];
      for (std::size_t i = 0; i < columns.size(); ++i) {
        out << ',';
        if (map[i] >= 0 && static_cast<std::size_t>(map[i]) < rej.values.size()) out << csv_quote(rej.values[static_cast<std::size_t>(map[i])]);
      }
      out << '\n';
    });
  });
}

}  // namespace peta
