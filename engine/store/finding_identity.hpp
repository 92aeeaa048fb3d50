#pragma once
// Who a finding is across exports, and whether its content changed.
#include <string>
#include <utility>

#include "store/store_types.hpp"

namespace peta::store {

// The identity (id_temuan) of a row: Kobo `_id`, else ODK `KEY`, else `meta/instanceID`, else the source's id
// column, else "sidik:" + a digest of the normalised content (category, date, coordinates rounded to 1e-5
// degree, i.e. about 1 m, desa code, and the source values except row numbers and form metadata).
std::string identity_of(const StoreFinding& f);
// A digest of the normalised content that an edit at the source changes (no identity columns, no row numbers,
// no form metadata such as `_uuid`, `_submission_time`, `_index`, `meta/...`, `SubmissionDate`).
std::string content_digest(const StoreFinding& f);
// Both at once, from one normalisation of the content (the import's hot path): {identity_of, content_digest}.
std::pair<std::string, std::string> identity_and_digest(const StoreFinding& f);
// True for columns that never count as content: Kobo's `_...` columns, `meta/...`, ODK Central's metadata.
bool is_metadata_column(const std::string& column);
// The source values as a JSON object text (what `nilai` holds).
std::string values_json(const StoreFinding& f);

}  // namespace peta::store
