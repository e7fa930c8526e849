// Worker: the harvest loop — reap, queue what is due, run, sleep.
//
// RunPending() is one pass: reap jobs whose lease expired (their runs are
// queued again), queue a job for every due source, then claim and run queued
// jobs one after the other until none is waiting. RunUntil() repeats passes,
// sleeping `idle_sleep` between them, until `stop` is set (the CLI sets it on
// SIGTERM/SIGINT); a job in progress when stop is set is abandoned and its
// run queued again. Any number of workers, in threads, processes or on other
// machines, may run against one database: they share the work through
// JobQueue, never through memory.
//
// Thread-safety: one thread per Worker (it uses one Connection).
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/pg/connection.h"
#include "catalog/validator.h"
#include "harvesters/jobs/job_runner.h"
#include "harvesters/scheduler/job_queue.h"

namespace hdcat::harvesters {

struct WorkerOptions {
  std::string worker_id;  // unique per worker, e.g. host:pid
  std::chrono::seconds lease{60};
  std::chrono::milliseconds idle_sleep{5000};
  RunnerOptions runner;  // conninfo, observer, stop …
};

// "<host>:<pid>" — a worker id for this process.
std::string DefaultWorkerId();

class Worker {
 public:
  Worker(pg::Connection& conn, const catalog::Validator& validator, WorkerOptions options);

  Result<std::vector<JobSummary>> RunPending();
  Status RunUntil(const std::atomic<bool>& stop);

  JobQueue& queue() { return queue_; }

 private:
  void Say(const std::string& message);

  pg::Connection& conn_;
  const catalog::Validator& validator_;
  WorkerOptions options_;
  JobQueue queue_;
};

}  // namespace hdcat::harvesters
