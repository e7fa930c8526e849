// RecordApplier: carries a job's source records into the catalog, one by one.
//
// For each record: a record the adapter could not map is an `errored`
// outcome (its raw bytes kept). Otherwise the content hash (SHA-256 of the
// canonical JSON of the mapped document) is compared with the source's
// record state (harvest_source_records): equal, and the dataset is active →
// `unchanged`, and the catalog is not touched (a whole batch of unchanged
// records costs one statement). Else the dataset is claimed for this source
// and stored with CatalogStore::PutDataset acting for the source's holder.
// A batch is one transaction and each record a savepoint in it: a record's
// failure undoes that record's work only, and nothing of a batch is visible
// (or durable) before the whole batch commits.
//
// Ownership: a dataset (holder, identifier) is fed by the first source that
// claimed it. A record naming another holder, or mapping to a dataset that
// another source (or another record of this source) already feeds, is an
// `errored` record of kind "conflict" — never an overwrite. (A record of the
// same source that appears under a new record identifier while the old one
// has not been seen in this job takes the dataset over: the source renamed
// it, e.g. a new IRI.) Datasets that
// were stored without a harvest (hdcat load, the web) are taken over by the
// first source of their holder that publishes them.
//
// A data-dictionary record (RecordKind::kVariables) names an existing
// dataset of the holder; its variables replace the dataset's, and the
// catalog's own comparison decides whether that is a new version. It owns
// nothing, so it never conflicts and is never withdrawn.
//
// Every outcome except `unchanged` is written to harvest_records with the
// raw record (bounded by `raw_limit`) and the fields that did not map. Only
// a database that cannot be used fails ApplyBatch (and with it the job); a
// record's own problem never does.
//
// Thread-safety: one thread at a time (it uses one Connection).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "harvesters/adapters/record_stream.h"
#include "harvesters/jobs/job_progress.h"

namespace hdcat::harvesters {

struct ApplierContext {
  std::int64_t job_id = 0;
  std::int64_t source_id = 0;
  std::int64_t holder_id = 0;
  std::string source_name;
  std::string holder;
  std::size_t raw_limit = 256 * 1024;
};

class RecordApplier {
 public:
  RecordApplier(pg::Connection& conn, catalog::CatalogStore& store, ApplierContext context, JobObserver* observer);

  Status ApplyBatch(std::vector<SourceRecord>& batch);

  const JobCounts& counts() const { return counts_; }
  // Warnings about the job as a whole (e.g. a holder description that was not stored).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct KnownState {
    std::string state;
    std::string hash;
  };
  struct Stored {
    RecordOutcome outcome = RecordOutcome::kUnchanged;
    std::string public_id;
    std::string dataset;  // holder/identifier
  };

  Status ApplyRecords(std::vector<SourceRecord>& batch);
  Status ApplyOne(SourceRecord& record, const std::string& record_id, const std::string& hash);
  Result<Stored> StoreDataset(const SourceRecord& record, const std::string& record_id, const std::string& hash);
  Result<Stored> StoreVariables(const SourceRecord& record, const std::string& record_id, const std::string& hash);
  void ApplyHolder(const Json& holder);
  Status FlushUnchanged(std::vector<std::pair<std::string, std::string>>& unchanged);
  Status WriteRecord(const SourceRecord& record, const std::string& record_id, RecordOutcome outcome,
                     const std::string& public_id, const std::string& hash, const Error* error,
                     std::string_view error_kind);
  Status RecordError(const SourceRecord& record, const std::string& record_id, const Error& error,
                     std::string_view kind, const std::string& dataset);
  void Warn(std::string warning);

  pg::Connection& conn_;
  catalog::CatalogStore& store_;
  const ApplierContext context_;
  JobObserver* observer_;
  JobCounts counts_;
  std::vector<std::string> warnings_;
  bool holder_seen_ = false;
};

// The report's error kind for a record the store refused ("validation",
// "conflict", "not_found", "too_large", …).
std::string StoreErrorKind(const Error& error);
// The report's error kind for a record the adapter could not map.
std::string MappingErrorKind(const Error& error);

}  // namespace hdcat::harvesters
