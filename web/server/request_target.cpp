#include "web/server/request_target.h"

#include "base/utf8.h"

namespace hdcat::web {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool HasControlCharacter(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return InvalidInput("malformed percent-escape at the end of \"" + std::string(text.substr(0, 200)) + "\"");
      }
      int high = HexDigit(text[i + 1]);
      int low = HexDigit(text[i + 2]);
      if (high < 0 || low < 0) {
        return InvalidInput("malformed percent-escape \"" + std::string(text.substr(i, 3)) + "\"");
      }
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::vector<std::string>> DecodePath(std::string_view raw_path) {
  if (raw_path.empty() || raw_path.front() != '/') return InvalidInput("the request path must start with '/'");
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= raw_path.size()) {
    std::size_t end = raw_path.find('/', start);
    if (end == std::string_view::npos) end = raw_path.size();
    std::string_view raw = raw_path.substr(start, end - start);
    auto decoded = PercentDecode(raw, false);
    if (!decoded.ok()) return decoded.error();
    if (*decoded == "." || *decoded == "..") return InvalidInput("the request path contains a dot segment");
    if (!IsValidUtf8(*decoded)) return InvalidInput("the request path is not valid UTF-8");
    if (HasControlCharacter(*decoded)) return InvalidInput("the request path contains a control character");
    // An empty segment is only allowed as the trailing one ("/a/" = "/a").
    if (decoded->empty() && end != raw_path.size()) return InvalidInput("the request path contains an empty segment");
    if (!decoded->empty()) segments.push_back(std::move(*decoded));
    start = end + 1;
  }
  return segments;
}

Result<std::string> DecodeQueryValue(std::string_view raw) {
  auto decoded = PercentDecode(raw, true);
  if (!decoded.ok()) return decoded.error();
  if (!IsValidUtf8(*decoded)) return InvalidInput("a query parameter is not valid UTF-8");
  return decoded;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace hdcat::web
