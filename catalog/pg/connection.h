// Connection: one libpq connection to PostgreSQL, closed when destroyed.
//
// Every statement that carries a value goes through Exec with parameters
// (PQexecParams, text format), never by building SQL text from values.
// ExecScript runs trusted multi-statement SQL without parameters (the
// embedded migrations). Failures come back as hdcat::Error (see pg_error.h):
// a connection that cannot be opened or is lost is kUnavailable.
//
// Sessions are UTF-8 and UTC (client_encoding, TimeZone), so text and
// timestamps mean the same thing whatever the server's defaults are.
//
// Thread-safety: a Connection is NOT thread-safe. Use one connection per
// thread (ConnectionPool hands them out); a connection may move between
// threads as long as only one uses it at a time.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/pg/query_result.h"

struct pg_conn;

namespace hdcat::pg {

// One statement parameter: text, an integer, a boolean, or NULL.
class Param {
 public:
  Param(std::nullopt_t) {}                                      // NOLINT: implicit by design
  Param(std::string_view text) : value_(std::string(text)) {}   // NOLINT
  Param(const std::string& text) : value_(text) {}              // NOLINT
  Param(const char* text) : value_(std::string(text)) {}        // NOLINT
  Param(std::int64_t number) : value_(std::to_string(number)) {}  // NOLINT
  Param(int number) : value_(std::to_string(number)) {}         // NOLINT
  Param(bool flag) : value_(flag ? "true" : "false") {}         // NOLINT
  template <typename T>
  Param(const std::optional<T>& maybe) {                        // NOLINT
    if (maybe) *this = Param(*maybe);
  }

  const std::optional<std::string>& value() const { return value_; }

 private:
  std::optional<std::string> value_;
};

class Connection {
 public:
  // Opens a connection described by a libpq conninfo string or URI.
  static Result<std::unique_ptr<Connection>> Open(const std::string& conninfo);

  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // One statement with $1..$n parameters.
  Result<QueryResult> Exec(std::string_view sql, std::initializer_list<Param> params = {});
  Result<QueryResult> Exec(std::string_view sql, const std::vector<Param>& params);

  // Trusted SQL text with no parameters, possibly several statements.
  Status ExecScript(std::string_view sql);

  // False once the server has gone away; such a connection should be dropped.
  bool healthy() const;
  // True while a transaction is open (or failed and not yet rolled back).
  bool in_transaction() const;
  // True when a statement of the open transaction failed: only ROLLBACK works now.
  bool transaction_failed() const;

  // The libpq handle, for LISTEN/NOTIFY and similar features this class does not wrap.
  pg_conn* raw() { return conn_; }

 private:
  explicit Connection(pg_conn* conn) : conn_(conn) {}
  Result<QueryResult> Finish(struct pg_result* result);

  pg_conn* conn_;
};

}  // namespace hdcat::pg
