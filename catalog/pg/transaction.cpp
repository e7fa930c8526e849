#include "catalog/pg/transaction.h"

namespace hdcat::pg {

Result<Transaction> Transaction::Begin(Connection& conn, Isolation isolation) {
  if (conn.in_transaction()) {
    if (isolation != Isolation::kReadCommitted) {
      return Internal("a transaction is already open on this connection; a nested one cannot change its isolation");
    }
    if (conn.transaction_failed()) return Internal("the enclosing transaction has failed; roll it back first");
    // One name serves every level: RAII keeps savepoints strictly nested, and
    // PostgreSQL resolves a repeated name to the most recent savepoint.
    HDCAT_TRY(conn.ExecScript("SAVEPOINT hdcat_nested"));
    return Transaction(&conn, true);
  }
  const char* sql = "BEGIN ISOLATION LEVEL READ COMMITTED";
  if (isolation == Isolation::kRepeatableRead) sql = "BEGIN ISOLATION LEVEL REPEATABLE READ";
  if (isolation == Isolation::kSerializable) sql = "BEGIN ISOLATION LEVEL SERIALIZABLE";
  HDCAT_TRY(conn.ExecScript(sql));
  return Transaction(&conn, false);
}

Transaction::~Transaction() { Rollback(); }

Status Transaction::Commit() {
  if (conn_ == nullptr) return Internal("transaction already finished");
  Connection* conn = conn_;
  // PostgreSQL answers COMMIT of a failed transaction with a silent ROLLBACK.
  if (conn->transaction_failed()) {
    Rollback();
    return Internal("transaction was rolled back because one of its statements failed");
  }
  auto status = conn->ExecScript(savepoint_ ? "RELEASE SAVEPOINT hdcat_nested" : "COMMIT");
  if (!status.ok()) {
    Rollback();
    return status;
  }
  conn_ = nullptr;
  return Status::Ok();
}

void Transaction::Rollback() {
  if (conn_ == nullptr) return;
  if (conn_->healthy() && conn_->in_transaction()) {
    (void)conn_->ExecScript(savepoint_ ? "ROLLBACK TO SAVEPOINT hdcat_nested; RELEASE SAVEPOINT hdcat_nested"
                                       : "ROLLBACK");
  }
  conn_ = nullptr;
}

}  // namespace hdcat::pg
