// ActionParams: one CKAN action's parameters, read the way CKAN's validators
// read them. Parameters come either from a query string (every value a
// string) or from a JSON body (typed values); both are accepted for every
// reader, so rows=10 and {"rows": 10} mean the same.
//
// Failures follow the convention of web/ckan/ckan_actions.h: a parameter that
// fails validation is kInvalidInput with pointer "/<name>" and CKAN's message
// ("Invalid integer", "Must be a natural number", "Missing value" ...).
//
// Thread-safety: plain value type over a borrowed JSON object.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::web::ckan {

// A Validation Error on one field.
Error FieldError(std::string_view field, std::string message);

// `text` without leading and trailing ASCII white space.
std::string TrimSpaces(std::string_view text);

class ActionParams {
 public:
  explicit ActionParams(const Json& params) : params_(params) {}

  bool Has(std::string_view name) const;
  // The value as text (numbers and booleans as JSON text); nullopt when absent.
  std::optional<std::string> Text(std::string_view name) const;
  Result<std::string> RequiredText(std::string_view name) const;
  // A whole number from 0 to `max`, or `fallback` when absent or empty.
  Result<std::int64_t> Natural(std::string_view name, std::int64_t fallback, std::int64_t max) const;
  // Any whole number (negative allowed, e.g. facet.limit), or `fallback`.
  Result<std::int64_t> Integer(std::string_view name, std::int64_t fallback) const;
  // true/false, yes/no, on/off, 1/0 (any case), or `fallback`.
  Result<bool> Boolean(std::string_view name, bool fallback) const;
  // A JSON list of strings, given as a list or as JSON text of one.
  Result<std::vector<std::string>> StringList(std::string_view name) const;

  // Names of parameters not in `known` (names starting with `ext_` pass).
  std::vector<std::string> Unknown(std::span<const std::string_view> known) const;

 private:
  const Json& params_;
};

}  // namespace hdcat::web::ckan
