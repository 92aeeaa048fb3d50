#pragma once
// Quoting of one field for the CSV files peta writes (rejects, reports, data dictionaries, status files).
#include <string>

namespace peta {

// RFC 4180 quoting of one field: quoted (with doubled quotes) when it holds a comma, semicolon, quote or line
// break, so the file reads back the same whichever of ',' and ';' a spreadsheet takes as the delimiter.
std::string csv_quote(const std::string& field);

}  // namespace peta
