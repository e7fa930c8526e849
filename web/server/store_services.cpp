#include "web/server/store_services.h"

#include "web/api/index_search_backend.h"
#include "web/api/store_catalog_reader.h"

namespace hdcat::web {

ServerServices StoreServices(std::shared_ptr<const catalog::Validator> validator) {
  ServerServices services;
  services.validator = validator;
  services.make_catalog = [validator](pg::ConnectionPool* pool) -> Result<std::shared_ptr<const api::CatalogReader>> {
    if (pool == nullptr) return std::shared_ptr<const api::CatalogReader>();
    return std::shared_ptr<const api::CatalogReader>(std::make_shared<api::StoreCatalogReader>(pool, validator));
  };
  // The in-process index sync tells the searchers about each commit.
  auto index_changes = std::make_shared<search::IndexChangeSignal>();
  services.make_search = [index_changes](const std::string& index_directory)
      -> Result<std::shared_ptr<const api::SearchBackend>> {
    if (index_directory.empty()) return std::shared_ptr<const api::SearchBackend>();
    auto backend = api::IndexSearchBackend::Create(index_directory, index_changes);
    if (!backend.ok()) return backend.error();
    return std::shared_ptr<const api::SearchBackend>(*backend);
  };
  services.make_index_sync = [validator, index_changes](const ServerOptions& options) {
    search::IndexSyncOptions sync;
    sync.conninfo = options.database;
    sync.index_root = options.index_directory;
    sync.signal = index_changes;
    return search::IndexSyncLoop::Create(std::move(sync), validator);
  };
  return services;
}

}  // namespace hdcat::web
