// The PostgreSQL layer: parameters and typed getters, error kinds,
// transactions that roll back unless committed, and the connection pool.
#include <catch2/catch.hpp>

#include <chrono>

#include "catalog/pg/connection.h"
#include "catalog/pg/pg_error.h"
#include "catalog/pg/pool.h"
#include "catalog/pg/transaction.h"
#include "tests/support/pg_fixture.h"

namespace hdcat::pg {
namespace {

using hdcat::testing::TestDatabase;

std::unique_ptr<Connection> MustOpen(const TestDatabase& db) {
  auto conn = Connection::Open(db.conninfo());
  REQUIRE(conn.ok());
  return std::move(conn).value();
}

TEST_CASE("a connection that cannot be opened is kUnavailable", "[pg]") {
  auto conn = Connection::Open("host=/nonexistent-hdcat-socket-dir user=postgres dbname=postgres connect_timeout=2");
  REQUIRE_FALSE(conn.ok());
  CHECK(conn.error().kind == ErrorKind::kUnavailable);
}

TEST_CASE("parameters travel as values and come back typed", "[pg]") {
  TestDatabase db;
  auto conn = MustOpen(db);
  const std::string tricky = "糖尿病'); DROP TABLE x; --";
  auto rows = conn->Exec("SELECT $1::text AS t, $2::bigint AS n, $3::boolean AS b, $4::text AS missing, '{\"a\": [1]}'::jsonb AS j",
                         {tricky, std::int64_t{9007199254740993}, true, std::nullopt});
  REQUIRE(rows.ok());
  REQUIRE(rows->rows() == 1);
  CHECK(rows->Text(0, "t") == tricky);
  CHECK(rows->Int64(0, "n") == 9007199254740993);
  CHECK(rows->Bool(0, "b"));
  CHECK(rows->IsNull(0, rows->Column("missing")));
  CHECK_FALSE(rows->OptionalText(0, "missing").has_value());
  auto json = rows->JsonValue(0, "j");
  REQUIRE(json.ok());
  CHECK(*json == Json::parse(R"({"a":[1]})"));
}

TEST_CASE("SQLSTATEs map to error kinds", "[pg]") {
  struct Case {
    const char* sqlstate;
    ErrorKind kind;
  };
  const Case cases[] = {
      {"23505", ErrorKind::kConflict},     {"23503", ErrorKind::kConflict},  {"22P02", ErrorKind::kInvalidInput},
      {"22021", ErrorKind::kInvalidInput}, {"08006", ErrorKind::kUnavailable}, {"57P01", ErrorKind::kUnavailable},
      {"57014", ErrorKind::kTimeout},      {"40001", ErrorKind::kConflict},  {"42601", ErrorKind::kInternal},
      {"", ErrorKind::kUnavailable},
  };
  for (const auto& c : cases) {
    INFO(c.sqlstate);
    CHECK(KindForSqlState(c.sqlstate) == c.kind);
  }
}

TEST_CASE("server errors come back with their kind", "[pg]") {
  TestDatabase db;
  auto conn = MustOpen(db);
  REQUIRE(conn->ExecScript("CREATE TABLE t (k text PRIMARY KEY)").ok());
  REQUIRE(conn->Exec("INSERT INTO t VALUES ($1)", {"a"}).ok());

  auto duplicate = conn->Exec("INSERT INTO t VALUES ($1)", {"a"});
  REQUIRE_FALSE(duplicate.ok());
  CHECK(duplicate.error().kind == ErrorKind::kConflict);
  CHECK(duplicate.error().message.find("23505") != std::string::npos);

  auto bad_number = conn->Exec("SELECT $1::integer", {"twelve"});
  REQUIRE_FALSE(bad_number.ok());
  CHECK(bad_number.error().kind == ErrorKind::kInvalidInput);

  auto syntax = conn->Exec("SELEC 1");
  REQUIRE_FALSE(syntax.ok());
  CHECK(syntax.error().kind == ErrorKind::kInternal);
}

TEST_CASE("a transaction rolls back unless committed", "[pg]") {
  TestDatabase db;
  auto conn = MustOpen(db);
  REQUIRE(conn->ExecScript("CREATE TABLE t (k text PRIMARY KEY)").ok());

  {
    auto tx = Transaction::Begin(*conn);
    REQUIRE(tx.ok());
    REQUIRE(conn->Exec("INSERT INTO t VALUES ($1)", {"dropped"}).ok());
  }
  CHECK_FALSE(conn->in_transaction());
  CHECK(db.Scalar("SELECT count(*) FROM t") == "0");

  {
    auto tx = Transaction::Begin(*conn);
    REQUIRE(tx.ok());
    REQUIRE(conn->Exec("INSERT INTO t VALUES ($1)", {"kept"}).ok());
    REQUIRE(tx->Commit().ok());
  }
  CHECK(db.Scalar("SELECT string_agg(k, ',') FROM t") == "kept");

  SECTION("a transaction with a failed statement cannot be committed") {
    auto tx = Transaction::Begin(*conn);
    REQUIRE(tx.ok());
    REQUIRE(conn->Exec("INSERT INTO t VALUES ($1)", {"second"}).ok());
    REQUIRE_FALSE(conn->Exec("INSERT INTO t VALUES ($1)", {"kept"}).ok());
    CHECK_FALSE(tx->Commit().ok());
    CHECK_FALSE(conn->in_transaction());
    CHECK(db.Scalar("SELECT string_agg(k, ',') FROM t") == "kept");
  }

  SECTION("a nested transaction is a savepoint: its rollback keeps the outer work") {
    auto outer = Transaction::Begin(*conn);
    REQUIRE(outer.ok());
    REQUIRE(conn->Exec("INSERT INTO t VALUES ($1)", {"outer"}).ok());
    {
      auto failed = Transaction::Begin(*conn);
      REQUIRE(failed.ok());
      REQUIRE(conn->Exec("INSERT INTO t VALUES ($1)", {"undone"}).ok());
      REQUIRE_FALSE(conn->Exec("INSERT INTO t VALUES ($1)", {"kept"}).ok());
      CHECK_FALSE(failed->Commit().ok());
    }
    CHECK_FALSE(conn->transaction_failed());
    {
      auto dropped = Transaction::Begin(*conn);
      REQUIRE(dropped.ok());
      REQUIRE(conn->Exec("INSERT INTO t VALUES ($1)", {"dropped"}).ok());
    }  // destroyed without Commit: rolled back
    {
      auto inner = Transaction::Begin(*conn);
      REQUIRE(inner.ok());
      REQUIRE(conn->Exec("INSERT INTO t VALUES ($1)", {"inner"}).ok());
      REQUIRE(inner->Commit().ok());
    }
    CHECK(conn->in_transaction());
    CHECK(db.Scalar("SELECT string_agg(k, ',' ORDER BY k) FROM t") == "kept");  // nothing visible before the outer commit
    REQUIRE(outer->Commit().ok());
    CHECK(db.Scalar("SELECT string_agg(k, ',' ORDER BY k) FROM t") == "inner,kept,outer");
  }

  SECTION("a nested transaction cannot ask for another isolation") {
    auto outer = Transaction::Begin(*conn);
    REQUIRE(outer.ok());
    CHECK_FALSE(Transaction::Begin(*conn, Transaction::Isolation::kSerializable).ok());
  }
}

TEST_CASE("the pool reuses connections and bounds their number", "[pg]") {
  TestDatabase db;
  ConnectionPool pool(db.conninfo(), 2, std::chrono::milliseconds(200));
  std::vector<std::string> pids;
  {
    auto a = pool.Acquire();
    REQUIRE(a.ok());
    auto b = pool.Acquire();
    REQUIRE(b.ok());
    for (auto* lease : {&*a, &*b}) {
      auto pid = (*lease)->Exec("SELECT pg_backend_pid()");
      REQUIRE(pid.ok());
      pids.emplace_back(pid->Text(0, 0));
    }
    CHECK(pids[0] != pids[1]);
    CHECK(pool.open_count() == 2);
    auto c = pool.Acquire();
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().kind == ErrorKind::kUnavailable);
  }
  auto again = pool.Acquire();
  REQUIRE(again.ok());
  auto pid = (*again)->Exec("SELECT pg_backend_pid()");
  REQUIRE(pid.ok());
  CHECK((std::string(pid->Text(0, 0)) == pids[0] || std::string(pid->Text(0, 0)) == pids[1]));  // reused
  CHECK(pool.open_count() == 2);

  SECTION("a connection returned inside a transaction is closed, not reused") {
    REQUIRE((*again)->ExecScript("BEGIN").ok());
    { auto moved = std::move(again); }
    CHECK(pool.open_count() == 1);
  }
}

}  // namespace
}  // namespace hdcat::pg
