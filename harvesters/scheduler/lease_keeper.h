// LeaseKeeper: keeps a running job's lease alive while the job works.
//
// A fetch may block for as long as the source's total timeout, so the
// heartbeat cannot wait for the job's own thread: LeaseKeeper beats from a
// thread of its own, on a connection of its own, every `interval`. When a
// beat finds the job is no longer this worker's (another worker reaped it
// because beats stopped arriving, e.g. the database was unreachable for
// longer than the lease), lost() turns true and the job must stop writing.
// Destroying the keeper stops the thread and joins it.
//
// Thread-safety: lost() may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/result.h"
#include "catalog/pg/connection.h"

namespace hdcat::harvesters {

class LeaseKeeper {
 public:
  static Result<std::unique_ptr<LeaseKeeper>> Start(const std::string& conninfo, std::string worker_id,
                                                    std::chrono::seconds lease, std::int64_t job_id,
                                                    std::chrono::milliseconds interval);
  ~LeaseKeeper();
  LeaseKeeper(const LeaseKeeper&) = delete;
  LeaseKeeper& operator=(const LeaseKeeper&) = delete;

  bool lost() const { return lost_.load(); }

 private:
  LeaseKeeper(std::unique_ptr<pg::Connection> conn, std::string worker_id, std::chrono::seconds lease,
              std::int64_t job_id, std::chrono::milliseconds interval);
  void Loop();

  std::unique_ptr<pg::Connection> conn_;
  const std::string worker_id_;
  const std::chrono::seconds lease_;
  const std::int64_t job_id_;
  const std::chrono::milliseconds interval_;
  std::atomic<bool> lost_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace hdcat::harvesters
