#include "search/text_normalizer.h"

#include <array>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

namespace hdcat::search {
namespace {

std::u32string Nfkc(std::string_view text, bool casefold) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                                : icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString folded;
  if (U_SUCCESS(status)) folded = normalizer->normalize(source, status);
  // ICU's own data cannot fail to load in a linked binary; keep the raw text if it does.
  if (U_FAILURE(status)) folded = source;
  std::u32string out;
  out.reserve(static_cast<std::size_t>(folded.length()));
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

void AppendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool IsAsciiAlnum(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsKatakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC; }
bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF); }

// Characters NFKC keeps distinct but a search should not.
char32_t FoldCharacter(char32_t c) {
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE63:
      return '-';
    case 0x301C:  // WAVE DASH; the full-width tilde already became "~" in NFKC
      return '~';
    case 0x9AD9:  // 髙
      return 0x9AD8;  // 高
    case 0xFA11:  // 﨑
      return 0x5D0E;  // 崎
    case 0x5D5C:  // 嵜
      return 0x5D0E;
    case 0x6FF5:  // 濵
      return 0x6D5C;  // 浜
    default:
      return c;
  }
}

// ヴァ -> バ, ヴィ -> ビ, ヴ -> ブ, ヴェ -> ベ, ヴォ -> ボ.
void FoldVuVariants(std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != U'ヴ') {
      out.push_back(text[i]);
      continue;
    }
    char32_t next = i + 1 < text.size() ? text[i + 1] : 0;
    switch (next) {
      case U'ァ': out.push_back(U'バ'); ++i; break;
      case U'ィ': out.push_back(U'ビ'); ++i; break;
      case U'ェ': out.push_back(U'ベ'); ++i; break;
      case U'ォ': out.push_back(U'ボ'); ++i; break;
      default: out.push_back(U'ブ'); break;
    }
  }
  text.swap(out);
}

// Roman numeral I..XII in lower case (the text is case-folded) -> its value, or 0.
int RomanValue(std::u32string_view run) {
  static constexpr std::array<std::u32string_view, 12> kNumerals = {
      U"i", U"ii", U"iii", U"iv", U"v", U"vi", U"vii", U"viii", U"ix", U"x", U"xi", U"xii"};
  for (std::size_t i = 0; i < kNumerals.size(); ++i) {
    if (kNumerals[i] == run) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool IsNumeralSuffix(char32_t c) {
  static constexpr std::u32string_view kSuffixes = U"型期度相群類号級";
  return kSuffixes.find(c) != std::u32string_view::npos;
}

int KanjiDigit(char32_t c) {
  static constexpr std::u32string_view kDigits = U"一二三四五六七八九十";
  std::size_t at = kDigits.find(c);
  return at == std::u32string_view::npos ? 0 : static_cast<int>(at) + 1;
}

bool EndsWithWord(std::u32string_view text, std::u32string_view word) {
  if (text.size() < word.size() || text.substr(text.size() - word.size()) != word) return false;
  return text.size() == word.size() || !IsAsciiAlnum(text[text.size() - word.size() - 1]);
}

// English context before a Roman numeral: "type ", "stage " ... (one space).
bool PrecededByEnglishOrdinalWord(std::u32string_view before) {
  if (before.empty() || before.back() != U' ') return false;
  before.remove_suffix(1);
  for (std::u32string_view word : {U"type", U"stage", U"grade", U"phase", U"class"}) {
    if (EndsWithWord(before, word)) return true;
  }
  return false;
}

void AppendNumber(int value, std::u32string& out) {
  for (char c : std::to_string(value)) out.push_back(static_cast<char32_t>(c));
}

void ConvertNumerals(std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = text[i];
    bool at_word_start = out.empty() || !IsAsciiAlnum(out.back());
    if (at_word_start && (c == 'i' || c == 'v' || c == 'x')) {
      std::size_t end = i;
      while (end < text.size() && (text[end] == 'i' || text[end] == 'v' || text[end] == 'x')) ++end;
      int value = RomanValue(std::u32string_view(text).substr(i, end - i));
      bool next_is_suffix = end < text.size() && IsNumeralSuffix(text[end]);
      bool next_ends_word = end == text.size() || !IsAsciiAlnum(text[end]);
      if (value > 0 && (next_is_suffix || (next_ends_word && PrecededByEnglishOrdinalWord(out)))) {
        AppendNumber(value, out);
        i = end;
        continue;
      }
      out.append(text, i, end - i);
      i = end;
      continue;
    }
    if (int digit = KanjiDigit(c); digit > 0) {
      // 二型, 十二期: one or two kanji numerals, then a type/stage suffix, and not
      // inside a longer kanji word (統一型 keeps its 一), except after 第.
      bool prefix_ok = out.empty() || !IsHan(out.back()) || out.back() == U'第';
      std::size_t end = i + 1;
      int value = digit;
      if (digit == 10 && end < text.size() && KanjiDigit(text[end]) > 0 && KanjiDigit(text[end]) < 3) {
        value = 10 + KanjiDigit(text[end]);
        ++end;
      }
      if (prefix_ok && end < text.size() && IsNumeralSuffix(text[end])) {
        AppendNumber(value, out);
        i = end;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  text.swap(out);
}

void DropTrailingLongVowels(std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsKatakana(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && IsKatakana(text[end])) ++end;
    std::size_t keep = end - i;
    if (keep >= 4 && text[end - 1] == U'ー') --keep;
    out.append(text, i, keep);
    i = end;
  }
  text.swap(out);
}

}  // namespace

std::string NormalizeText(std::string_view text, const NormalizeOptions& options) {
  std::u32string folded = Nfkc(text, /*casefold=*/true);
  for (char32_t& c : folded) c = FoldCharacter(c);
  if (options.fold_small_kana_variants) FoldVuVariants(folded);
  ConvertNumerals(folded);
  DropTrailingLongVowels(folded);
  std::string out;
  out.reserve(folded.size() * 3);
  for (char32_t c : folded) AppendUtf8(c, out);
  return out;
}

std::string NormalizeForDisplay(std::string_view text) {
  std::string out;
  for (char32_t c : Nfkc(text, /*casefold=*/false)) AppendUtf8(c, out);
  return out;
}

std::string NormalizeCode(std::string_view code) {
  std::string normalized = NormalizeText(code);
  std::string out;
  out.reserve(normalized.size());
  for (char c : normalized) {
    if (c == '.' || c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

}  // namespace hdcat::search
