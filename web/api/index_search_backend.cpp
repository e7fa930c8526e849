#include "web/api/index_search_backend.h"

#include "search/index_schema.h"

namespace hdcat::web::api {

Result<std::shared_ptr<const IndexSearchBackend>> IndexSearchBackend::Create(
    std::string index_root, std::shared_ptr<const search::IndexChangeSignal> signal) {
  auto vocabulary = search::SearchVocabulary::LoadEmbedded();
  if (!vocabulary.ok()) return vocabulary.error();
  return std::shared_ptr<const IndexSearchBackend>(
      new IndexSearchBackend(std::move(index_root), *vocabulary, std::move(signal)));
}

Result<search::SearchResponse> IndexSearchBackend::WithSearcher(const SearcherUse& use) const {
  std::unique_ptr<search::Searcher> searcher;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!searcher) {
    auto opened = search::Searcher::Open(index_, vocabulary_, search::RefreshPolicy{kRecheck, signal_});
    if (!opened.ok()) {
      Error error = opened.error();
      if (error.kind == ErrorKind::kNotFound) error.kind = ErrorKind::kUnavailable;  // no index published yet
      return error;
    }
    searcher = std::move(*opened);
  }
  auto response = use(*searcher);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(searcher));
  }
  return response;
}

Result<Json> IndexSearchBackend::Search(const SearchRequest& request) const {
  search::SearchRequest query;
  query.query = request.query;
  query.lang = request.language;
  query.sort = request.sort == "modified" ? search::SortOrder::kUpdated
               : request.sort == "title"  ? search::SortOrder::kTitle
                                          : search::SortOrder::kRelevance;
  query.offset = static_cast<int>(request.offset);
  query.limit = static_cast<int>(request.limit);
  for (const auto& [facet, value] : request.filters) query.filters[facet].push_back(value);
  for (std::string_view facet : search::schema::kFacets) query.facets.emplace_back(facet);

  auto response = WithSearcher([&query](search::Searcher& searcher) { return searcher.Search(query); });
  if (!response.ok()) return response.error();
  return search::ToJson(*response);
}

}  // namespace hdcat::web::api
