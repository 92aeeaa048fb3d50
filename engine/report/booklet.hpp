#pragma once
// A booklet as plain data: one value per page, made from a built project's layers (report_data.hpp) for the
// kabupaten or one kecamatan, in Indonesian or English. Each page kind is drawn by its own function
// (report_pages.hpp), so pages that need other parts of peta (the store's handled/overdue counts and per-OPD
// table, the monthly trend and emerging hot spots, the Ngantor di Kecamatan visit) are added as one more struct
// and one more function, fed with their data; a page without data is left out, never printed empty.
//
// Privacy: every number comes from the published layers. A withheld count (NULL with s_<kat> set) is printed as
// "disembunyikan" and drawn hatched; a kabupaten total of a category is printed only when every kecamatan count it
// adds up is published (so it tells nothing the kecamatan pages do not). No finding point is drawn.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "render/map_scene.hpp"
#include "report/report_data.hpp"

namespace peta::report {

struct Area {
  bool kabupaten = true;
  std::string kode, nama;                    // the kecamatan's (or the kabupaten's)
  const render::MapUnit* unit = nullptr;     // its polygon (nullptr for a kabupaten without a layer)
  std::vector<const render::MapUnit*> desa;  // its desa, by kode
};

struct CoverPage {
  std::string heading, area, parent, period, facts;  // facts: "24 desa · 125,3 km²"
  render::MapScene locator;                          // the area within the kabupaten
};

struct KeyNumber {
  std::string label;
  std::string value;  // formatted, or the withheld text
  bool withheld = false;
};

struct KeyNumbersPage {
  std::string heading;
  std::vector<KeyNumber> rows;
  std::vector<std::string> notes;
};

struct MapPage {
  std::string heading;
  render::MapScene scene;
  std::string caption;
};

struct TablePage {
  std::string heading;
  std::vector<std::string> columns;
  std::vector<double> widths;  // relative
  std::size_t numeric_from = 0;  // columns from this one hold numbers (right-aligned)
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> notes;
};

// A line chart over periods (the monthly trend): one line per category, the x axis labelled with the periods
// (Indonesian month abbreviations for months), and the same numbers as a table under it.
struct ChartSeries {
  std::string label;
  Rgba colour;
  std::vector<double> values;  // one per x label
};

struct ChartPage {
  std::string heading;
  std::string y_title;
  std::vector<std::string> x_labels;     // "Jan", "Feb", ... (months), "M05" (weeks), "Tw 2" (quarters)
  std::vector<std::string> x_sublabels;  // the year under the first period and under each January ("" elsewhere)
  std::vector<ChartSeries> series;
  TablePage table;                       // the values; its heading is not drawn
  std::string lang = "id";               // of the axis numbers
};

// The Moran scatterplot of one indicator the project analysed ("statistik"): each desa's standardised value (x)
// against the spatial lag of the standardised values (y, of y's values for a bivariate analysis), coloured by
// its significant LISA quadrant, with the least-squares line through the origin (its slope is Moran's I with
// row-standardised weights when every desa has a neighbour; n/S0 times less with islands, whose lag is 0).
struct ScatterPoint {
  double x = 0, y = 0;
  int quadrant = 0;  // 1 HH, 2 LH, 3 LL, 4 HL significant; 0 not significant or not computed
};

struct ScatterPage {
  std::string heading, x_title, y_title;
  std::vector<ScatterPoint> points;
  double slope = 0;
  std::vector<std::string> notes;
  std::string lang = "id";
};

using Page = std::variant<CoverPage, KeyNumbersPage, MapPage, TablePage, ChartPage, ScatterPage>;

struct Booklet {
  std::string title;   // "Kecamatan Sumber" / "Kabupaten Probolinggo": the table of contents and the PDF outline
  std::string header;  // running header of every page but the cover
  std::vector<Page> pages;
};

// The kabupaten (kecamatan empty) or the kecamatan named or coded `kecamatan` (case-insensitive name, or code with
// or without dots). Throws peta::Error listing the kecamatan when none matches.
Area find_area(const ReportData& data, const std::string& kecamatan);
// The kabupaten, then every kecamatan by code.
std::vector<Area> all_areas(const ReportData& data);

// `generated`: the date and time printed on the sources page.
Booklet build_booklet(const ReportData& data, const Area& area, const std::string& lang, const std::string& generated);

// Numbers as the language writes them: 5.000 and 12,5 (id); 5,000 and 12.5 (en).
std::string format_count(double value, const std::string& lang);
std::string format_decimal(double value, int decimals, const std::string& lang);

}  // namespace peta::report
