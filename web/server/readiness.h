// Readiness: whether the server can do useful work now (GET /ready).
//
// Checks, in order: the database answers, every embedded migration is
// applied (the highest version in `schema_migrations` equals the highest
// embedded one), and the search index, when one is configured, opens. The
// report names each check and its outcome so an operator sees what is wrong.
//
// Thread-safety: CheckReadiness uses a connection from the pool for the
// duration of the call; safe to call from several threads.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/pg/pool.h"

namespace hdcat::web {

struct ReadinessCheck {
  std::string name;    // "database", "migrations", "index"
  bool ok = false;
  std::string detail;  // "ok", "version 3", or what failed
};

struct ReadinessReport {
  std::vector<ReadinessCheck> checks;
  bool ready() const;
  // The first failed check as an Error (kUnavailable); only when !ready().
  Error FirstFailure() const;
};

// `pool` may be null (no database configured); `index_directory` may be "".
ReadinessReport CheckReadiness(pg::ConnectionPool* pool, const std::string& index_directory);

}  // namespace hdcat::web
