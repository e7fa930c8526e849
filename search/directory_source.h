// DirectorySource: a CatalogSource over a directory tree of JSON files, for
// samples, tests and benchmarks that need an index without a database.
//
// Every *.json file below the root is read once, at Open: an object with
// "holder_type" is a holder, one with "holder" and "title" a dataset, an array
// holds several of either; other files are ignored. The change log is empty.
//
// Thread-safety: immutable after Open; share freely.
#pragma once

#include <map>
#include <string>

#include "search/catalog_source.h"

namespace hdcat::search {

class DirectorySource : public CatalogSource {
 public:
  static Result<DirectorySource> Open(const std::string& root);

  // Adds documents directly (tests build small catalogs in memory).
  Status AddHolder(const Json& holder);
  Status AddDataset(const Json& dataset, std::optional<double> completeness = std::nullopt);

  Result<std::int64_t> LatestChangeId() override { return std::int64_t{0}; }
  Result<std::vector<CatalogChange>> ChangesAfter(std::int64_t, int) override {
    return std::vector<CatalogChange>{};
  }
  Result<std::vector<CatalogEntry>> ListDatasets(const std::string& after_public_id, int limit) override;
  Result<std::optional<CatalogEntry>> GetDataset(const std::string& public_id) override;
  Result<std::optional<Json>> GetHolder(const std::string& holder_id) override;

  std::size_t dataset_count() const { return datasets_.size(); }

 private:
  Status AddDocument(const Json& document, const std::string& origin);

  std::map<std::string, CatalogEntry> datasets_;
  std::map<std::string, Json> holders_;
};

}  // namespace hdcat::search
