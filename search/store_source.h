// StoreSource: the PostgreSQL catalog store (catalog/store/catalog_store.h)
// seen as a CatalogSource, so `hdcat reindex` and the harvest hook can
// rebuild and update the search index from the system of record.
//
// A withdrawn dataset counts as absent (it is removed from the index), and
// the change log's "withdrawn" entries are deletions.
//
// Thread-safety: as the CatalogStore it wraps — one thread at a time.
#pragma once

#include "catalog/store/catalog_store.h"
#include "search/catalog_source.h"

namespace hdcat::search {

class StoreSource : public CatalogSource {
 public:
  explicit StoreSource(catalog::CatalogStore& store) : store_(store) {}

  Result<std::int64_t> LatestChangeId() override;
  Result<std::vector<CatalogChange>> ChangesAfter(std::int64_t after, int limit) override;
  Result<std::vector<CatalogEntry>> ListDatasets(const std::string& after_public_id, int limit) override;
  Result<std::optional<CatalogEntry>> GetDataset(const std::string& public_id) override;
  Result<std::optional<Json>> GetHolder(const std::string& holder_id) override;

 private:
  catalog::CatalogStore& store_;
};

}  // namespace hdcat::search
