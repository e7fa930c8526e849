// Parameter specifications: what an API operation accepts, checked in one place.
//
// Each operation declares its parameters (name, type, range, length, allowed
// values, default). CheckParams takes the raw parameters (a JSON object whose
// values are strings when they come from a query string, or typed values
// when they come from a JSON body) and returns them typed and completed with
// defaults, or the first problem found, as kInvalidInput with a JSON pointer
// ("/limit"), what was expected ("an integer from 1 to 100") and, for a
// misspelt name, a suggestion. Unknown names are errors: a typo must not be
// silently ignored.
//
// Thread-safety: free functions without shared state; specs are constants.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::web::api {

// kIdentifier: a string following the model's identifier rule ^[a-z0-9][a-z0-9._-]{0,127}$.
enum class ParamType { kString, kInteger, kBoolean, kIdentifier };

struct ParamSpec {
  std::string_view name;
  ParamType type = ParamType::kString;
  bool required = false;
  std::int64_t min = 0;  // kInteger: inclusive range
  std::int64_t max = 0;
  std::size_t max_length = 256;                 // kString: bytes
  std::vector<std::string_view> allowed = {};   // kString: the only values accepted (when not empty)
  std::optional<Json> fallback = std::nullopt;  // value when absent
};

Result<Json> CheckParams(std::span<const ParamSpec> specs, const Json& params);

// The paging pair every list operation shares: limit (1..max_limit, default
// default_limit) and offset (0..max_offset, default 0).
inline constexpr std::int64_t kMaxLimit = 100;
inline constexpr std::int64_t kDefaultLimit = 20;
inline constexpr std::int64_t kMaxOffset = 100000;
ParamSpec LimitParam();
ParamSpec OffsetParam();

}  // namespace hdcat::web::api
