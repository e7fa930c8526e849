#include "tests/support/pg_fixture.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>

namespace hdcat::testing {
namespace {

std::string RequireHost() {
  const char* host = std::getenv("HDCAT_TEST_PGHOST");
  if (host == nullptr || *host == '\0') {
    throw std::runtime_error("HDCAT_TEST_PGHOST is not set: run the tests through ctest, which starts PostgreSQL");
  }
  return host;
}

using Conn = std::unique_ptr<PGconn, decltype(&PQfinish)>;

Conn Connect(const std::string& conninfo) {
  Conn conn(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    throw std::runtime_error("cannot connect to test PostgreSQL: " + std::string(PQerrorMessage(conn.get())));
  }
  return conn;
}

std::string Run(const std::string& conninfo, const std::string& sql, bool want_scalar) {
  Conn conn = Connect(conninfo);
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
  auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw std::runtime_error("SQL failed: " + sql + ": " + PQresultErrorMessage(result.get()));
  }
  if (want_scalar && PQntuples(result.get()) > 0 && !PQgetisnull(result.get(), 0, 0)) {
    return PQgetvalue(result.get(), 0, 0);
  }
  return "";
}

}  // namespace

TestDatabase::TestDatabase() : host_(RequireHost()) {
  static std::atomic<int> counter{0};
  std::random_device device;
  name_ = "t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(device() % 100000);
  Run("host=" + host_ + " user=postgres dbname=postgres", "CREATE DATABASE " + name_ + " TEMPLATE template0 ENCODING 'UTF8'",
      false);
  conninfo_ = "host=" + host_ + " user=postgres dbname=" + name_;
}

TestDatabase::~TestDatabase() {
  try {
    Run("host=" + host_ + " user=postgres dbname=postgres", "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)", false);
  } catch (...) {
    // A leftover database in a throwaway cluster is harmless.
  }
}

void TestDatabase::Exec(const std::string& sql) const { Run(conninfo_, sql, false); }

std::string TestDatabase::Scalar(const std::string& sql) const { return Run(conninfo_, sql, true); }

}  // namespace hdcat::testing
