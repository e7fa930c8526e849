// CatalogReader: the read side of the catalog as the web layer needs it.
//
// The API operations and pages read holders, datasets and dataset versions
// only through this interface, so they do not depend on how the store lays
// out its tables. The PostgreSQL store provides the production
// implementation; tests may provide an in-memory one.
//
// Documents are returned in the metadata model's JSON shape
// (schemas/MODEL.md). Lists are ordered by identifier (holders, datasets) or
// by version number descending (versions), and paged by offset/limit; `total`
// counts every match, not just the page. A missing holder, dataset or version
// is kNotFound; an unreachable database is kUnavailable.
//
// Thread-safety: implementations must allow concurrent calls from the
// server's worker threads.
#pragma once

#include <cstdint>
#include <string>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::web::api {

struct PageRequest {
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

struct Page {
  std::int64_t total = 0;
  Json items = Json::array();
};

struct DatasetFilter {
  std::string holder;  // "" = every holder
};

class CatalogReader {
 public:
  virtual ~CatalogReader() = default;

  virtual Result<Page> ListHolders(const PageRequest& page) const = 0;
  virtual Result<Json> GetHolder(const std::string& holder) const = 0;

  // Items are dataset summaries: {holder, identifier, title, description, modified?}.
  virtual Result<Page> ListDatasets(const DatasetFilter& filter, const PageRequest& page) const = 0;
  virtual Result<Json> GetDataset(const std::string& holder, const std::string& identifier) const = 0;
  // The dataset's summary as in ListDatasets (with its completeness grade).
  // Optional for implementations: the default answers kUnavailable, and pages
  // then leave the grade out.
  virtual Result<Json> GetDatasetSummary(const std::string& holder, const std::string& identifier) const {
    return Unavailable("no dataset summaries here: " + holder + "/" + identifier);
  }

  // One active dataset by "ds-…" or "holder/identifier", with what the
  // catalog knows about its storage: {public_id, holder, identifier,
  // document, content_hash, created_at, updated_at} (RFC 3339 UTC: first and
  // current version stored). Optional like GetDatasetSummary.
  virtual Result<Json> GetDatasetRecord(const std::string& dataset_ref) const {
    return Unavailable("no dataset records here: " + dataset_ref);
  }

  // Items are {version, recorded_at, content_hash, change_summary?}, newest first.
  virtual Result<Page> ListVersions(const std::string& holder, const std::string& identifier,
                                    const PageRequest& page) const = 0;
  // {version, recorded_at, content_hash, document}.
  virtual Result<Json> GetVersion(const std::string& holder, const std::string& identifier,
                                  std::int64_t version) const = 0;
};

}  // namespace hdcat::web::api
