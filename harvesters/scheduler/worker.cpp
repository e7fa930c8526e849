#include "harvesters/scheduler/worker.h"

#include <unistd.h>

#include <thread>

namespace hdcat::harvesters {

std::string DefaultWorkerId() {
  char host[256] = {0};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "localhost") + ":" + std::to_string(::getpid());
}

Worker::Worker(pg::Connection& conn, const catalog::Validator& validator, WorkerOptions options)
    : conn_(conn), validator_(validator), options_(std::move(options)), queue_(conn, options_.worker_id, options_.lease) {}

void Worker::Say(const std::string& message) {
  if (options_.runner.observer != nullptr) options_.runner.observer->OnMessage(message);
}

Result<std::vector<JobSummary>> Worker::RunPending() {
  auto reaped = queue_.ReapExpired();
  if (!reaped.ok()) return reaped.error();
  for (const auto& job : *reaped) {
    Say("reaped job " + std::to_string(job.job_id) + " of " + job.source_name + " (worker " + job.lease_owner +
        " stopped renewing its lease)" +
        (job.rerun_job_id ? "; queued again as job " + std::to_string(*job.rerun_job_id)
                          : "; no attempts left, it waits for its next planned run"));
  }
  auto queued = queue_.EnqueueDue();
  if (!queued.ok()) return queued.error();
  std::vector<JobSummary> summaries;
  JobRunner runner(conn_, validator_, queue_, options_.runner);
  while (options_.runner.stop == nullptr || !options_.runner.stop->load()) {
    auto claimed = queue_.ClaimNext();
    if (!claimed.ok()) return claimed.error();
    if (!*claimed) break;
    auto summary = runner.Run(**claimed);
    if (!summary.ok()) {
      // The job could not be recorded (e.g. its lease was lost); its lease will expire and it will be reaped.
      if (summary.error().kind == ErrorKind::kUnavailable) return summary.error();
      Say("job " + std::to_string((*claimed)->job_id) + ": " + summary.error().ToString());
      continue;
    }
    summaries.push_back(std::move(summary).value());
  }
  return summaries;
}

Status Worker::RunUntil(const std::atomic<bool>& stop) {
  while (!stop.load()) {
    auto pass = RunPending();
    if (!pass.ok()) {
      if (!conn_.healthy()) return pass.error();  // the caller reconnects or exits
      Say("harvest pass failed: " + pass.error().ToString());
    }
    const auto until = std::chrono::steady_clock::now() + options_.idle_sleep;
    while (!stop.load() && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  return Status::Ok();
}

}  // namespace hdcat::harvesters
