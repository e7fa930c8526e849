#include "search/index_sync_loop.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "catalog/pg/notifications.h"
#include "catalog/store/catalog_store.h"
#include "search/catalog_sync.h"
#include "search/index_writer.h"
#include "search/search_vocabulary.h"
#include "search/store_source.h"

namespace hdcat::search {
namespace {

constexpr std::string_view kChannel = "hdcat_catalog_changes";

std::string Milliseconds(std::chrono::milliseconds duration) { return std::to_string(duration.count()) + " ms"; }

}  // namespace

Result<std::unique_ptr<IndexSyncLoop>> IndexSyncLoop::Create(IndexSyncOptions options,
                                                             std::shared_ptr<const catalog::Validator> validator) {
  if (options.conninfo.empty()) return InvalidInput("index sync needs a catalog database");
  if (options.index_root.empty()) return InvalidInput("index sync needs an index directory");
  if (options.batch_size < 1 || options.batches_per_round < 1) {
    return InvalidInput("index sync batch size and batches per round must be at least 1");
  }
  if (validator == nullptr) return InvalidInput("index sync needs the catalog validator");
  auto vocabulary = SearchVocabulary::LoadEmbedded();
  if (!vocabulary.ok()) return vocabulary.error();
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_NONBLOCK | O_CLOEXEC) != 0) {
    return Internal(std::string("cannot create the index sync wake-up pipe: ") + std::strerror(errno));
  }
  return std::unique_ptr<IndexSyncLoop>(new IndexSyncLoop(std::move(options), std::move(validator),
                                                          DocumentBuilder((*vocabulary)->coding_systems),
                                                          pipe_fds[0], pipe_fds[1]));
}

IndexSyncLoop::IndexSyncLoop(IndexSyncOptions options, std::shared_ptr<const catalog::Validator> validator,
                             DocumentBuilder builder, int wake_read, int wake_write)
    : options_(std::move(options)),
      validator_(std::move(validator)),
      builder_(std::move(builder)),
      index_(options_.index_root),
      wake_read_(wake_read),
      wake_write_(wake_write) {}

IndexSyncLoop::~IndexSyncLoop() {
  Stop();
  close(wake_read_);
  close(wake_write_);
}

Status IndexSyncLoop::Start() {
  if (thread_.joinable()) return Status::Ok();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = false;
  }
  DrainWakeups();
  try {
    thread_ = std::thread([this] { Run(); });
  } catch (const std::system_error& error) {
    return Internal(std::string("cannot start the index sync thread: ") + error.what());
  }
  return Status::Ok();
}

void IndexSyncLoop::Stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  const char byte = 1;
  // A full pipe already holds a wake-up, so a failed write loses nothing.
  [[maybe_unused]] ssize_t written = write(wake_write_, &byte, 1);
  thread_.join();
}

std::int64_t IndexSyncLoop::last_change_id() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return last_change_id_;
}

bool IndexSyncLoop::stopping() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stopping_;
}

void IndexSyncLoop::DrainWakeups() {
  char buffer[64];
  while (read(wake_read_, buffer, sizeof buffer) > 0) {
  }
}

bool IndexSyncLoop::Pause(std::chrono::milliseconds duration) {
  pollfd wake = {wake_read_, POLLIN, 0};
  auto deadline = std::chrono::steady_clock::now() + duration;
  while (!stopping()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    if (poll(&wake, 1, static_cast<int>(left.count())) > 0) DrainWakeups();
  }
  return true;
}

void IndexSyncLoop::Log(const std::string& line) const {
  if (options_.log) {
    options_.log(line);
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

Status IndexSyncLoop::Connect() {
  conn_.reset();
  auto conn = pg::Connection::Open(options_.conninfo);
  if (!conn.ok()) return conn.error();
  HDCAT_TRY(pg::Listen(**conn, kChannel));
  conn_ = std::move(*conn);
  return Status::Ok();
}

Result<bool> IndexSyncLoop::Round() {
  catalog::CatalogStore store(*conn_, *validator_);
  StoreSource source(store);
  // Never creates an index: until `hdcat reindex` publishes one, there is nothing to keep up to date.
  if (auto current = index_.CurrentPath(); !current.ok()) return current.error();
  auto database = index_.OpenForWriting();
  if (!database.ok()) return database.error();
  IndexWriter writer(std::move(*database));
  auto stats = SyncFromCatalog(source, builder_, writer, options_.batch_size, options_.batches_per_round);
  if (!stats.ok()) return stats.error();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    last_change_id_ = stats->last_change_id;
  }
  if (stats->changes_applied > 0) {
    if (options_.signal) options_.signal->Notify();
    Log("index sync: applied " + std::to_string(stats->changes_applied) + " change" +
        (stats->changes_applied == 1 ? "" : "s") + "; the index is at change " +
        std::to_string(stats->last_change_id));
  }
  return stats->caught_up;
}

void IndexSyncLoop::Run() {
  std::chrono::milliseconds backoff = options_.backoff_initial;
  auto fail = [&](const Error& error) {
    Log("index sync: " + error.ToString() + "; retrying in " + Milliseconds(backoff));
    bool stop = Pause(backoff);
    backoff = std::min(backoff * 2, options_.backoff_max);
    return stop;
  };
  bool round_due = true;
  while (!stopping()) {
    if (conn_ == nullptr) {
      if (Status connected = Connect(); !connected.ok()) {
        if (fail(connected.error())) break;
        continue;
      }
      round_due = true;  // notifications sent while disconnected are lost
    }
    if (round_due) {
      auto caught_up = Round();
      if (!caught_up.ok()) {
        if (!conn_->healthy()) conn_.reset();
        if (fail(caught_up.error())) break;
        continue;
      }
      backoff = options_.backoff_initial;
      round_due = !*caught_up;
      if (!round_due && Pause(options_.min_interval)) break;
      continue;
    }
    auto woke = pg::WaitForNotification(*conn_, wake_read_, options_.poll_interval);
    if (!woke.ok()) {
      conn_.reset();
      if (fail(woke.error())) break;
      continue;
    }
    if (*woke == pg::Wakeup::kWakeFd) {
      DrainWakeups();
      continue;
    }
    round_due = true;  // a notification, or the fallback poll
  }
  conn_.reset();
}

}  // namespace hdcat::search
