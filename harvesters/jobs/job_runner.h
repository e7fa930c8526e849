// JobRunner: runs one claimed harvest job from start to finish.
//
// The runner reads the source (and, apart, its credentials), opens the
// adapter's RecordStream with the source's HTTP limits and keeps the job's
// lease alive from a heartbeat thread (LeaseKeeper) while it works. Records
// are pulled one at a time and applied in small batches (RecordApplier), so
// memory is bounded by one batch whatever the source size; the job's
// counters are written after every batch, so a killed job keeps them.
//
// Fetch failures: when the gather fails before yielding any record with a
// retryable cause (timeouts, refused connections, 429, 5xx) the gather is
// tried again, up to the source's max_fetch_attempts, after
// retry_base_ms * 2^(attempt-1) — or after the server's Retry-After, when it
// sent one (a Retry-After beyond `max_retry_delay` ends the retries).
//
// Outcome: `failed` when the gather is incomplete (records stored before the
// failure stay; nothing is withdrawn; the last good metadata stays in the
// catalog), `partial` when it is complete but some records failed or a mass
// withdrawal was refused, `succeeded` otherwise. The error kind names the
// cause specifically: "http_500", "http_429", "total_timeout",
// "low_speed_timeout", "too_large", "too_many_redirects",
// "wrong_content_type", "truncated", "parse", "too_many_records",
// "mass_withdrawal_refused", … . Withdrawals follow withdrawals.h, and only
// run after a complete gather in which no record failed. The outcome is also
// stored on the source (last_status, last_summary).
//
// Incremental runs: a feed or CKAN source with a high-water mark asks only
// for what changed since it (modified_since), except on every
// `full_gather_every`-th run and when the job asks for a full gather; an
// incremental run never withdraws what it did not see. After every complete
// gather the mark becomes the source's own time of the gather (the feed's
// generated_at, so no clock skew between the two machines matters) or, when
// the source states none, the job's start on the database clock minus ten
// minutes (a margin for a source clock that runs behind). Records the source
// declares deleted are withdrawn after any complete gather (withdrawals.h).
//
// `stop` (e.g. set on SIGTERM) ends the job early: it is abandoned with its
// run queued again, as if reaped.
//
// Thread-safety: one Run at a time per runner (it uses one Connection).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/pg/connection.h"
#include "catalog/validator.h"
#include "harvesters/jobs/job_progress.h"
#include "harvesters/scheduler/job_queue.h"

namespace hdcat::harvesters {

struct RunnerOptions {
  std::string conninfo;  // the database again, for the heartbeat's own connection
  std::size_t raw_limit = 256 * 1024;
  std::size_t batch_size = 200;
  std::chrono::milliseconds max_retry_delay{300'000};
  const std::atomic<bool>* stop = nullptr;
  JobObserver* observer = nullptr;
};

struct JobSummary {
  std::int64_t job_id = 0;
  std::string source;
  std::string status;  // succeeded, partial, failed, abandoned
  JobCounts counts;
  bool gather_complete = false;
  std::string modified_since;  // the high-water mark of an incremental gather; "" = a full gather
  int fetch_attempts = 0;
  std::string error_kind;
  std::string error_summary;
  std::vector<std::string> warnings;
};

class JobRunner {
 public:
  JobRunner(pg::Connection& conn, const catalog::Validator& validator, JobQueue& queue, RunnerOptions options);

  // Fails only when the job could not be recorded at all (database gone, or
  // the lease was lost to a reaper); every problem of the source is an outcome.
  Result<JobSummary> Run(const ClaimedJob& job);

 private:
  pg::Connection& conn_;
  const catalog::Validator& validator_;
  JobQueue& queue_;
  RunnerOptions options_;
};

}  // namespace hdcat::harvesters
