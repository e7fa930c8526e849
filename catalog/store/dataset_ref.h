// Naming datasets: the stable public id, and the two forms a caller may use to
// refer to a dataset ("ds-…" or "holder/identifier"). See catalog/model.h.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace hdcat::catalog {

// 'ds-' + the first 16 hex digits of sha256("<holder>/<identifier>").
std::string DatasetPublicId(std::string_view holder, std::string_view identifier);

// True for identifiers of the model: ^[a-z0-9][a-z0-9._-]{0,127}$.
bool IsIdentifier(std::string_view text);

struct DatasetRef {
  std::string public_id;   // set for the "ds-…" form
  std::string holder;      // set with identifier for the "holder/identifier" form
  std::string identifier;
};

Result<DatasetRef> ParseDatasetRef(std::string_view text);

}  // namespace hdcat::catalog
