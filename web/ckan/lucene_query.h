// LuceneQuery: the subset of Lucene/Solr query syntax that CKAN clients send
// in package_search's `q` and `fq`, parsed into a tree that
// web/ckan/index_query.h turns into a search-index query.
//
// Accepted: bare terms and "quoted phrases" (searched in the catch-all `text`
// field); field:value, field:"phrase", field:(a OR b), field:* and
// field:prefix*; ranges field:[a TO b] and field:{a TO b} with * for an open
// end and NOW, NOW-7DAYS, NOW+1HOUR for the current time (resolved at parse
// time to naive UTC "YYYY-MM-DDTHH:MM:SS"); AND / OR / NOT, && / || / !, + and
// - prefixes, parentheses; *:* for everything. Words side by side are ANDed
// (CKAN runs Solr with q.op=AND). Backslash escapes a character. Local
// parameters ({!...}) and anything else unparseable are refused with
// kInvalidInput, which package_search reports as a Search Query Error.
//
// Thread-safety: a parsed query is immutable and may be shared.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

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

  const QueryNode& root() const { return root_; }

 private:
  explicit LuceneQuery(QueryNode root) : root_(std::move(root)) {}
  QueryNode root_;
};

}  // namespace hdcat::web::ckan
