// Transaction: an RAII guard for one database transaction.
//
// Begin() opens it; Commit() makes its work durable; a guard destroyed
// without a successful Commit() rolls back, so an early `return error` can
// never leave half of a change behind.
//
// Nesting: Begin() on a connection already in a transaction opens a
// SAVEPOINT instead, with the same contract inside the outer transaction:
// Commit() releases it, a rollback (explicit, by the destructor, or because
// one of its statements failed) undoes only its own work and leaves the outer
// transaction usable. Nothing is durable before the outermost Commit(). A
// nested Begin() keeps the outer transaction's isolation, so it accepts only
// kReadCommitted (a stricter one could not be honoured).
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

  Transaction(Transaction&& other) noexcept : conn_(other.conn_), savepoint_(other.savepoint_) {
    other.conn_ = nullptr;
  }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Status Commit();
  // Rolls back now; the destructor then does nothing.
  void Rollback();

  Connection& connection() { return *conn_; }

 private:
  Transaction(Connection* conn, bool savepoint) : conn_(conn), savepoint_(savepoint) {}
  Connection* conn_;  // null once committed or rolled back
  bool savepoint_;    // nested: a SAVEPOINT of the enclosing transaction
};

}  // namespace hdcat::pg
