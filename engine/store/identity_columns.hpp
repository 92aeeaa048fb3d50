#pragma once
// Which columns of a source hold the identity of its rows (Kobo, ODK Central, a plain id column), found from
// the header, so the findings stage can fill StoreFinding's identity fields.
#include <string>
#include <vector>

#include "store/store_types.hpp"

namespace peta::store {

// Column indexes, -1 when absent. Names compare case-insensitively and after a group prefix ("grp/_id").
struct IdentityColumns {
  int kobo_id = -1;        // _id
  int kobo_uuid = -1;      // _uuid
  int deprecated_id = -1;  // meta/deprecatedID (also deprecatedID)
  int odk_key = -1;        // KEY
  int instance_id = -1;    // meta/instanceID (also instanceID)
};

IdentityColumns detect_identity_columns(const std::vector<std::string>& header);

// Copies the identity cells of one row into `f` (cells in header order).
void fill_identity(const IdentityColumns& c, const std::vector<std::string>& cells, StoreFinding& f);

}  // namespace peta::store
