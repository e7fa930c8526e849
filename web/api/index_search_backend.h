// IndexSearchBackend: the SearchBackend served from the Xapian index that
// search/ maintains under an index root directory (see search/index_manager.h).
//
// Searchers are not thread-safe, so the backend keeps a small stack of idle
// ones: a call takes one (opening a new one when none is idle), searches,
// and puts it back. A Searcher follows index commits and rebuilds by itself,
// looking for a new revision at most every kRecheck, and at once after the
// in-process index sync signals a commit (`signal`, optional). The index may
// be missing when the backend is created; searches then fail with
// kUnavailable until one is published.
//
// Thread-safety: thread-safe.
#pragma once

#include <chrono>
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
  static constexpr std::chrono::milliseconds kRecheck{1000};

  static Result<std::shared_ptr<const IndexSearchBackend>> Create(
      std::string index_root, std::shared_ptr<const search::IndexChangeSignal> signal = nullptr);

  Result<Json> Search(const SearchRequest& request) const override;
  Result<search::SearchResponse> WithSearcher(const SearcherUse& use) const override;

 private:
  IndexSearchBackend(std::string index_root, std::shared_ptr<const search::SearchVocabulary> vocabulary,
                     std::shared_ptr<const search::IndexChangeSignal> signal)
      : index_(std::move(index_root)), vocabulary_(std::move(vocabulary)), signal_(std::move(signal)) {}

  search::IndexManager index_;
  std::shared_ptr<const search::SearchVocabulary> vocabulary_;
  std::shared_ptr<const search::IndexChangeSignal> signal_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<search::Searcher>> idle_;  // guarded by mutex_
};

}  // namespace hdcat::web::api
