// CatalogStore: the catalog's system of record in PostgreSQL.
//
// Writes. PutHolder / PutDataset store a description after checking it with
// the Validator (a document with validation errors is refused, kInvalidInput,
// and nothing is written). Each call is one transaction: on any failure no
// table changes. Content is compared with the CURRENT version only (sha256 of
// the canonical JSON): identical content is `unchanged` and writes nothing; any
// difference, including a revert to an earlier content, is a new version.
// Versions are append-only (enforced by database triggers). Every change that
// is written adds one row to catalog_changes (the ordered log consumers read
// with ChangesAfter; its insert also NOTIFYs hdcat_catalog_changes with the
// change id, delivered on commit) and one row to audit_log.
//
// A dataset is keyed by (holder, identifier): the same identifier under
// another holder is another dataset. Its holder must already exist (kNotFound
// naming the holder). When the caller acts for a holder (`acting_holder`), a
// document naming a different holder is refused with kForbidden. Putting a
// withdrawn dataset again publishes it again (outcome kRestored).
//
// Reads never scan history: the current catalog is datasets joined to their
// current version by primary key.
//
// Thread-safety: as the Connection it uses — one thread at a time. Use one
// CatalogStore (and connection) per thread; the Validator may be shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "catalog/model.h"
#include "catalog/pg/connection.h"
#include "catalog/validator.h"

namespace hdcat::catalog {

struct StoreLimits {
  std::size_t max_document_bytes = JsonLimits{}.max_bytes;  // canonical JSON size
};

struct HolderPutResult {
  std::string identifier;
  PutOutcome outcome = PutOutcome::kUnchanged;
  std::vector<Finding> warnings;
};

struct DatasetPutResult {
  std::string public_id;
  std::string holder;
  std::string identifier;
  PutOutcome outcome = PutOutcome::kUnchanged;
  int version_no = 0;  // the current version after the call
  std::vector<Finding> warnings;
};

struct WithdrawResult {
  std::string public_id;
  bool changed = false;  // false when it was already withdrawn
};

struct DatasetQuery {
  std::optional<std::string> holder;  // only this holder's datasets
  bool include_withdrawn = false;
  int limit = 50;  // 1..1000
  int offset = 0;
};

struct DatasetPage {
  std::vector<DatasetSummary> items;  // ordered by holder, then identifier
  std::int64_t total = 0;             // matching datasets, ignoring limit/offset
};

class CatalogStore {
 public:
  CatalogStore(pg::Connection& conn, const Validator& validator, StoreLimits limits = {});

  // `source` says where the description came from: 'load:<path>', 'harvest:<id>', 'web:<user>'.
  Result<HolderPutResult> PutHolder(const Json& document, std::string_view source);
  Result<DatasetPutResult> PutDataset(const Json& document, std::string_view source,
                                      std::optional<std::string_view> acting_holder = std::nullopt);
  // Hides a dataset from the current catalog; its history stays. `reason` is required.
  Result<WithdrawResult> WithdrawDataset(std::string_view dataset_ref, std::string_view reason,
                                         std::string_view source);

  Result<HolderRecord> GetHolder(std::string_view identifier);
  Result<std::vector<HolderSummary>> ListHolders();
  // `dataset_ref` is "ds-…" or "holder/identifier"; withdrawn datasets are returned too.
  Result<DatasetRecord> GetDataset(std::string_view dataset_ref);
  Result<DatasetPage> ListDatasets(const DatasetQuery& query);
  // Every version, oldest first.
  Result<std::vector<VersionInfo>> History(std::string_view dataset_ref);
  Result<VersionRecord> GetVersion(std::string_view dataset_ref, int version_no);

  // Active datasets with their current documents, ordered by public id, starting after
  // `after_public_id` ("" = from the start): keyset paging for rebuilding derived data.
  Result<std::vector<DatasetRecord>> CurrentDatasetsAfter(std::string_view after_public_id, int limit);

  // Changes with id > after_id, oldest first, at most `limit` (1..10000).
  Result<std::vector<CatalogChange>> ChangesAfter(std::int64_t after_id, int limit);
  // Id of the newest change; 0 when the log is empty.
  Result<std::int64_t> LatestChangeId();

 private:
  struct DatasetKey {
    std::int64_t id = 0;
    std::string public_id;
    std::string holder;
    std::string identifier;
    int version_count = 0;
  };
  Result<DatasetKey> ResolveDataset(std::string_view dataset_ref);
  Status Audit(std::string_view actor, std::string_view action, std::string_view subject_type,
               std::string_view subject_id, const Json& details);

  pg::Connection& conn_;
  const Validator& validator_;
  const StoreLimits limits_;
};

}  // namespace hdcat::catalog
