#include "search/text_runs.h"

#include <xapian.h>

namespace hdcat::search {

bool IsCjkCodepoint(unsigned p) {
  return (p >= 0x2E80 && p <= 0x2EFF) || (p >= 0x3000 && p <= 0x9FFF) || (p >= 0xA700 && p <= 0xA71F) ||
         (p >= 0xAC00 && p <= 0xD7AF) || (p >= 0xF900 && p <= 0xFAFF) || (p >= 0xFE30 && p <= 0xFE4F) ||
         (p >= 0xFF00 && p <= 0xFFEF) || (p >= 0x20000 && p <= 0x2A6DF) || (p >= 0x2F800 && p <= 0x2FA1F);
}

std::vector<TextRun> SplitRuns(std::string_view text) {
  std::vector<TextRun> runs;
  TextRun current;
  bool in_run = false;
  auto flush = [&]() {
    if (in_run && !current.text.empty()) runs.push_back(std::move(current));
    current = TextRun();
    in_run = false;
  };
  std::string pending_infix;  // punctuation that may join two Latin word characters
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = *it;
    bool word = Xapian::Unicode::is_wordchar(ch);
    bool cjk = word && IsCjkCodepoint(ch);
    if (!word) {
      if (in_run && !current.cjk && pending_infix.empty() && (ch == '.' || ch == '-' || ch == '\'' || ch == '&')) {
        pending_infix.push_back(static_cast<char>(ch));
        continue;
      }
      pending_infix.clear();
      flush();
      continue;
    }
    if (in_run && current.cjk != cjk) {
      pending_infix.clear();
      flush();
    }
    if (!pending_infix.empty()) {
      current.text += pending_infix;
      pending_infix.clear();
    }
    in_run = true;
    current.cjk = cjk;
    Xapian::Unicode::append_utf8(current.text, ch);
  }
  flush();
  return runs;
}

std::vector<std::string> CjkCharacters(std::string_view run) {
  std::vector<std::string> out;
  for (Xapian::Utf8Iterator it(run.data(), run.size()); it != Xapian::Utf8Iterator(); ++it) {
    std::string ch;
    Xapian::Unicode::append_utf8(ch, *it);
    out.push_back(std::move(ch));
  }
  return out;
}

std::string TruncateUtf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

}  // namespace hdcat::search
