// JSON parsing and canonical serialisation shared by every subsystem.
//
// ParseJson turns untrusted bytes into a nlohmann::json value or a specific
// Error (size limit, nesting limit, invalid UTF-8, syntax error with byte
// offset). CanonicalJson gives the one byte-exact serialisation used for
// content hashing: object keys sorted, no insignificant white space, UTF-8.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.h"

namespace hdcat {

using Json = nlohmann::json;

struct JsonLimits {
  std::size_t max_bytes = 8 * 1024 * 1024;  // one dataset description is far smaller
  int max_depth = 64;
};

Result<Json> ParseJson(std::string_view text, const JsonLimits& limits = {});

// Sorted keys, compact, UTF-8: equal documents give equal bytes.
std::string CanonicalJson(const Json& value);

// RFC 6901 escaping of one reference token ("a/b" -> "a~1b").
std::string JsonPointerToken(std::string_view token);

// The string member `key` of `value`; "" when `value` is not an object or the
// member is absent or not a string. For untrusted documents: nlohmann's
// value(key, "") throws when the member has another type.
std::string StringMember(const Json& value, std::string_view key);

}  // namespace hdcat
