// Identifier normalisation shared by every adapter.
//
// hdcat identifiers match ^[a-z0-9][a-z0-9._-]{0,127}$. Holders' identifiers
// that differ are lower-cased, other characters become '-', runs of '-'
// collapse and the result is cut to 128 characters; the adapter then keeps
// the original in `source_identifier`. Identifiers with no usable character
// (e.g. all Japanese) become "id-" plus the first 16 hex digits of their SHA-256.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"

namespace hdcat::harvesters::mapping {

std::string NormaliseIdentifier(std::string_view original);

// Sets document["identifier"] from `original`, and "source_identifier" when
// normalisation changed it.
void SetIdentifier(Json& document, std::string_view original);

}  // namespace hdcat::harvesters::mapping
