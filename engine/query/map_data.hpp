#pragma once
// What the web map reads besides query answers: the project's vocabulary (meta), a unit layer as GeoJSON, and
// one desa's summary for its popup.
#include <string>

#include <nlohmann/json.hpp>

#include "query/deadline.hpp"
#include "query/query_model.hpp"
#include "query/query_spec.hpp"

namespace peta::query {

// Categories with labels, weights and which hotspot fields exist; kecamatan; severity and status values; date
// range; unit and finding counts.
nlohmann::json model_meta(const QueryModel& m);

// Every unit of a layer with kode, nama (and kode_kec, nama_kec, jenis for desa), luas_km2, every numeric field,
// and a label point (label_lon, label_lat) inside the unit.
std::string layer_geojson(const QueryModel& m, Level level);

// One desa for its popup: counts per category (after the filter), findings per severity, and the latest findings
// (at most `latest`, newest first). Notes of sensitive categories (e.g. stunting) are left out. Throws QueryError
// for an unknown code.
nlohmann::json desa_summary(const QueryModel& m, const std::string& kode, const FindingFilter& filter,
                            const std::string& lang, std::size_t latest = 5, const Deadline& deadline = {});

}  // namespace peta::query
