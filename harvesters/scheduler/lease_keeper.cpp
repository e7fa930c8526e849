#include "harvesters/scheduler/lease_keeper.h"

#include "harvesters/scheduler/job_queue.h"

namespace hdcat::harvesters {

Result<std::unique_ptr<LeaseKeeper>> LeaseKeeper::Start(const std::string& conninfo, std::string worker_id,
                                                        std::chrono::seconds lease, std::int64_t job_id,
                                                        std::chrono::milliseconds interval) {
  auto conn = pg::Connection::Open(conninfo);
  if (!conn.ok()) return conn.error();
  return std::unique_ptr<LeaseKeeper>(
      new LeaseKeeper(std::move(conn).value(), std::move(worker_id), lease, job_id, interval));
}

LeaseKeeper::LeaseKeeper(std::unique_ptr<pg::Connection> conn, std::string worker_id, std::chrono::seconds lease,
                         std::int64_t job_id, std::chrono::milliseconds interval)
    : conn_(std::move(conn)),
      worker_id_(std::move(worker_id)),
      lease_(lease),
      job_id_(job_id),
      interval_(interval),
      thread_([this] { Loop(); }) {}

LeaseKeeper::~LeaseKeeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void LeaseKeeper::Loop() {
  JobQueue queue(*conn_, worker_id_, lease_);
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    auto beat = queue.Heartbeat(job_id_);
    // A failed beat (database briefly unreachable) is retried at the next
    // interval; only a definite "not yours any more" loses the lease.
    if (beat.ok() && !*beat) lost_.store(true);
    lock.lock();
    if (lost_.load()) break;
  }
}

}  // namespace hdcat::harvesters
