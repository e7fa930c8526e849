#include "web/pages/html_text.h"

#include <cctype>

namespace hdcat::web {
namespace {

constexpr std::string_view kOpenMark = "<mark>";
constexpr std::string_view kCloseMark = "</mark>";

// True when `text` (starting at '&') is a character reference: &name; &#123; &#x1F;
bool StartsCharacterReference(std::string_view text) {
  std::size_t i = 1;
  bool numeric = i < text.size() && text[i] == '#';
  if (numeric) ++i;
  bool hex = numeric && i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  std::size_t start = i;
  while (i < text.size() && i - start < 32) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool ok = numeric ? (hex ? std::isxdigit(c) != 0 : std::isdigit(c) != 0) : std::isalnum(c) != 0;
    if (!ok) break;
    ++i;
  }
  return i > start && i < text.size() && text[i] == ';';
}

void AppendEscapedText(std::string_view text, std::string* out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '"': *out += "&quot;"; break;
      case '\'': *out += "&#39;"; break;
      case '&': *out += StartsCharacterReference(text.substr(i)) ? "&" : "&amp;"; break;
      default: *out += c;
    }
  }
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string SafeSnippetHtml(std::string_view snippet) {
  std::string out;
  bool open = false;
  while (!snippet.empty()) {
    std::string_view tag = open ? kCloseMark : kOpenMark;
    std::size_t at = snippet.find(tag);
    AppendEscapedText(snippet.substr(0, at), &out);
    if (at == std::string_view::npos) break;
    out += tag;
    open = !open;
    snippet.remove_prefix(at + tag.size());
  }
  if (open) out += kCloseMark;
  return out;
}

}  // namespace hdcat::web
