// Searcher: answers SearchRequests from the live search index.
//
// Each search reopens the index if a writer committed or a rebuild was
// published since the last one (cheap when nothing changed), builds the query
// with QueryBuilder, ANDs the user's words and, when that finds nothing,
// retries with OR and says so (`relaxed`). Facets are counted disjunctively:
// facets without a filter are counted in the main pass, each filtered facet in
// one extra counting pass without its own filter. Totals are exact.
// Each hit says why it matched: the fields its words were found in, and for
// codes and variable words the variable that carries them.
//
// Thread-safety: not thread-safe (a Xapian::Database is not); use one
// Searcher per thread. Searchers over the same index are independent.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/result.h"
#include "search/index_manager.h"
#include "search/query_builder.h"
#include "search/search_request.h"
#include "search/search_vocabulary.h"

namespace hdcat::search {

class Searcher {
 public:
  // Over the live version of a managed index, following rebuilds.
  static Result<std::unique_ptr<Searcher>> Open(const IndexManager& index,
                                                std::shared_ptr<const SearchVocabulary> vocabulary);
  // Over one fixed database (tests, tools).
  Searcher(Xapian::Database database, std::shared_ptr<const SearchVocabulary> vocabulary);

  Result<SearchResponse> Search(const SearchRequest& request);

 private:
  Status Refresh();
  void LoadIndexSystems();
  Result<SearchResponse> SearchOnce(const SearchRequest& request);

  std::optional<IndexManager> index_;
  std::string opened_path_;
  Xapian::Database database_;
  std::shared_ptr<const SearchVocabulary> vocabulary_;
  QueryBuilder builder_;
  std::vector<std::string> index_systems_;
};

}  // namespace hdcat::search
