// HarvestHealthReader: the last outcome of each harvest source of a holder,
// for the holder page.
//
// The page shows only what the harvest tables say; when they cannot be read
// (no database, tables not migrated yet) the reader fails and the page shows
// no harvest section at all rather than invented data. Items are
// {name, format, enabled, last_status, last_finished_at, last_success_at,
// next_run_at}, ordered by source name. No endpoint credentials are ever read.
//
// Thread-safety: StoreHarvestHealthReader leases its own connection per call;
// safe from several threads.
#pragma once

#include <string>

#include "base/json.h"
#include "base/result.h"
#include "catalog/pg/pool.h"

namespace hdcat::web {

class HarvestHealthReader {
 public:
  virtual ~HarvestHealthReader() = default;
  virtual Result<Json> SourcesOfHolder(const std::string& holder) const = 0;
};

class StoreHarvestHealthReader : public HarvestHealthReader {
 public:
  explicit StoreHarvestHealthReader(pg::ConnectionPool* pool) : pool_(pool) {}
  Result<Json> SourcesOfHolder(const std::string& holder) const override;

 private:
  pg::ConnectionPool* pool_;
};

}  // namespace hdcat::web
