#include "web/server/store_services.h"

#include "web/api/index_search_backend.h"
#include "web/api/store_catalog_reader.h"

namespace hdcat::web {

ServerServices StoreServices(std::shared_ptr<const catalog::Validator> validator) {
  ServerServices services;
  services.make_catalog = [validator](pg::ConnectionPool* pool) -> Result<std::shared_ptr<const api::CatalogReader>> {
    if (pool == nullptr) return std::shared_ptr<const api::CatalogReader>();
    return std::shared_ptr<const api::CatalogReader>(std::make_shared<api::StoreCatalogReader>(pool, validator));
  };
  services.make_search = [](const std::string& index_directory) -> Result<std::shared_ptr<const api::SearchBackend>> {
    if (index_directory.empty()) return std::shared_ptr<const api::SearchBackend>();
    auto backend = api::IndexSearchBackend::Create(index_directory);
    if (!backend.ok()) return backend.error();
    return std::shared_ptr<const api::SearchBackend>(*backend);
  };
  return services;
}

}  // namespace hdcat::web
