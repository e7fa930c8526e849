#include "harvesters/jobs/stored_text.h"

#include "base/utf8.h"

namespace hdcat::harvesters {

std::string StoredText(std::string_view text, std::size_t max_bytes) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size() < max_bytes ? text.size() : max_bytes);
  while (!text.empty() && out.size() < max_bytes) {
    std::size_t bad = FindInvalidUtf8(text);
    std::string_view good = text.substr(0, bad);
    for (char c : good) {
      if (c != '\0') out += c;
    }
    if (bad == std::string_view::npos) break;
    out += kReplacement;
    text.remove_prefix(bad + 1);
  }
  if (out.size() > max_bytes) {
    std::size_t cut = max_bytes;
    // Back up to the start of a character (continuation bytes are 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

}  // namespace hdcat::harvesters
