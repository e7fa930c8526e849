// StoreCatalogReader: the CatalogReader served from the PostgreSQL store.
//
// Each call leases a connection from the pool for its duration and reads
// through catalog::CatalogStore, so the web layer sees exactly what the store
// considers the current catalog (withdrawn datasets are listed only by
// reference, never in lists). Holder and dataset lists come back in the
// store's order; versions newest first.
//
// Thread-safety: thread-safe; the pool hands each call its own connection.
#pragma once

#include <memory>

#include "catalog/pg/pool.h"
#include "catalog/validator.h"
#include "web/api/catalog_reader.h"

namespace hdcat::web::api {

class StoreCatalogReader : public CatalogReader {
 public:
  StoreCatalogReader(pg::ConnectionPool* pool, std::shared_ptr<const catalog::Validator> validator);

  Result<Page> ListHolders(const PageRequest& page) const override;
  Result<Json> GetHolder(const std::string& holder) const override;
  Result<Page> ListDatasets(const DatasetFilter& filter, const PageRequest& page) const override;
  Result<Json> GetDataset(const std::string& holder, const std::string& identifier) const override;
  Result<Json> GetDatasetSummary(const std::string& holder, const std::string& identifier) const override;
  Result<Json> GetDatasetRecord(const std::string& dataset_ref) const override;
  Result<Page> ListVersions(const std::string& holder, const std::string& identifier,
                            const PageRequest& page) const override;
  Result<Json> GetVersion(const std::string& holder, const std::string& identifier,
                          std::int64_t version) const override;

 private:
  pg::ConnectionPool* pool_;
  std::shared_ptr<const catalog::Validator> validator_;
};

}  // namespace hdcat::web::api
