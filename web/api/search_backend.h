// SearchBackend: full-text and faceted search as the web layer needs it.
//
// The search operation and the home page's facets call only this interface;
// the Xapian searcher in search/ provides the production implementation.
//
// A result is search::ToJson's form of a SearchResponse
// (search/search_request.h): {total, total_exact, relaxed, hits: [{public_id,
// ref, score, title, holder, holder_name, snippet, matched_because}],
// facets: {<facet>: [{value, count}]}, did_you_mean?}.
// An index that cannot be opened is kUnavailable; a query the parser rejects
// is kInvalidInput.
//
// Thread-safety: implementations must allow concurrent calls.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "search/searcher.h"

namespace hdcat::web::api {

struct SearchRequest {
  std::string query;                                          // user text; "" = everything
  std::vector<std::pair<std::string, std::string>> filters;  // facet -> value, AND-ed
  std::string sort = "relevance";                            // relevance | modified | title
  std::string language = "ja";                               // for titles, snippets and sort by title
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

// A use of one search::Searcher for the length of one call.
using SearcherUse = std::function<Result<search::SearchResponse>(search::Searcher& searcher)>;

class SearchBackend {
 public:
  virtual ~SearchBackend() = default;
  virtual Result<Json> Search(const SearchRequest& request) const = 0;
  // Lends a Searcher of the index to `use` (the CKAN API composes its own
  // index queries). Optional: the default answers kUnavailable.
  virtual Result<search::SearchResponse> WithSearcher(const SearcherUse& use) const {
    (void)use;
    return Unavailable("this search backend has no index searcher");
  }
};

}  // namespace hdcat::web::api
