#include "base/json.h"

#include "base/utf8.h"

namespace hdcat {
namespace {

// Rejects documents nested deeper than `max_depth` before the recursive parser
// sees them, so hostile input cannot exhaust the stack.
bool NestingWithin(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

}  // namespace

Result<Json> ParseJson(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return TooLarge("document is " + std::to_string(text.size()) + " bytes; the limit is " +
                    std::to_string(limits.max_bytes) + " bytes");
  }
  if (auto bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    Error error = InvalidInput("document is not valid UTF-8 (first bad byte at offset " +
                               std::to_string(bad) + ")");
    error.expected = "UTF-8 text";
    return error;
  }
  if (!NestingWithin(text, limits.max_depth)) {
    return InvalidInput("document nests deeper than " + std::to_string(limits.max_depth) + " levels");
  }
  Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    // Re-run with exceptions only on the failure path to get the parser's position.
    try {
      Json discarded = Json::parse(text);
      (void)discarded;
    } catch (const Json::parse_error& e) {
      Error error = InvalidInput("malformed JSON at byte " + std::to_string(e.byte) + ": " +
                                 std::string(e.what()).substr(std::string(e.what()).find(':') + 2));
      error.expected = "a JSON document";
      return error;
    }
    return InvalidInput("malformed JSON");
  }
  return value;
}

std::string CanonicalJson(const Json& value) {
  // nlohmann::json keeps object keys in a std::map, so dump() is already sorted.
  return value.dump(-1, ' ', false, Json::error_handler_t::strict);
}

std::string StringMember(const Json& value, std::string_view key) {
  if (!value.is_object()) return {};
  auto it = value.find(key);
  return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string JsonPointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace hdcat
