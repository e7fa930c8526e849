// Splitting normalised text the way Xapian's TermGenerator does with
// FLAG_CJK_NGRAM (Xapian 1.4.22): runs of CJK word characters, which are
// indexed as unigrams and bigrams, and everything else. The indexer uses it
// for run-start boost terms and the query builder to recognise Japanese runs,
// so both must agree with Xapian's own idea of "CJK" (queryparser/
// cjk-tokenizer.cc): U+2E80-2EFF, U+3000-9FFF, A700-A71F, AC00-D7AF,
// F900-FAFF, FE30-FE4F, FF00-FFEF, 20000-2A6DF, 2F800-2FA1F, and a word
// character. ・ and 、。 therefore split runs, ー and 々 do not.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hdcat::search {

bool IsCjkCodepoint(unsigned codepoint);

struct TextRun {
  std::string text;
  bool cjk = false;
};

// Maximal runs of CJK word characters and of other word characters, in order;
// non-word characters separate runs and are dropped. Latin runs may span
// punctuation such as '.' or '-' only when it lies between word characters.
std::vector<TextRun> SplitRuns(std::string_view normalized_text);

// The CJK characters of a run, one UTF-8 string each.
std::vector<std::string> CjkCharacters(std::string_view run);

// Truncates `text` to at most `max_bytes` bytes without cutting a character.
std::string TruncateUtf8(std::string_view text, std::size_t max_bytes);

}  // namespace hdcat::search
