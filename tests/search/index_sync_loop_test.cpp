// The continuous index sync against a real PostgreSQL: catalog writes reach
// the index within seconds, a lost connection is reopened, a rebuilt and
// published index is followed, and Stop() is prompt.
#include <catch2/catch.hpp>

#include <chrono>
#include <mutex>
#include <thread>

#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "catalog/store/migrations.h"
#include "catalog/validator.h"
#include "search/catalog_sync.h"
#include "search/index_sync_loop.h"
#include "search/store_source.h"
#include "tests/search/test_corpus.h"
#include "tests/support/paths.h"
#include "tests/support/pg_fixture.h"

namespace hdcat::search {
namespace {

using testing::TempDir;
using testing::Vocabulary;
using Clock = std::chrono::steady_clock;

constexpr auto kBound = std::chrono::seconds(10);

Json Sample(const std::string& relative) {
  auto parsed = ParseJson(hdcat::testing::ReadFile(hdcat::testing::SourcePath("samples/" + relative)));
  REQUIRE(parsed.ok());
  return *parsed;
}

// A sample dataset under a new identifier whose English title holds `word`.
Json DatasetWithWord(const std::string& identifier, const std::string& word) {
  Json dataset = Sample("datasets/bbj/bbj-samples-clinical.json");
  dataset["identifier"] = identifier;
  dataset["title"]["en"] = "BioBank Japan " + word + " cohort";
  return dataset;
}

struct Catalog {
  hdcat::testing::TestDatabase db;
  std::shared_ptr<const catalog::Validator> validator;
  std::unique_ptr<pg::Connection> conn;
  std::unique_ptr<catalog::CatalogStore> store;

  Catalog() {
    auto loaded = catalog::Validator::Load();
    REQUIRE(loaded.ok());
    validator = *loaded;
    auto opened = pg::Connection::Open(db.conninfo());
    REQUIRE(opened.ok());
    conn = std::move(*opened);
    REQUIRE(catalog::Migrate(*conn).ok());
    store = std::make_unique<catalog::CatalogStore>(*conn, *validator);
    REQUIRE(store->PutHolder(Sample("holders/bbj.json"), "load:test").ok());
  }

  void Put(const Json& dataset) {
    auto put = store->PutDataset(dataset, "load:test");
    INFO((put.ok() ? std::string() : put.error().ToString()));
    REQUIRE(put.ok());
  }
};

class Lines {
 public:
  std::function<void(const std::string&)> Sink() {
    return [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(mutex_);
      lines_.push_back(line);
    };
  }
  std::string Joined() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string out;
    for (const auto& line : lines_) out += line + "\n";
    return out;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> lines_;
};

IndexSyncOptions FastOptions(const Catalog& catalog, const std::string& root, Lines& log) {
  IndexSyncOptions options;
  options.conninfo = catalog.db.conninfo();
  options.index_root = root;
  options.poll_interval = std::chrono::minutes(10);  // only notifications wake it in these tests
  options.min_interval = std::chrono::milliseconds(20);
  options.backoff_initial = std::chrono::milliseconds(50);
  options.backoff_max = std::chrono::milliseconds(400);
  options.log = log.Sink();
  return options;
}

// What `hdcat reindex` does first: the loop keeps an index, it never creates one.
void Rebuild(const Catalog& catalog, const IndexManager& index) {
  auto conn = pg::Connection::Open(catalog.db.conninfo());
  REQUIRE(conn.ok());
  catalog::CatalogStore store(**conn, *catalog.validator);
  StoreSource source(store);
  DocumentBuilder builder(Vocabulary()->coding_systems);
  auto rebuilt = RebuildIndex(source, builder, index);
  INFO((rebuilt.ok() ? std::string() : rebuilt.error().ToString()));
  REQUIRE(rebuilt.ok());
}

// Hits for `word` in the live index, or -1 while no index is published.
std::int64_t Hits(const IndexManager& index, const std::string& word) {
  auto searcher = Searcher::Open(index, Vocabulary());
  if (!searcher.ok()) return -1;
  SearchRequest request;
  request.query = word;
  auto response = (*searcher)->Search(request);
  REQUIRE(response.ok());
  return response->total;
}

// Waits up to kBound for `word` to have `expected` hits; how long it took.
std::chrono::milliseconds AwaitHits(const IndexManager& index, const std::string& word, std::int64_t expected) {
  auto start = Clock::now();
  while (Hits(index, word) != expected && Clock::now() - start < kBound) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  REQUIRE(Hits(index, word) == expected);
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

TEST_CASE("search index sync applies stored and withdrawn datasets within seconds", "[search][sync][pg]") {
  Catalog catalog;
  TempDir dir;
  IndexManager index(dir.path() + "/index");
  Rebuild(catalog, index);
  Lines log;
  auto options = FastOptions(catalog, index.root(), log);
  auto signal = std::make_shared<IndexChangeSignal>();
  options.signal = signal;
  auto loop = IndexSyncLoop::Create(options, catalog.validator);
  REQUIRE(loop.ok());
  REQUIRE((*loop)->Start().ok());

  catalog.Put(DatasetWithWord("sync-one", "zephyrquokka"));
  AwaitHits(index, "zephyrquokka", 1);
  CHECK(signal->generation() > 0);

  auto withdrawn = catalog.store->WithdrawDataset("bbj/sync-one", "test", "load:test");
  REQUIRE(withdrawn.ok());
  AwaitHits(index, "zephyrquokka", 0);
  auto latest = catalog.store->LatestChangeId();
  REQUIRE(latest.ok());
  auto start = Clock::now();
  while ((*loop)->last_change_id() != *latest && Clock::now() - start < kBound) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK((*loop)->last_change_id() == *latest);
  INFO(log.Joined());
  CHECK(log.Joined().find("applied") != std::string::npos);
}

TEST_CASE("search index sync reconnects after its database connection is lost", "[search][sync][pg]") {
  Catalog catalog;
  TempDir dir;
  IndexManager index(dir.path() + "/index");
  Rebuild(catalog, index);
  Lines log;
  auto loop = IndexSyncLoop::Create(FastOptions(catalog, index.root(), log), catalog.validator);
  REQUIRE(loop.ok());
  REQUIRE((*loop)->Start().ok());
  catalog.Put(DatasetWithWord("before-restart", "quillfeather"));
  AwaitHits(index, "quillfeather", 1);

  // What a server restart does to the loop's session.
  auto killed = catalog.conn->Exec(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  REQUIRE(killed.ok());
  REQUIRE(killed->Int64(0, 0) >= 1);

  catalog.Put(DatasetWithWord("after-restart", "marbleduck"));
  AwaitHits(index, "marbleduck", 1);
  INFO(log.Joined());
  CHECK(log.Joined().find("retrying") != std::string::npos);
}

TEST_CASE("search index sync continues on a rebuilt index published while it runs", "[search][sync][pg]") {
  Catalog catalog;
  TempDir dir;
  IndexManager index(dir.path() + "/index");
  Rebuild(catalog, index);
  Lines log;
  auto loop = IndexSyncLoop::Create(FastOptions(catalog, index.root(), log), catalog.validator);
  REQUIRE(loop.ok());
  REQUIRE((*loop)->Start().ok());
  catalog.Put(DatasetWithWord("first", "amberlynx"));
  AwaitHits(index, "amberlynx", 1);
  auto first_version = index.CurrentPath();
  REQUIRE(first_version.ok());

  // `hdcat reindex` in another process: build beside the live one and publish.
  Rebuild(catalog, index);
  REQUIRE(*index.CurrentPath() != *first_version);

  catalog.Put(DatasetWithWord("second", "cobaltheron"));
  AwaitHits(index, "cobaltheron", 1);
  CHECK(Hits(index, "amberlynx") == 1);
}

TEST_CASE("search index sync waits for a published index instead of creating one", "[search][sync][pg]") {
  Catalog catalog;
  TempDir dir;
  IndexManager index(dir.path() + "/index");
  Lines log;
  auto loop = IndexSyncLoop::Create(FastOptions(catalog, index.root(), log), catalog.validator);
  REQUIRE(loop.ok());
  REQUIRE((*loop)->Start().ok());
  catalog.Put(DatasetWithWord("early", "tangerinewolf"));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  CHECK_FALSE(index.CurrentPath().ok());
  Rebuild(catalog, index);
  catalog.Put(DatasetWithWord("later", "tangerinewolf"));
  AwaitHits(index, "tangerinewolf", 2);
}

TEST_CASE("search index sync stops promptly while waiting", "[search][sync][pg]") {
  Catalog catalog;
  TempDir dir;
  Lines log;
  auto loop = IndexSyncLoop::Create(FastOptions(catalog, dir.path() + "/index", log), catalog.validator);
  REQUIRE(loop.ok());
  REQUIRE((*loop)->Start().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto start = Clock::now();
  (*loop)->Stop();
  CHECK(Clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("search index sync refuses an incomplete configuration", "[search][sync]") {
  auto validator = catalog::Validator::Load();
  REQUIRE(validator.ok());
  IndexSyncOptions options;
  options.index_root = "/tmp/unused";
  auto no_database = IndexSyncLoop::Create(options, *validator);
  REQUIRE_FALSE(no_database.ok());
  CHECK(no_database.error().kind == ErrorKind::kInvalidInput);
  options.conninfo = "dbname=unused";
  options.index_root.clear();
  auto no_index = IndexSyncLoop::Create(options, *validator);
  REQUIRE_FALSE(no_index.ok());
  CHECK(no_index.error().kind == ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace hdcat::search
