// IndexSearchBackend: the SearchBackend served from the Xapian index that
// search/ maintains under an index root directory (see search/index_manager.h).
//
// Searchers are not thread-safe, so the backend keeps a small stack of idle
// ones: a call takes one (opening a new one when none is idle), searches,
// and puts it back. A Searcher follows index rebuilds by itself. The index
// may be missing when the backend is created; searches then fail with
// kUnavailable until one is published.
//
// Thread-safety: thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "search/index_manager.h"
#include "search/search_vocabulary.h"
#include "search/searcher.h"
#include "web/api/search_backend.h"

namespace hdcat::web::api {

class IndexSearchBackend : public SearchBackend {
 public:
  static Result<std::shared_ptr<const IndexSearchBackend>> Create(std::string index_root);

  Result<Json> Search(const SearchRequest& request) const override;

 private:
  IndexSearchBackend(std::string index_root, std::shared_ptr<const search::SearchVocabulary> vocabulary)
      : index_(std::move(index_root)), vocabulary_(std::move(vocabulary)) {}

  search::IndexManager index_;
  std::shared_ptr<const search::SearchVocabulary> vocabulary_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<search::Searcher>> idle_;  // guarded by mutex_
};

}  // namespace hdcat::web::api
