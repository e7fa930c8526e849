#include "web/ckan/action_params.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace hdcat::web::ckan {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::string TrimSpaces(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

Error FieldError(std::string_view field, std::string message) {
  return InvalidInput(std::move(message)).at("/" + std::string(field));
}

bool ActionParams::Has(std::string_view name) const {
  return params_.is_object() && params_.contains(std::string(name));
}

std::optional<std::string> ActionParams::Text(std::string_view name) const {
  if (!Has(name)) return std::nullopt;
  const Json& value = params_.at(std::string(name));
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

Result<std::string> ActionParams::RequiredText(std::string_view name) const {
  auto text = Text(name);
  if (!text || TrimSpaces(*text).empty()) return FieldError(name, "Missing value");
  return *text;
}

Result<std::int64_t> ActionParams::Integer(std::string_view name, std::int64_t fallback) const {
  auto text = Text(name);
  if (!text) return fallback;
  std::string trimmed = TrimSpaces(*text);
  if (trimmed.empty()) return fallback;
  std::int64_t number = 0;
  auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), number);
  if (ec != std::errc() || end != trimmed.data() + trimmed.size()) return FieldError(name, "Invalid integer");
  return number;
}

Result<std::int64_t> ActionParams::Natural(std::string_view name, std::int64_t fallback, std::int64_t max) const {
  auto number = Integer(name, fallback);
  if (!number.ok()) return number;
  if (*number < 0) return FieldError(name, "Must be a natural number");
  if (*number > max) return FieldError(name, "Must be at most " + std::to_string(max));
  return number;
}

Result<bool> ActionParams::Boolean(std::string_view name, bool fallback) const {
  auto text = Text(name);
  if (!text) return fallback;
  std::string value = Lower(TrimSpaces(*text));
  if (value.empty()) return fallback;
  for (const char* yes : {"true", "yes", "on", "1", "y", "t"}) {
    if (value == yes) return true;
  }
  for (const char* no : {"false", "no", "off", "0", "n", "f"}) {
    if (value == no) return false;
  }
  return FieldError(name, "Not a boolean value: '" + *text + "'");
}

Result<std::vector<std::string>> ActionParams::StringList(std::string_view name) const {
  std::vector<std::string> list;
  if (!Has(name)) return list;
  Json value = params_.at(std::string(name));
  if (value.is_string()) {
    auto parsed = ParseJson(value.get<std::string>());
    if (!parsed.ok()) return FieldError(name, "Could not parse as valid JSON");
    value = std::move(*parsed);
  }
  if (!value.is_array()) return FieldError(name, "Not a list");
  for (const Json& item : value) {
    if (!item.is_string()) return FieldError(name, "Not a list of strings");
    list.push_back(item.get<std::string>());
  }
  return list;
}

std::vector<std::string> ActionParams::Unknown(std::span<const std::string_view> known) const {
  std::vector<std::string> unknown;
  if (!params_.is_object()) return unknown;
  for (const auto& [name, value] : params_.items()) {
    if (name.starts_with("ext_")) continue;
    if (std::find(known.begin(), known.end(), name) == known.end()) unknown.push_back(name);
  }
  return unknown;
}

}  // namespace hdcat::web::ckan
