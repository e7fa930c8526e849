// A real hdcat Server on 127.0.0.1 for the page tests: a fresh migrated
// TestDatabase loaded with sample holders and datasets (plus any extra
// dataset documents a test makes up), and a search index rebuilt from that
// database, so pages see exactly what `hdcat serve` would.
//
// Thread-safety: one fixture per test.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/json.h"
#include "tests/support/pg_fixture.h"
#include "web/server/server.h"

namespace hdcat::testing {

struct PagesSetup {
  std::vector<std::string> holders;   // names under samples/holders/, without .json
  std::vector<std::string> datasets;  // paths under samples/datasets/, e.g. "mhlw/ndb-open-data"
  std::vector<Json> extra_datasets;   // documents stored after the samples
  bool with_index = true;
  std::string base_url = "";  // "" = the server's default
};

class PagesServer {
 public:
  explicit PagesServer(PagesSetup setup);
  ~PagesServer();

  std::uint16_t port() const { return port_; }
  // Stores one more version of a dataset after start (the index is not updated).
  void PutDataset(const Json& document);
  const std::string& conninfo() const { return database_->conninfo(); }

 private:
  std::unique_ptr<TestDatabase> database_;
  std::string index_root_;
  std::unique_ptr<web::Server> server_;
  std::uint16_t port_ = 0;
};

// A sample document, parsed.
Json SampleDataset(const std::string& path);

}  // namespace hdcat::testing
