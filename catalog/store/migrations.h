// Schema migrations: brings a database up to the schema this binary expects.
//
// Migrations are the embedded files schemas/migrations/NNNN_name.sql, applied
// in order of NNNN, each in its own transaction together with its row in
// `schema_migrations` (version, name, sha256 of the file, applied_at). Every
// transaction first takes pg_advisory_xact_lock(kMigrationLockKey), so two
// processes starting at once serialise: the second finds the work done and
// applies nothing. A migration already applied whose file has since changed is
// an error (kConflict): released migrations are never edited, only added.
// Running Migrate on an up-to-date database changes nothing.
//
// Thread-safety: uses the caller's connection; safe to run from several
// processes or connections at once (that is what the lock is for).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/pg/connection.h"

namespace hdcat::catalog {

inline constexpr long long kMigrationLockKey = 7210000;

struct Migration {
  int version = 0;
  std::string name;  // file name without the number and extension, e.g. "catalog"
  std::string sql;
  std::string checksum;  // sha256 hex of `sql`
};

// The embedded migrations in order; fails if a file name is malformed or two share a number.
Result<std::vector<Migration>> EmbeddedMigrations();

struct MigrationReport {
  std::vector<std::string> applied;  // "0001_catalog" for each migration applied now
  int current_version = 0;           // highest version in the database afterwards
};

Result<MigrationReport> Migrate(pg::Connection& conn);

}  // namespace hdcat::catalog
