// QueryBuilder: turns what a researcher typed into Xapian queries, in code
// rather than with Xapian's QueryParser (which in 1.4.22 fails on the most
// common catalog query shape, Latin-CJK-Latin such as `NDB 糖尿病 HbA1c`, and
// cannot expand synonyms inside Japanese text).
//
// The text is normalised (NormalizeText) and split on white space into
// units; consecutive words that together form a synonym term ("heart
// failure") are one unit. Each unit matches as:
//   - its own terms, tokenised exactly as the indexer's TermGenerator does:
//     Latin words as the word OR its English stem, CJK runs as the AND of
//     their bigrams (the unigram for a one-character run);
//   - OR each synonym of the unit, or of a synonym found inside a Japanese
//     unit (がん登録 -> 癌登録, 悪性新生物登録 ...), weighted kSynonymWeight;
//   - OR, when the unit looks like a code (ASCII with a digit, or matching a
//     coding system's code_pattern), the exact code term of every coding
//     system, which also finds longer codes through hierarchical prefixes.
// `strict` ANDs the units (the default), `relaxed` ORs them (used when strict
// finds nothing). `boost` holds ranking-only terms (a CJK run that starts a
// run in the document, a unit equal to a whole keyword or title).
//
// Thread-safety: immutable after construction; Build() may run concurrently.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "search/search_vocabulary.h"

namespace hdcat::search {

inline constexpr double kSynonymWeight = 0.8;

struct TermOrigin {
  std::string unit;     // the user's words, normalised
  std::string synonym;  // the synonym the term came from, "" for the user's own words
};

struct CodeTerm {
  std::string system;
  std::string code;  // as the user wrote it, normalised, in capitals
};

struct BuiltQuery {
  Xapian::Query strict;
  Xapian::Query relaxed;
  Xapian::Query boost;
  std::size_t unit_count = 0;
  std::vector<std::string> latin_words;          // candidates for "did you mean"
  std::vector<std::string> units;                // normalised units, in order
  std::map<std::string, TermOrigin> text_terms;  // free-text term -> where it came from
  std::map<std::string, CodeTerm> code_terms;    // code term -> system and code
  // The text query of each unit and synonym variant, keyed by (unit,
  // synonym; "" for the unit's own words), so an explanation can check that
  // the whole unit or synonym matched a document, not one stray n-gram.
  std::map<std::pair<std::string, std::string>, Xapian::Query> synonym_queries;
  // Terms for highlighting snippets: Xapian 1.4.22 marks CJK text by
  // unigrams only, so these are the unigrams of every CJK run plus the
  // Latin words and their stems.
  std::vector<std::string> highlight_terms;
  bool has_single_cjk_run = false;  // a one-character Japanese word was asked for
  bool empty() const { return unit_count == 0; }
};

class QueryBuilder {
 public:
  explicit QueryBuilder(std::shared_ptr<const SearchVocabulary> vocabulary) : vocabulary_(std::move(vocabulary)) {}

  // `index_systems` are the coding systems present in the index (codes are
  // looked up in each of them and in the vocabulary's systems).
  BuiltQuery Build(std::string_view text, const std::vector<std::string>& index_systems) const;

 private:
  std::shared_ptr<const SearchVocabulary> vocabulary_;
};

}  // namespace hdcat::search
