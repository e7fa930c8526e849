// The bytes of a description as the store keeps and hashes them.
//
// A document is stored as its canonical JSON (base/json.h) and identified by
// the sha256 of those bytes, so re-submitting the same content in another key
// order or spacing is recognised as unchanged. Documents built in memory
// (harvesters, the web API) get the same limits as parsed files: canonical
// size at most `max_bytes` (kTooLarge) and valid UTF-8 in every key and string
// (kInvalidInput naming the JSON pointer of the first bad one).
//
// Thread-safety: free functions without shared state.
#pragma once

#include <cstddef>
#include <string>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::catalog {

struct StoredDocument {
  std::string canonical;
  std::string content_hash;  // sha256 hex of `canonical`
};

Result<StoredDocument> PrepareDocument(const Json& document, std::size_t max_bytes);

}  // namespace hdcat::catalog
