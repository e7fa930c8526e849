// Withdrawals: datasets that vanished from a source, after a job's gather.
//
// Called only after a COMPLETE gather in which no record failed (the runner
// checks both: an incomplete or partly unreadable gather says nothing about
// what the source no longer publishes). A vanished record is a dataset
// record of the source, active in the catalog, that this job did not see.
// They are withdrawn (CatalogStore::WithdrawDataset: hidden, history kept),
// never deleted — unless that would be a mass withdrawal: when the source
// returned no record at all while it had some, or when the vanished share of
// the records the source had before reaches `threshold`, nothing is
// withdrawn and the refusal is returned instead ("mass withdrawal refused:
// 17 of 20 records vanished"). Vanished records are read in pages, so
// memory stays bounded whatever the source size.
//
// Declared withdrawals (WithdrawDeclared) are the records the source itself
// lists as withdrawn (the native feed's `deleted`). They are the holder's
// own statement about each record, not an inference from absence, so they
// apply after any complete gather — incremental ones included, and even
// when some records failed — and the mass-withdrawal threshold (a guard
// against an endpoint that lost its catalog) does not hold them back. Each
// one is checked against the source's own records: a record of this source
// active in the catalog is withdrawn exactly like a vanished one (catalog,
// audit log, catalog_changes, job counts); one already withdrawn, or never
// stored, is left as it is (an incremental window repeats deletions); one
// listed in this gather's datasets too stays, with a warning; a dataset of
// the holder that another source feeds, or that was stored without a
// harvest, is a record error of kind "conflict" — a source withdraws only
// what it owns; an identifier unknown to the catalog (created and deleted
// between two runs) is only a warning.
//
// Thread-safety: one thread at a time (it uses one Connection).
#pragma once

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

struct WithdrawalInput {
  std::int64_t job_id = 0;
  std::int64_t source_id = 0;
  std::string source_name;
  double threshold = 0.5;
  // Records this job saw that were already active before it (updated + unchanged):
  // with the vanished ones, what the source had before.
  std::int64_t previously_active_seen = 0;
  std::int64_t seen = 0;  // every record this job saw
};

struct WithdrawalOutcome {
  std::int64_t vanished = 0;
  std::int64_t withdrawn = 0;
  std::optional<std::string> refused;  // why nothing was withdrawn
};

struct DeclaredWithdrawalInput {
  std::int64_t job_id = 0;
  std::int64_t source_id = 0;
  std::int64_t holder_id = 0;
  std::string source_name;
  std::vector<SourceDeletion> deletions;
};

struct DeclaredWithdrawalOutcome {
  std::int64_t withdrawn = 0;
  std::vector<std::string> warnings;
};

Result<DeclaredWithdrawalOutcome> WithdrawDeclared(pg::Connection& conn, catalog::CatalogStore& store,
                                                   const DeclaredWithdrawalInput& input, JobObserver* observer,
                                                   JobCounts* counts);

Result<WithdrawalOutcome> WithdrawVanished(pg::Connection& conn, catalog::CatalogStore& store,
                                           const WithdrawalInput& input, JobObserver* observer, JobCounts* counts);

}  // namespace hdcat::harvesters
