// Searcher: answers SearchRequests from the live search index.
//
// Before a search it reopens the index if a writer committed or a rebuild was
// published (RefreshPolicy says how often it looks: by default before every
// search; a server looks at most every `recheck` and at once when the
// in-process writer signals a commit), builds the query
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

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/result.h"
#include "search/index_change_signal.h"
#include "search/index_manager.h"
#include "search/query_builder.h"
#include "search/search_request.h"
#include "search/search_vocabulary.h"

namespace hdcat::search {

// When a Searcher over a managed index looks for a new revision or version.
struct RefreshPolicy {
  // Longest time between two looks; zero = before every search.
  std::chrono::milliseconds recheck{0};
  // Commits announced in-process; a new generation makes the next search look.
  std::shared_ptr<const IndexChangeSignal> signal;
};

// A query composed by the caller from index terms (the CKAN API translates
// Lucene syntax into one), run over dataset documents only. Totals are exact;
// facets (kFacets or kCkanFacets names) are counted over every match, as
// Solr does, not disjunctively. Ties after the sort keys fall to the public
// id, so paging never repeats or skips a dataset.
struct MatchRequest {
  Xapian::Query query = Xapian::Query::MatchAll;
  bool relevance_first = true;  // relevance, then sort_keys; false: sort_keys, then relevance
  std::vector<std::pair<Xapian::valueno, bool>> sort_keys;  // (slot, descending)
  int offset = 0;
  int limit = 10;
  std::vector<std::string> facets;
};

class Searcher {
 public:
  // Over the live version of a managed index, following commits and rebuilds.
  static Result<std::unique_ptr<Searcher>> Open(const IndexManager& index,
                                                std::shared_ptr<const SearchVocabulary> vocabulary,
                                                RefreshPolicy refresh = {});
  // Over one fixed database (tests, tools).
  Searcher(Xapian::Database database, std::shared_ptr<const SearchVocabulary> vocabulary);

  Result<SearchResponse> Search(const SearchRequest& request);

  // What Search() matches for `text` (the strict form: every word), for
  // callers composing a MatchRequest.
  Result<Xapian::Query> TextQuery(std::string_view text);
  // Hits carry public_id and score only. Fails with kUnavailable when the
  // index was built before the CKAN slots existed (schema version < 2).
  Result<SearchResponse> Match(const MatchRequest& request);

 private:
  Status Refresh();
  void LoadIndexSystems();
  Result<SearchResponse> SearchOnce(const SearchRequest& request);

  bool RefreshDue();

  std::optional<IndexManager> index_;
  RefreshPolicy refresh_;
  std::chrono::steady_clock::time_point last_refresh_;
  std::uint64_t seen_generation_ = 0;
  std::string opened_path_;
  Xapian::Database database_;
  std::shared_ptr<const SearchVocabulary> vocabulary_;
  QueryBuilder builder_;
  std::vector<std::string> index_systems_;
};

}  // namespace hdcat::search
