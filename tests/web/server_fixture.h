// A real hdcat Server on 127.0.0.1 (port 0) for tests, backed by a fresh
// migrated TestDatabase and the PostgreSQL store, with the access log kept in
// memory. `Holders` loads sample holder descriptions through the store.
//
// Thread-safety: one fixture per test.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tests/support/pg_fixture.h"
#include "web/server/server.h"

namespace hdcat::testing {

struct TestServerSetup {
  bool with_database = true;                         // false: conninfo of an unreachable database
  std::vector<std::string> sample_holders = {};      // names under samples/holders/, without .json
  std::function<void(web::ServerOptions&)> options = {};  // adjust options before Create
  std::function<void(web::Server&)> before_start = {};  // e.g. add routes
};

class TestServer {
 public:
  explicit TestServer(TestServerSetup setup = {});
  ~TestServer();

  web::Server& server() { return *server_; }
  std::uint16_t port() const { return port_; }
  std::vector<std::string> access_log() const;

 private:
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<web::Server> server_;
  std::uint16_t port_ = 0;
  mutable std::mutex log_mutex_;
  std::vector<std::string> log_;
};

}  // namespace hdcat::testing
