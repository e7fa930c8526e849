// CatalogSource: what the search index needs from the catalog, so that the
// index can be rebuilt and kept up to date without search/ knowing how the
// catalog is stored. The PostgreSQL store is adapted to it
// (search/store_source.h once the store lands); DirectorySource reads a tree
// of JSON files (samples, tests, the benchmark generator).
//
// Changes form a log with increasing ids. An index remembers the last id it
// applied; replaying from there after a crash is idempotent because every
// change re-reads the current state of the dataset or holder it names.
//
// Thread-safety: implementations say; callers use one source from one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::search {

struct CatalogChange {
  std::int64_t change_id = 0;
  enum class Entity { kDataset, kHolder } entity = Entity::kDataset;
  std::string id;        // dataset public id ("ds-…") or holder identifier
  bool deleted = false;  // the entity no longer exists (or is no longer published)
};

struct CatalogEntry {
  Json dataset;                        // the dataset description (schemas/MODEL.md)
  std::optional<double> completeness;  // validator score 0..100, when known
  std::string quality_grade;           // validator grade A-D, "" when unknown
  std::string stored_at;               // RFC 3339 UTC: when the current version was stored ("" = unknown)
  std::string first_stored_at;         // when the first version was stored ("" = unknown)
};

class CatalogSource {
 public:
  virtual ~CatalogSource() = default;

  // Id of the newest change, 0 when the log is empty.
  virtual Result<std::int64_t> LatestChangeId() = 0;
  // Up to `limit` changes with id > `after`, oldest first.
  virtual Result<std::vector<CatalogChange>> ChangesAfter(std::int64_t after, int limit) = 0;
  // Up to `limit` published datasets whose public id sorts after `after_public_id`
  // ("" = from the start), ordered by public id.
  virtual Result<std::vector<CatalogEntry>> ListDatasets(const std::string& after_public_id, int limit) = 0;
  // One dataset by public id; nullopt when it does not exist (or is not published).
  virtual Result<std::optional<CatalogEntry>> GetDataset(const std::string& public_id) = 0;
  // One holder description; nullopt when unknown.
  virtual Result<std::optional<Json>> GetHolder(const std::string& holder_id) = 0;
};

}  // namespace hdcat::search
