// Transaction: an RAII guard for one database transaction.
//
// Begin() opens it; Commit() makes its work durable; a guard destroyed
// without a successful Commit() rolls back, so an early `return error` can
// never leave half of a change behind. Nested transactions are not supported:
// beginning one on a connection that is already in a transaction fails.
//
// Thread-safety: as the Connection it guards (one thread at a time).
#pragma once

#include "base/result.h"
#include "catalog/pg/connection.h"

namespace hdcat::pg {

class Transaction {
 public:
  enum class Isolation { kReadCommitted, kRepeatableRead, kSerializable };

  static Result<Transaction> Begin(Connection& conn, Isolation isolation = Isolation::kReadCommitted);

  Transaction(Transaction&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Status Commit();
  // Rolls back now; the destructor then does nothing.
  void Rollback();

  Connection& connection() { return *conn_; }

 private:
  explicit Transaction(Connection* conn) : conn_(conn) {}
  Connection* conn_;  // null once committed or rolled back
};

}  // namespace hdcat::pg
