// IndexSyncLoop: keeps the live search index in step with the catalog
// continuously, on a background thread — within a second or so of a
// harvest (or any catalog write) committing.
//
// It LISTENs on hdcat_catalog_changes (the catalog NOTIFYs on commit) and,
// on a notification or every `poll_interval` when none comes (a notification
// can be lost while disconnected), applies the changes after the id stored in
// the index with SyncFromCatalog, at most `batches_per_round` batches per
// round so Stop() is honoured between batches. Rounds are at least
// `min_interval` apart, so a burst of commits is applied in a few batches
// rather than one commit each.
//
// Each round opens the live version through IndexManager, writes and closes
// it, so the Xapian write lock is held only while applying: `hdcat reindex`
// may publish a rebuilt version at any time, and the next round continues on
// the new version from the change id stored in it. A failure — the database
// restarting, another process holding the write lock — is logged and retried
// with exponential backoff (`backoff_initial` doubling up to `backoff_max`),
// and so is a missing index (the loop never creates one: `hdcat reindex` does);
// a lost connection is reopened and LISTENed again, then a round runs at once
// to catch up with what was missed.
//
// After each round that applied changes, `signal` (when set) is notified so
// in-process searchers reopen at once.
//
// Thread-safety: Start() and Stop() from one controlling thread; the loop
// itself runs on its own thread. The destructor stops the loop.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/result.h"
#include "catalog/pg/connection.h"
#include "catalog/validator.h"
#include "search/document_builder.h"
#include "search/index_change_signal.h"
#include "search/index_manager.h"

namespace hdcat::search {

struct IndexSyncOptions {
  std::string conninfo;    // the catalog database (libpq conninfo)
  std::string index_root;  // IndexManager root of the index to keep up to date
  std::chrono::milliseconds poll_interval{30'000};
  std::chrono::milliseconds min_interval{200};
  std::chrono::milliseconds backoff_initial{250};
  std::chrono::milliseconds backoff_max{30'000};
  int batch_size = 500;
  int batches_per_round = 20;
  std::shared_ptr<IndexChangeSignal> signal;
  // Receives one line per round that applied changes and per failure;
  // empty = standard error.
  std::function<void(const std::string& line)> log;
};

class IndexSyncLoop {
 public:
  static Result<std::unique_ptr<IndexSyncLoop>> Create(IndexSyncOptions options,
                                                       std::shared_ptr<const catalog::Validator> validator);
  ~IndexSyncLoop();
  IndexSyncLoop(const IndexSyncLoop&) = delete;
  IndexSyncLoop& operator=(const IndexSyncLoop&) = delete;

  Status Start();
  // Wakes the loop and waits for it to finish the batch in hand.
  void Stop();

  // The newest change id the loop has applied (0 before its first round).
  std::int64_t last_change_id() const;

 private:
  IndexSyncLoop(IndexSyncOptions options, std::shared_ptr<const catalog::Validator> validator,
                DocumentBuilder builder, int wake_read, int wake_write);
  void Run();
  Status Connect();
  Result<bool> Round();  // true when caught up
  // Sleeps up to `duration`; true when woken to stop.
  bool Pause(std::chrono::milliseconds duration);
  bool stopping() const;
  void DrainWakeups();
  void Log(const std::string& line) const;

  IndexSyncOptions options_;
  std::shared_ptr<const catalog::Validator> validator_;
  DocumentBuilder builder_;
  IndexManager index_;
  int wake_read_;
  int wake_write_;
  std::unique_ptr<pg::Connection> conn_;  // loop thread only
  std::thread thread_;
  mutable std::mutex mutex_;
  bool stopping_ = false;           // guarded by mutex_
  std::int64_t last_change_id_ = 0;  // guarded by mutex_
};

}  // namespace hdcat::search
