// TestDatabase: a fresh, empty database in the private PostgreSQL cluster that
// ctest starts for the run (fixture `pg`, socket directory in
// HDCAT_TEST_PGHOST). Each instance creates its own uniquely named database
// and drops it when destroyed, so tests never see each other's rows and may
// run in parallel.
//
// Thread-safety: one instance per test; not shared.
#pragma once

#include <string>

namespace hdcat::testing {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // libpq connection string for the new database.
  const std::string& conninfo() const { return conninfo_; }
  const std::string& name() const { return name_; }

  // Runs SQL as the superuser on the test database; fails the test on error.
  void Exec(const std::string& sql) const;
  // First column of the first row of a query, as text ("" if no row).
  std::string Scalar(const std::string& sql) const;

 private:
  std::string host_;
  std::string name_;
  std::string conninfo_;
};

}  // namespace hdcat::testing
