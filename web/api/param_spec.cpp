#include "web/api/param_spec.h"

#include <charconv>
#include <string>

#include "catalog/store/dataset_ref.h"
#include "catalog/validation/suggest.h"

namespace hdcat::web::api {
namespace {

std::string Pointer(std::string_view name) { return "/" + JsonPointerToken(name); }

Error ParamError(std::string message, std::string_view name, std::string expected) {
  Error error = InvalidInput(std::move(message));
  error.at(Pointer(name));
  error.expected = std::move(expected);
  return error;
}

std::string IntegerRange(const ParamSpec& spec) {
  return "an integer from " + std::to_string(spec.min) + " to " + std::to_string(spec.max);
}

std::string AllowedList(const ParamSpec& spec) {
  std::string list;
  for (auto value : spec.allowed) {
    if (!list.empty()) list += ", ";
    list += value;
  }
  return list;
}

Result<Json> CheckInteger(const ParamSpec& spec, const Json& raw) {
  std::int64_t value = 0;
  if (raw.is_number_integer()) {
    value = raw.get<std::int64_t>();
  } else if (raw.is_string()) {
    const std::string& text = raw.get_ref<const std::string&>();
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error == std::errc::invalid_argument || end != text.data() + text.size()) {
      return ParamError("parameter '" + std::string(spec.name) + "' must be an integer, not \"" + text.substr(0, 40) +
                            "\"",
                        spec.name, IntegerRange(spec));
    }
    if (error == std::errc::result_out_of_range) {
      return ParamError("parameter '" + std::string(spec.name) + "' is out of range", spec.name, IntegerRange(spec));
    }
  } else {
    return ParamError("parameter '" + std::string(spec.name) + "' must be an integer", spec.name, IntegerRange(spec));
  }
  if (value < spec.min || value > spec.max) {
    return ParamError("parameter '" + std::string(spec.name) + "' is out of range: " + std::to_string(value),
                      spec.name, IntegerRange(spec));
  }
  return Json(value);
}

Result<Json> CheckBoolean(const ParamSpec& spec, const Json& raw) {
  if (raw.is_boolean()) return raw;
  if (raw == "true" || raw == "1") return Json(true);
  if (raw == "false" || raw == "0") return Json(false);
  return ParamError("parameter '" + std::string(spec.name) + "' must be true or false", spec.name, "true or false");
}

Result<Json> CheckString(const ParamSpec& spec, const Json& raw) {
  if (!raw.is_string()) {
    return ParamError("parameter '" + std::string(spec.name) + "' must be a string", spec.name, "a string");
  }
  const std::string& text = raw.get_ref<const std::string&>();
  if (text.size() > spec.max_length) {
    return ParamError("parameter '" + std::string(spec.name) + "' is too long (" + std::to_string(text.size()) +
                          " bytes)",
                      spec.name, "at most " + std::to_string(spec.max_length) + " bytes");
  }
  if (!spec.allowed.empty()) {
    for (auto value : spec.allowed) {
      if (value == text) return raw;
    }
    Error error = ParamError("parameter '" + std::string(spec.name) + "' has an unknown value", spec.name,
                             "one of: " + AllowedList(spec));
    std::vector<std::string> candidates(spec.allowed.begin(), spec.allowed.end());
    if (auto closest = catalog::validation::Closest(text, candidates)) error.suggestion = *closest;
    return error;
  }
  return raw;
}

Result<Json> CheckIdentifier(const ParamSpec& spec, const Json& raw) {
  if (!raw.is_string() || !catalog::IsIdentifier(raw.get_ref<const std::string&>())) {
    return ParamError("parameter '" + std::string(spec.name) + "' is not a valid identifier", spec.name,
                      "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 128");
  }
  return raw;
}

}  // namespace

Result<Json> CheckParams(std::span<const ParamSpec> specs, const Json& params) {
  if (!params.is_object()) return InvalidInput("the parameters must be a JSON object");
  std::vector<std::string> names;
  for (const auto& spec : specs) names.emplace_back(spec.name);
  for (const auto& [name, value] : params.items()) {
    bool known = false;
    for (const auto& spec : specs) known = known || spec.name == name;
    if (known) continue;
    std::string allowed;
    for (const auto& candidate : names) allowed += (allowed.empty() ? "" : ", ") + candidate;
    Error error = ParamError("unknown parameter '" + name + "'", name,
                             names.empty() ? std::string("no parameters") : "one of: " + allowed);
    if (auto closest = catalog::validation::Closest(name, names)) error.suggestion = *closest;
    return error;
  }
  Json checked = Json::object();
  for (const auto& spec : specs) {
    auto it = params.find(std::string(spec.name));
    if (it == params.end()) {
      if (spec.required) {
        return ParamError("parameter '" + std::string(spec.name) + "' is required", spec.name,
                          spec.type == ParamType::kInteger ? IntegerRange(spec) : "a value");
      }
      if (spec.fallback) checked[std::string(spec.name)] = *spec.fallback;
      continue;
    }
    Result<Json> value = spec.type == ParamType::kInteger   ? CheckInteger(spec, *it)
                         : spec.type == ParamType::kBoolean ? CheckBoolean(spec, *it)
                         : spec.type == ParamType::kIdentifier ? CheckIdentifier(spec, *it)
                                                            : CheckString(spec, *it);
    if (!value.ok()) return value.error();
    checked[std::string(spec.name)] = std::move(*value);
  }
  return checked;
}

ParamSpec LimitParam() {
  return ParamSpec{.name = "limit", .type = ParamType::kInteger, .min = 1, .max = kMaxLimit,
                   .fallback = Json(kDefaultLimit)};
}

ParamSpec OffsetParam() {
  return ParamSpec{.name = "offset", .type = ParamType::kInteger, .min = 0, .max = kMaxOffset, .fallback = Json(0)};
}

}  // namespace hdcat::web::api
