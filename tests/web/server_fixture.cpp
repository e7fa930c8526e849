#include "tests/web/server_fixture.h"

#include <catch2/catch.hpp>

#include "base/json.h"
#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "catalog/store/migrations.h"
#include "catalog/validator.h"
#include "tests/support/paths.h"
#include "web/server/store_services.h"

namespace hdcat::testing {

TestServer::TestServer(TestServerSetup setup) {
  web::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.drain_timeout = std::chrono::seconds(5);
  options.access_log = [this](const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mutex_);
    log_.push_back(line);
  };
  auto validator = catalog::Validator::Load();
  REQUIRE(validator.ok());
  std::shared_ptr<const catalog::Validator> shared_validator = *validator;

  if (setup.with_database) {
    database_ = std::make_unique<TestDatabase>();
    options.database = database_->conninfo();
    auto conn = pg::Connection::Open(database_->conninfo());
    REQUIRE(conn.ok());
    auto migrated = catalog::Migrate(**conn);
    REQUIRE(migrated.ok());
    catalog::CatalogStore store(**conn, *shared_validator);
    for (const auto& name : setup.sample_holders) {
      auto document = ParseJson(ReadFile(SourcePath("samples/holders/" + name + ".json")));
      REQUIRE(document.ok());
      auto put = store.PutHolder(*document, "load:test");
      INFO((put.ok() ? std::string() : put.error().ToString()));
      REQUIRE(put.ok());
    }
  } else {
    options.database = "host=/nonexistent-hdcat-socket-dir dbname=none user=none connect_timeout=2";
  }
  if (setup.options) setup.options(options);

  web::ServerServices services = web::StoreServices(shared_validator);
  auto server = web::Server::Create(options, services);
  INFO((server.ok() ? std::string() : server.error().ToString()));
  REQUIRE(server.ok());
  server_ = std::move(*server);
  if (setup.before_start) setup.before_start(*server_);
  auto started = server_->Start();
  REQUIRE(started.ok());
  port_ = server_->port();
  REQUIRE(port_ != 0);
}

TestServer::~TestServer() {
  if (server_) server_->Shutdown();
}

std::vector<std::string> TestServer::access_log() const {
  std::lock_guard<std::mutex> lock(log_mutex_);
  return log_;
}

}  // namespace hdcat::testing
