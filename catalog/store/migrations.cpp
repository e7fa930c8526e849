#include "catalog/store/migrations.h"

#include <algorithm>
#include <cstdio>

#include "base/hash.h"
#include "catalog/pg/transaction.h"
#include "schemas/resources.h"

namespace hdcat::catalog {
namespace {

constexpr std::string_view kPrefix = "migrations/";

// "migrations/0001_catalog.sql" -> {1, "catalog"}.
Result<Migration> ParseName(std::string_view path) {
  std::string_view file = path.substr(kPrefix.size());
  auto bad = [&] {
    return Internal("embedded migration '" + std::string(path) + "' is not named NNNN_name.sql");
  };
  if (file.size() < 10 || !file.ends_with(".sql") || file[4] != '_') return bad();
  int version = 0;
  for (char c : file.substr(0, 4)) {
    if (c < '0' || c > '9') return bad();
    version = version * 10 + (c - '0');
  }
  if (version == 0) return bad();
  Migration migration;
  migration.version = version;
  migration.name = std::string(file.substr(5, file.size() - 5 - 4));
  return migration;
}

std::string Label(const Migration& migration) {
  char number[8];
  std::snprintf(number, sizeof number, "%04d", migration.version);
  return std::string(number) + "_" + migration.name;
}

constexpr std::string_view kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY,"
    " name text NOT NULL,"
    " checksum text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now())";

// Applies one migration unless it is already recorded. Returns true if applied now.
Result<bool> ApplyOne(pg::Connection& conn, const Migration& migration) {
  auto tx = pg::Transaction::Begin(conn);
  if (!tx.ok()) return tx.error();
  HDCAT_TRY(conn.Exec("SELECT pg_advisory_xact_lock($1)", {static_cast<std::int64_t>(kMigrationLockKey)}));
  // Created under the lock: concurrent CREATE TABLE IF NOT EXISTS can otherwise collide.
  HDCAT_TRY(conn.ExecScript(kCreateLedger));
  auto recorded = conn.Exec("SELECT checksum FROM schema_migrations WHERE version = $1", {migration.version});
  if (!recorded.ok()) return recorded.error();
  if (!recorded->empty()) {
    if (recorded->Text(0, 0) != migration.checksum) {
      return Conflict("migration " + Label(migration) +
                      " was applied from a different file than the one in this binary"
                      " (released migrations must never be edited; add a new one)");
    }
    return false;
  }
  HDCAT_TRY(conn.ExecScript(migration.sql));
  HDCAT_TRY(conn.Exec("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                      {migration.version, migration.name, migration.checksum}));
  HDCAT_TRY(tx->Commit());
  return true;
}

}  // namespace

Result<std::vector<Migration>> EmbeddedMigrations() {
  std::vector<Migration> out;
  for (const auto& file : schemas::Resources(kPrefix)) {
    if (!file.path.ends_with(".sql")) continue;
    auto migration = ParseName(file.path);
    if (!migration.ok()) return migration.error();
    migration->sql = std::string(file.bytes);
    migration->checksum = Sha256Hex(file.bytes);
    if (!out.empty() && out.back().version == migration->version) {
      return Internal("two embedded migrations share number " + std::to_string(migration->version));
    }
    out.push_back(std::move(migration).value());
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  if (out.empty()) return Internal("no migrations are embedded in this binary");
  return out;
}

Result<MigrationReport> Migrate(pg::Connection& conn) {
  auto migrations = EmbeddedMigrations();
  if (!migrations.ok()) return migrations.error();
  MigrationReport report;
  for (const auto& migration : *migrations) {
    auto applied = ApplyOne(conn, migration);
    if (!applied.ok()) {
      Error error = applied.error();
      error.message = "migration " + Label(migration) + ": " + error.message;
      return error;
    }
    if (*applied) report.applied.push_back(Label(migration));
  }
  auto current = conn.Exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!current.ok()) return current.error();
  report.current_version = static_cast<int>(current->Int64(0, 0));
  return report;
}

}  // namespace hdcat::catalog
