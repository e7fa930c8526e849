// NormalizeText: the one text normalisation applied to everything the search
// index sees, documents and queries alike. Index and query must go through the
// same routine, or a variant spelling written one way will never find the
// other.
//
// Steps, in order:
//   1. Unicode NFKC with case folding (ICU NFKC_Casefold): full-width Latin and
//      digits become ASCII (ＨｂＡ１ｃ -> hba1c, ２型 -> 2型), half-width
//      katakana becomes full-width (ﾚｾﾌﾟﾄ -> レセプト), compatibility forms are
//      decomposed (① -> 1, ㍻ -> 平成, Ⅱ -> ii).
//   2. Character folds NFKC leaves alone: hyphen-like characters (U+2010-2015,
//      U+2212, U+FE63) -> "-", wave dash U+301C -> "~", a few itaiji (髙 -> 高,
//      﨑 -> 崎), and, when `fold_small_kana_variants` is on, ヴァ/ヴィ/ヴ/ヴェ/ヴォ ->
//      バ/ビ/ブ/ベ/ボ.
//   3. Numerals of disease types and stages: Roman numerals I-XII and the kanji
//      一..十二 immediately before 型/期/度/相/群/類/号/級 (Ⅱ型, II型, 二型 -> 2型), and
//      Roman numerals after the English words type/stage/grade/phase/class
//      (type II -> type 2). A Roman numeral anywhere else stays a word, so
//      "vi" or "xi" in English prose is untouched.
//   4. Katakana long vowel: a trailing ー is dropped from katakana runs of four
//      or more characters (コンピューター -> コンピュータ, サーバー -> サーバ,
//      but コピー stays), as in JIS Z 8301 and Lucene's kuromoji_stemmer.
// Hiragana and katakana are kept distinct (がん / ガン is a synonym, not a fold).
//
// Invalid UTF-8 is replaced by U+FFFD, so the output is always valid UTF-8.
//
// Thread-safety: free functions without shared mutable state (ICU's
// normaliser instance is immutable and shared by ICU).
#pragma once

#include <string>
#include <string_view>

namespace hdcat::search {

struct NormalizeOptions {
  bool fold_small_kana_variants = true;  // ヴァ -> バ etc.
};

std::string NormalizeText(std::string_view text, const NormalizeOptions& options = {});

// NFKC only (no case folding or other folds): full-width letters and
// half-width katakana made ordinary, for text shown to people (snippets).
std::string NormalizeForDisplay(std::string_view text);

// Normalises a code from a coding system into its canonical search form:
// NormalizeText, then upper case, with dots, hyphens and white space removed
// (E11.9 -> E119, Ｅ１１．９ -> E119, k549-2 -> K5492).
std::string NormalizeCode(std::string_view code);

}  // namespace hdcat::search
