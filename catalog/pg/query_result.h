// QueryResult: the rows of one successful statement, with typed getters.
//
// Owns the libpq result and frees it. Values are read by row and column
// (index or name) as text, integers, booleans or JSON; a NULL is an empty
// optional from the Optional* getters and "" / 0 / false from the others.
// Reading a column that does not exist, or a value that does not convert, is
// a programming error reported as kInternal by the checked getters.
//
// Thread-safety: immutable after construction; may be read from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/json.h"
#include "base/result.h"

struct pg_result;

namespace hdcat::pg {

class QueryResult {
 public:
  explicit QueryResult(pg_result* result);

  int rows() const;
  int columns() const;
  // Rows changed by INSERT/UPDATE/DELETE (0 for other statements).
  std::int64_t affected() const;
  bool empty() const { return rows() == 0; }

  // Column index by name; -1 when absent.
  int Column(std::string_view name) const;

  bool IsNull(int row, int column) const;
  std::string_view Text(int row, int column) const;
  std::optional<std::string> OptionalText(int row, int column) const;
  std::int64_t Int64(int row, int column) const;
  std::optional<std::int64_t> OptionalInt64(int row, int column) const;
  bool Bool(int row, int column) const;
  double Double(int row, int column) const;
  // Parses a json/jsonb column.
  Result<Json> JsonValue(int row, int column) const;

  // The same by column name. An unknown name is a bug: it fails an assertion in
  // debug builds and reads as NULL otherwise.
  std::string_view Text(int row, std::string_view column) const { return Text(row, Column(column)); }
  std::optional<std::string> OptionalText(int row, std::string_view column) const {
    return OptionalText(row, Column(column));
  }
  std::int64_t Int64(int row, std::string_view column) const { return Int64(row, Column(column)); }
  std::optional<std::int64_t> OptionalInt64(int row, std::string_view column) const {
    return OptionalInt64(row, Column(column));
  }
  bool Bool(int row, std::string_view column) const { return Bool(row, Column(column)); }
  double Double(int row, std::string_view column) const { return Double(row, Column(column)); }
  Result<Json> JsonValue(int row, std::string_view column) const { return JsonValue(row, Column(column)); }

 private:
  struct Deleter {
    void operator()(pg_result* result) const;
  };
  bool Valid(int row, int column) const;

  std::unique_ptr<pg_result, Deleter> result_;
};

}  // namespace hdcat::pg
