// LuceneQuery: the subset of Lucene/Solr query syntax that CKAN clients send
// in package_search's `q` and `fq`, parsed into a tree and evaluated against
// one dataset's fields (web/ckan/ckan_fields.h).
//
// Accepted: bare terms and "quoted phrases" (searched in the catch-all `text`
// field); field:value, field:"phrase", field:(a OR b), field:* and
// field:prefix*; ranges field:[a TO b] and field:{a TO b} with * for an open
// end and NOW for the current time; AND / OR / NOT, && / || / !, + and -
// prefixes, parentheses; *:* for everything. Words side by side are ANDed
// (CKAN runs Solr with q.op=AND). Backslash escapes a character. Local
// parameters ({!...}) and anything else unparseable are refused with
// kInvalidInput, which package_search reports as a Search Query Error.
//
// Matching: text fields (title, notes, text, res_name, res_description,
// author, maintainer, extras_*) match when the normalised value contains the
// normalised word or phrase (search::NormalizeText), so Japanese works
// without word segmentation; other fields match a whole value, ignoring case.
// Range bounds compare as numbers when both sides are numbers, as instants
// when both are dates or timestamps ("2024-01-01", "2024-01-01T00:00:00Z" and
// CKAN's naive "2024-01-01T00:00:00.000000" name the same instant), and as
// strings otherwise.
//
// Thread-safety: a parsed query is immutable and may be shared.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "web/ckan/ckan_fields.h"

namespace hdcat::web::ckan {

struct QueryNode {
  enum class Kind { kAll, kAnd, kOr, kNot, kTerm, kPhrase, kPrefix, kExists, kRange };
  Kind kind = Kind::kAll;
  std::vector<QueryNode> children;  // kAnd, kOr, kNot (one child)
  std::string field;                // "text" for unfielded words
  std::string value;                // kTerm, kPhrase, kPrefix
  std::string lower, upper;         // kRange: "" = open end
  bool include_lower = true, include_upper = true;
};

class LuceneQuery {
 public:
  // "" (or only spaces) parses to a query matching everything.
  static Result<LuceneQuery> Parse(std::string_view text);

  bool Matches(const CkanFields& fields) const;
  // A relevance score for sorting by `score`: how often and where the
  // positive words and phrases occur (name and title weigh most, as in CKAN's qf).
  double Score(const CkanFields& fields) const;

  const QueryNode& root() const { return root_; }

 private:
  explicit LuceneQuery(QueryNode root) : root_(std::move(root)) {}
  QueryNode root_;
};

}  // namespace hdcat::web::ckan
