#include "web/server/readiness.h"


#include "catalog/store/migrations.h"
#include "search/index_manager.h"

namespace hdcat::web {
namespace {

ReadinessCheck Failed(std::string name, std::string detail) { return ReadinessCheck{std::move(name), false, std::move(detail)}; }
ReadinessCheck Passed(std::string name, std::string detail) { return ReadinessCheck{std::move(name), true, std::move(detail)}; }

ReadinessCheck CheckMigrations(pg::Connection& conn) {
  auto embedded = catalog::EmbeddedMigrations();
  if (!embedded.ok()) return Failed("migrations", embedded.error().message);
  std::int64_t expected = embedded->empty() ? 0 : embedded->back().version;
  auto exists = conn.Exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (!exists.ok()) return Failed("migrations", exists.error().message);
  if (!exists->Bool(0, 0)) {
    if (expected == 0) return Passed("migrations", "no migrations");
    return Failed("migrations", "no migration is applied; run `hdcat migrate`");
  }
  auto applied = conn.Exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!applied.ok()) return Failed("migrations", applied.error().message);
  std::int64_t current = applied->Int64(0, 0);
  if (current < expected) {
    return Failed("migrations", "database at version " + std::to_string(current) + ", this binary needs " +
                                    std::to_string(expected) + "; run `hdcat migrate`");
  }
  return Passed("migrations", "version " + std::to_string(current));
}

ReadinessCheck CheckIndex(const std::string& directory) {
  if (directory.empty()) return Passed("index", "not configured");
  auto database = search::IndexManager(directory).OpenForReading();
  if (!database.ok()) return Failed("index", "cannot open the search index: " + database.error().message);
  return Passed("index", std::to_string(database->get_doccount()) + " documents");
}

}  // namespace

bool ReadinessReport::ready() const {
  for (const auto& check : checks) {
    if (!check.ok) return false;
  }
  return true;
}

Error ReadinessReport::FirstFailure() const {
  for (const auto& check : checks) {
    if (!check.ok) return Unavailable(check.name + ": " + check.detail);
  }
  return Internal("readiness has no failed check");
}

ReadinessReport CheckReadiness(pg::ConnectionPool* pool, const std::string& index_directory) {
  ReadinessReport report;
  if (pool == nullptr) {
    report.checks.push_back(Failed("database", "no database is configured"));
  } else {
    auto lease = pool->Acquire();
    if (!lease.ok()) {
      report.checks.push_back(Failed("database", lease.error().message));
    } else {
      auto answer = (*lease)->Exec("SELECT 1");
      if (!answer.ok()) {
        report.checks.push_back(Failed("database", answer.error().message));
      } else {
        report.checks.push_back(Passed("database", "ok"));
        report.checks.push_back(CheckMigrations(**lease));
      }
    }
  }
  report.checks.push_back(CheckIndex(index_directory));
  return report;
}

}  // namespace hdcat::web
