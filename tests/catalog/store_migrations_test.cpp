// Schema migrations: idempotent, safe when several processes start at once,
// and refusing a database migrated from an edited file.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "catalog/pg/connection.h"
#include "catalog/store/migrations.h"
#include "tests/support/pg_fixture.h"

namespace hdcat::catalog {
namespace {

using hdcat::testing::TestDatabase;

TEST_CASE("embedded migrations are numbered 1, 2, 3 ... without gaps", "[migrations]") {
  auto migrations = EmbeddedMigrations();
  REQUIRE(migrations.ok());
  REQUIRE_FALSE(migrations->empty());
  for (std::size_t i = 0; i < migrations->size(); ++i) {
    CHECK((*migrations)[i].version == static_cast<int>(i + 1));
    CHECK((*migrations)[i].checksum.size() == 64);
  }
}

TEST_CASE("migrating twice applies everything once", "[migrations]") {
  TestDatabase db;
  auto conn = pg::Connection::Open(db.conninfo());
  REQUIRE(conn.ok());
  auto expected = EmbeddedMigrations();
  REQUIRE(expected.ok());

  auto first = Migrate(**conn);
  REQUIRE(first.ok());
  CHECK(first->applied.size() == expected->size());
  CHECK(first->current_version == expected->back().version);
  for (const char* table : {"holders", "datasets", "dataset_versions", "catalog_changes", "audit_log"}) {
    INFO(table);
    CHECK(db.Scalar(std::string("SELECT to_regclass('") + table + "') IS NOT NULL") == "t");
  }

  auto second = Migrate(**conn);
  REQUIRE(second.ok());
  CHECK(second->applied.empty());
  CHECK(second->current_version == first->current_version);
  CHECK(db.Scalar("SELECT count(*) FROM schema_migrations") == std::to_string(expected->size()));
}

TEST_CASE("processes migrating at the same time apply each migration exactly once", "[migrations]") {
  TestDatabase db;
  constexpr int kProcesses = 6;
  std::vector<std::unique_ptr<pg::Connection>> conns;
  for (int i = 0; i < kProcesses; ++i) {
    auto conn = pg::Connection::Open(db.conninfo());
    REQUIRE(conn.ok());
    conns.push_back(std::move(conn).value());
  }
  std::vector<Result<MigrationReport>> reports(kProcesses, Internal("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kProcesses; ++i) {
    threads.emplace_back([&, i] { reports[i] = Migrate(*conns[i]); });
  }
  for (auto& thread : threads) thread.join();

  std::size_t applied = 0;
  for (const auto& report : reports) {
    REQUIRE(report.ok());
    applied += report->applied.size();
  }
  auto expected = EmbeddedMigrations();
  REQUIRE(expected.ok());
  CHECK(applied == expected->size());
  CHECK(db.Scalar("SELECT count(*) FROM schema_migrations") == std::to_string(expected->size()));
}

TEST_CASE("a migration applied from a different file is refused", "[migrations]") {
  TestDatabase db;
  auto conn = pg::Connection::Open(db.conninfo());
  REQUIRE(conn.ok());
  REQUIRE(Migrate(**conn).ok());
  db.Exec("UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE version = 1");
  auto again = Migrate(**conn);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().kind == ErrorKind::kConflict);
  CHECK(again.error().message.find("0001_") != std::string::npos);
}

}  // namespace
}  // namespace hdcat::catalog
