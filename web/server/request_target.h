// Decoding of the request target (path and query) of an HTTP request.
//
// DecodePath splits a raw path into percent-decoded segments and refuses
// anything that could name a different resource than it seems to: malformed
// escapes, invalid UTF-8, control characters, and "." / ".." segments
// whether written plainly or encoded (%2e%2e). An encoded slash inside a
// segment is kept inside that segment (it never splits the path).
// DecodeQueryValue decodes one query key or value ('+' is a space).
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace hdcat::web {

// "%41b+c" -> "Ab c" when `plus_is_space`; fails on a malformed escape.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// "/a/b%20c/" -> {"a", "b c"}; "/" -> {}. Fails with kInvalidInput.
Result<std::vector<std::string>> DecodePath(std::string_view raw_path);

// A decoded query key or value, checked to be valid UTF-8.
Result<std::string> DecodeQueryValue(std::string_view raw);

// "/a/b c" -> "/a/b%20c": segments joined back, escaped for use in a URL.
std::string PercentEncode(std::string_view text);

}  // namespace hdcat::web
