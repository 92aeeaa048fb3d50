#pragma once
/// @file report.hpp
/// @brief Printable A4 PDF booklets of a built project.
#include <string>
#include <vector>

#include "peta/export.hpp"
#include "peta/project.hpp"

namespace peta::api {

/// What write_report() writes.
struct ReportOptions {
  std::string out;        ///< the PDF to write; with `all`, may be a folder (ending in `/`): one PDF per booklet
  std::string kecamatan;  ///< one kecamatan (name or code); empty (and not `all`): the kabupaten
  bool all = false;       ///< the kabupaten and every kecamatan, with a table of contents
  std::string lang = "id";  ///< `id` or `en`
  std::string gpkg;       ///< read this GeoPackage instead of the project's output; empty: the project's
};

/// What write_report() wrote.
struct ReportResult {
  int booklets = 0;                ///< booklets written
  int pages = 0;                   ///< pages written, in all
  std::vector<std::string> files;  ///< the PDFs
};

/// Writes the report of a built project (maps, tables, hotspots) as A4 PDF, atomically (a temporary name,
/// then renamed). The same as `peta report PROJECT.json --out FILE.pdf`.
/// @throws Error when the project has not been built, the kecamatan is unknown, or the PDF cannot be written
ReportResult write_report(const Project& project, const ReportOptions& options);

}  // namespace peta::api
