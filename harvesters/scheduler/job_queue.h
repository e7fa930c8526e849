// JobQueue: the harvest job queue, kept in PostgreSQL (table harvest_jobs).
//
// Life of a job: a due source (or a request to run one now) becomes a
// `queued` job; a worker claims it, which makes it `running` under a lease
// (owner, expiry) that the worker's heartbeat keeps extending; the job runner
// finishes it as succeeded / partial / failed. A worker that dies (kill -9,
// power loss) stops renewing its lease: ReapExpired(), which every worker
// calls on start and between jobs, marks such a job `abandoned` and queues a
// rerun of the same planned run (up to kMaxAttempts attempts), so nothing is
// left "running" for ever.
//
// Coordination is the database's: at most one queued-or-running job per
// source (a partial unique index), claiming takes the oldest queued job with
// FOR UPDATE SKIP LOCKED so concurrent workers never take the same one, and
// due sources are locked the same way while their next run is planned
// (Schedule::NextRun, from the planned time).
//
// Thread-safety: as the Connection it uses — one thread at a time. Several
// JobQueues on several connections (threads, processes, machines) may work
// on one database at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/pg/connection.h"

namespace hdcat::harvesters {

struct ClaimedJob {
  std::int64_t job_id = 0;
  std::int64_t source_id = 0;
  std::string source_name;
  std::string planned_at;  // RFC 3339 UTC
  std::string trigger;     // "schedule", "manual", "rerun"
  int attempt = 1;
  bool full_requested = false;  // gather everything even when the source could run incrementally
};

struct ReapedJob {
  std::int64_t job_id = 0;
  std::string source_name;
  std::string lease_owner;
  std::optional<std::int64_t> rerun_job_id;  // the queued rerun, if attempts were left
};

class JobQueue {
 public:
  static constexpr int kMaxAttempts = 3;

  JobQueue(pg::Connection& conn, std::string worker_id, std::chrono::seconds lease);

  const std::string& worker_id() const { return worker_id_; }
  std::chrono::seconds lease() const { return lease_; }

  // Queues one job for each enabled, scheduled source whose next run has come,
  // and plans its next run. A source that already has a queued or running job
  // only has its next run planned. Returns how many jobs were queued.
  Result<int> EnqueueDue();
  // Queues a job to run `source_id` now (its schedule is left alone); returns
  // the queued job, or the one already queued (which then becomes a full
  // gather too when `full` is asked). kConflict when a job of the source is
  // running.
  Result<std::int64_t> EnqueueNow(std::int64_t source_id, bool full = false);

  // Takes the oldest queued job of an enabled source; nullopt when none is waiting.
  Result<std::optional<ClaimedJob>> ClaimNext();
  // Takes this queued job; nullopt when someone else took it first.
  Result<std::optional<ClaimedJob>> Claim(std::int64_t job_id);

  // Extends the lease of a job this worker runs; false when the job is no
  // longer this worker's (it was reaped).
  Result<bool> Heartbeat(std::int64_t job_id);

  // Abandons every running job whose lease has expired and queues its rerun.
  Result<std::vector<ReapedJob>> ReapExpired();
  // Gives up a job this worker runs (e.g. on shutdown) the way the reaper
  // would: abandoned, with a rerun queued.
  Status Abandon(std::int64_t job_id, std::string_view reason);

 private:
  Result<std::optional<ClaimedJob>> ClaimWhere(std::string_view job_filter, std::vector<pg::Param> params);
  Result<std::optional<std::int64_t>> QueueRerun(std::int64_t abandoned_job_id);

  pg::Connection& conn_;
  const std::string worker_id_;
  const std::chrono::seconds lease_;
};

// Copies a finished (or abandoned) job's outcome onto its source: last_job_id,
// last_status, last_summary (counts, error), last_finished_at and, for a job
// that stored what it gathered, last_success_at.
Status RecordSourceOutcome(pg::Connection& conn, std::int64_t job_id);

}  // namespace hdcat::harvesters
