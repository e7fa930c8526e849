// `hdcat serve`'s own index sync, end to end: a real server on 127.0.0.1 with
// StoreServices over a real PostgreSQL; catalog writes show up in (and
// withdrawals vanish from) /api/v1/search within seconds, with no reindex.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "base/json.h"
#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "catalog/validator.h"
#include "search/catalog_sync.h"
#include "search/search_vocabulary.h"
#include "search/store_source.h"
#include "tests/support/paths.h"
#include "tests/web/server_fixture.h"
#include "tests/web/server_test_client.h"

namespace hdcat::testing {
namespace {

using Clock = std::chrono::steady_clock;

class IndexRoot {
 public:
  IndexRoot() {
    std::random_device random;
    path_ = (std::filesystem::temp_directory_path() /
             ("hdcat-sync-index-" + std::to_string(random()) + std::to_string(random())))
                .string();
  }
  ~IndexRoot() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Public ids of the hits of /api/v1/search?q=`word` (empty while the index is missing).
std::vector<std::string> SearchIds(std::uint16_t port, const std::string& word) {
  TestResponse response = HttpGet(port, "/api/v1/search?q=" + word);
  std::vector<std::string> ids;
  if (response.status != 200) return ids;
  auto body = ParseJson(response.body);
  REQUIRE(body.ok());
  for (const Json& hit : body->value("hits", Json::array())) ids.push_back(hit.value("public_id", ""));
  return ids;
}

std::vector<std::string> AwaitSearch(std::uint16_t port, const std::string& word, std::size_t expected) {
  auto deadline = Clock::now() + std::chrono::seconds(10);
  std::vector<std::string> ids = SearchIds(port, word);
  while (ids.size() != expected && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ids = SearchIds(port, word);
  }
  return ids;
}

Json DatasetWithWord(const std::string& identifier, const std::string& word) {
  auto dataset = ParseJson(ReadFile(SourcePath("samples/datasets/bbj/bbj-samples-clinical.json")));
  REQUIRE(dataset.ok());
  (*dataset)["identifier"] = identifier;
  (*dataset)["title"]["en"] = "BioBank Japan " + word + " cohort";
  return *dataset;
}

}  // namespace

TEST_CASE("web_server: the server's index sync makes stored datasets searchable and withdrawn ones vanish",
          "[web][server][sync]") {
  IndexRoot root;
  std::string conninfo;
  TestServer server(TestServerSetup{.sample_holders = {"bbj"}, .options = [&](web::ServerOptions& options) {
                                      options.index_directory = root.path();
                                      conninfo = options.database;
                                    }});
  auto validator = catalog::Validator::Load();
  REQUIRE(validator.ok());
  auto conn = pg::Connection::Open(conninfo);
  REQUIRE(conn.ok());
  catalog::CatalogStore store(**conn, **validator);
  // `hdcat reindex` publishes the index the server then keeps up to date.
  auto vocabulary = search::SearchVocabulary::LoadEmbedded();
  REQUIRE(vocabulary.ok());
  search::StoreSource source(store);
  search::DocumentBuilder builder((*vocabulary)->coding_systems);
  REQUIRE(search::RebuildIndex(source, builder, search::IndexManager(root.path())).ok());

  auto put = store.PutDataset(DatasetWithWord("sync-web", "velvetotter"), "load:test");
  REQUIRE(put.ok());
  auto found = AwaitSearch(server.port(), "velvetotter", 1);
  REQUIRE(found == std::vector<std::string>{put->public_id});

  REQUIRE(store.WithdrawDataset(put->public_id, "no longer offered", "load:test").ok());
  CHECK(AwaitSearch(server.port(), "velvetotter", 0).empty());
}

TEST_CASE("web_server: with index sync off the server leaves the index alone", "[web][server][sync]") {
  IndexRoot root;
  std::string conninfo;
  TestServer server(TestServerSetup{.sample_holders = {"bbj"}, .options = [&](web::ServerOptions& options) {
                                      options.index_directory = root.path();
                                      options.index_sync = false;
                                      conninfo = options.database;
                                    }});
  auto validator = catalog::Validator::Load();
  REQUIRE(validator.ok());
  auto conn = pg::Connection::Open(conninfo);
  REQUIRE(conn.ok());
  catalog::CatalogStore store(**conn, **validator);
  REQUIRE(store.PutDataset(DatasetWithWord("no-sync", "saffronmole"), "load:test").ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK_FALSE(std::filesystem::exists(root.path()));
  CHECK(HttpGet(server.port(), "/api/v1/search?q=saffronmole").status == 503);
}

}  // namespace hdcat::testing
