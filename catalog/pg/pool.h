// ConnectionPool: a small set of connections to one database, shared by threads.
//
// Acquire() hands out a connection for the exclusive use of the calling
// thread until the returned lease is destroyed. Idle connections are reused;
// new ones are opened on demand up to `max_size`; when all are busy Acquire()
// waits up to `wait` and then fails with kUnavailable. A connection that comes
// back broken or with a transaction still open is closed, not reused.
//
// Thread-safety: Acquire() and lease destruction may be called from any
// thread. The pool must outlive every lease. Each leased Connection is used by
// one thread at a time (see connection.h).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/pg/connection.h"

namespace hdcat::pg {

class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  ConnectionPool(std::string conninfo, std::size_t max_size,
                 std::chrono::milliseconds wait = std::chrono::seconds(10));

  Result<Lease> Acquire();

  // Connections currently open (idle and leased).
  std::size_t open_count() const;

 private:
  void Return(std::unique_ptr<Connection> conn);

  const std::string conninfo_;
  const std::size_t max_size_;
  const std::chrono::milliseconds wait_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
  std::size_t open_ = 0;                           // guarded by mutex_
};

}  // namespace hdcat::pg
