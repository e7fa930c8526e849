// A small catalog written for the search tests: nine datasets from eight
// holders chosen so each Japanese-search pitfall has a document that shows it
// (full-width and half-width forms, Roman numerals, long vowels, 京都/東京都,
// several names of the NDB, codes with and without dots), plus a TestIndex
// that builds it into a temporary managed index and searches it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/json.h"
#include "search/directory_source.h"
#include "search/index_manager.h"
#include "search/searcher.h"

namespace hdcat::search::testing {

struct CorpusDataset {
  Json dataset;
  double completeness;
};

struct Corpus {
  std::vector<Json> holders;
  std::vector<CorpusDataset> datasets;

  const Json* Holder(const std::string& id) const;
};

Corpus MakeCorpus();
std::string RefOf(const Json& dataset);  // "holder/identifier"

// A temporary directory removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::shared_ptr<const SearchVocabulary> Vocabulary();
DirectorySource SourceOf(const Corpus& corpus);

class TestIndex {
 public:
  explicit TestIndex(const Corpus& corpus);

  SearchResponse Search(const SearchRequest& request);
  SearchResponse Search(const std::string& query);
  // Refs ("holder/identifier") of the hits, in order (up to 100).
  std::vector<std::string> Refs(const std::string& query);

  const IndexManager& manager() const { return manager_; }

 private:
  TempDir dir_;
  IndexManager manager_;
  std::unique_ptr<Searcher> searcher_;
};

}  // namespace hdcat::search::testing
