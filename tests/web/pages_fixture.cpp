#include "tests/web/pages_fixture.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "catalog/store/migrations.h"
#include "catalog/validator.h"
#include "search/catalog_sync.h"
#include "search/document_builder.h"
#include "search/index_manager.h"
#include "search/search_vocabulary.h"
#include "search/store_source.h"
#include "tests/support/paths.h"
#include "web/api/index_search_backend.h"
#include "web/api/store_catalog_reader.h"

namespace hdcat::testing {
namespace {

std::shared_ptr<const catalog::Validator> SharedValidator() {
  auto validator = catalog::Validator::Load();
  REQUIRE(validator.ok());
  return *validator;
}

void Store(catalog::CatalogStore& store, const Json& document) {
  auto put = store.PutDataset(document, "load:test");
  INFO((put.ok() ? std::string() : put.error().ToString()));
  REQUIRE(put.ok());
}

}  // namespace

Json SampleDataset(const std::string& path) {
  auto document = ParseJson(ReadFile(SourcePath("samples/datasets/" + path + ".json")));
  REQUIRE(document.ok());
  return *document;
}

PagesServer::PagesServer(PagesSetup setup) {
  auto validator = SharedValidator();
  database_ = std::make_unique<TestDatabase>();
  {
    auto conn = pg::Connection::Open(database_->conninfo());
    REQUIRE(conn.ok());
    REQUIRE(catalog::Migrate(**conn).ok());
    catalog::CatalogStore store(**conn, *validator);
    for (const auto& name : setup.holders) {
      auto document = ParseJson(ReadFile(SourcePath("samples/holders/" + name + ".json")));
      REQUIRE(document.ok());
      REQUIRE(store.PutHolder(*document, "load:test").ok());
    }
    for (const auto& path : setup.datasets) Store(store, SampleDataset(path));
    for (const auto& document : setup.extra_datasets) Store(store, document);

    if (setup.with_index) {
      std::random_device random;
      index_root_ = (std::filesystem::temp_directory_path() /
                     ("hdcat-pages-index-" + std::to_string(random()) + std::to_string(random())))
                        .string();
      auto vocabulary = search::SearchVocabulary::LoadEmbedded();
      REQUIRE(vocabulary.ok());
      search::StoreSource source(store);
      search::DocumentBuilder builder((*vocabulary)->coding_systems);
      search::IndexManager manager(index_root_);
      auto rebuilt = search::RebuildIndex(source, builder, manager);
      INFO((rebuilt.ok() ? std::string() : rebuilt.error().ToString()));
      REQUIRE(rebuilt.ok());
    }
  }

  web::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.drain_timeout = std::chrono::seconds(5);
  options.database = database_->conninfo();
  options.index_directory = index_root_;
  if (!setup.base_url.empty()) options.base_url = setup.base_url;
  options.access_log = [](const std::string&) {};
  web::ServerServices services;
  services.make_catalog = [validator](pg::ConnectionPool* pool) -> Result<std::shared_ptr<const web::api::CatalogReader>> {
    return std::shared_ptr<const web::api::CatalogReader>(std::make_shared<web::api::StoreCatalogReader>(pool, validator));
  };
  services.make_search = [](const std::string& root) -> Result<std::shared_ptr<const web::api::SearchBackend>> {
    if (root.empty()) return std::shared_ptr<const web::api::SearchBackend>();
    auto backend = web::api::IndexSearchBackend::Create(root);
    if (!backend.ok()) return backend.error();
    return std::shared_ptr<const web::api::SearchBackend>(*backend);
  };
  auto server = web::Server::Create(options, services);
  INFO((server.ok() ? std::string() : server.error().ToString()));
  REQUIRE(server.ok());
  server_ = std::move(*server);
  REQUIRE(server_->Start().ok());
  port_ = server_->port();
}

PagesServer::~PagesServer() {
  if (server_) server_->Shutdown();
  if (!index_root_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(index_root_, ignored);
  }
}

void PagesServer::PutDataset(const Json& document) {
  auto validator = SharedValidator();
  auto conn = pg::Connection::Open(database_->conninfo());
  REQUIRE(conn.ok());
  catalog::CatalogStore store(**conn, *validator);
  Store(store, document);
}

}  // namespace hdcat::testing
