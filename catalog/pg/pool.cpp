#include "catalog/pg/pool.h"

namespace hdcat::pg {

ConnectionPool::Lease::~Lease() {
  if (conn_ != nullptr) pool_->Return(std::move(conn_));
}

ConnectionPool::ConnectionPool(std::string conninfo, std::size_t max_size, std::chrono::milliseconds wait)
    : conninfo_(std::move(conninfo)), max_size_(max_size == 0 ? 1 : max_size), wait_(wait) {}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  {
    std::unique_lock lock(mutex_);
    bool available = returned_.wait_for(lock, wait_, [this] { return !idle_.empty() || open_ < max_size_; });
    if (!available) {
      return Unavailable("database: all " + std::to_string(max_size_) + " connections are busy");
    }
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
    ++open_;  // reserve the slot; opening happens outside the lock
  }
  auto opened = Connection::Open(conninfo_);
  if (!opened.ok()) {
    std::lock_guard lock(mutex_);
    --open_;
    returned_.notify_one();
    return opened.error();
  }
  return Lease(this, std::move(opened).value());
}

void ConnectionPool::Return(std::unique_ptr<Connection> conn) {
  bool reusable = conn->healthy() && !conn->in_transaction();
  if (!reusable) conn.reset();  // close outside the lock
  std::lock_guard lock(mutex_);
  if (reusable) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;
  }
  returned_.notify_one();
}

std::size_t ConnectionPool::open_count() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace hdcat::pg
