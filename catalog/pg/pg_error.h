// Translation of PostgreSQL failures into hdcat::Error.
//
// The one place that decides what a SQLSTATE means to the rest of hdcat:
// connection failures and server shutdowns are kUnavailable, unique
// violations (23505) and other integrity violations are kConflict, data
// exceptions (class 22: bad UTF-8, out of range, invalid text) are
// kInvalidInput, serialization failures and deadlocks are kConflict (the
// caller may retry), anything else is kInternal.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string_view>

#include "base/error.h"

struct pg_conn;
struct pg_result;

namespace hdcat::pg {

// The ErrorKind for a five-character SQLSTATE ("" when the server sent none).
ErrorKind KindForSqlState(std::string_view sqlstate);

// An Error describing a failed result (or a null result, i.e. a lost connection).
Error ErrorFromResult(const pg_conn* conn, const pg_result* result);

}  // namespace hdcat::pg
