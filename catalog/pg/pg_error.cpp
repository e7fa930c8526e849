#include "catalog/pg/pg_error.h"

#include <libpq-fe.h>

#include <string>

namespace hdcat::pg {
namespace {

std::string Trimmed(const char* text) {
  std::string out = text == nullptr ? "" : text;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

ErrorKind KindForSqlState(std::string_view sqlstate) {
  if (sqlstate.size() != 5) return ErrorKind::kUnavailable;  // no SQLSTATE: the connection failed
  if (sqlstate == "23505") return ErrorKind::kConflict;       // unique_violation
  if (sqlstate == "40001" || sqlstate == "40P01") return ErrorKind::kConflict;  // retryable
  if (sqlstate == "57014") return ErrorKind::kTimeout;                          // statement timeout
  std::string_view error_class = sqlstate.substr(0, 2);
  if (error_class == "22") return ErrorKind::kInvalidInput;
  if (error_class == "23") return ErrorKind::kConflict;
  if (error_class == "08" || error_class == "53" || error_class == "57") return ErrorKind::kUnavailable;
  return ErrorKind::kInternal;
}

Error ErrorFromResult(const pg_conn* conn, const pg_result* result) {
  if (result == nullptr) {
    return Unavailable("database connection failed: " + Trimmed(PQerrorMessage(conn)));
  }
  const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  std::string_view state = sqlstate == nullptr ? "" : sqlstate;
  ErrorKind kind = KindForSqlState(state);
  std::string message = Trimmed(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
  if (message.empty()) message = Trimmed(PQresultErrorMessage(result));
  if (message.empty()) message = Trimmed(PQerrorMessage(conn));
  if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) message += " (" + Trimmed(detail) + ")";
  return Error(kind, "database: " + message + (state.empty() ? "" : " [" + std::string(state) + "]"));
}

}  // namespace hdcat::pg
