#include "catalog/pg/query_result.h"

#include <libpq-fe.h>

#include <cassert>
#include <charconv>
#include <cstdlib>
#include <string>

namespace hdcat::pg {

void QueryResult::Deleter::operator()(pg_result* result) const { PQclear(result); }

QueryResult::QueryResult(pg_result* result) : result_(result) {}

int QueryResult::rows() const { return PQntuples(result_.get()); }

int QueryResult::columns() const { return PQnfields(result_.get()); }

std::int64_t QueryResult::affected() const {
  const char* count = PQcmdTuples(result_.get());
  return count == nullptr || *count == '\0' ? 0 : std::strtoll(count, nullptr, 10);
}

int QueryResult::Column(std::string_view name) const {
  for (int i = 0; i < columns(); ++i) {
    if (name == PQfname(result_.get(), i)) return i;
  }
  assert(false && "unknown column");
  return -1;
}

bool QueryResult::Valid(int row, int column) const {
  return row >= 0 && row < rows() && column >= 0 && column < columns();
}

bool QueryResult::IsNull(int row, int column) const {
  return !Valid(row, column) || PQgetisnull(result_.get(), row, column) != 0;
}

std::string_view QueryResult::Text(int row, int column) const {
  if (IsNull(row, column)) return {};
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::optional<std::string> QueryResult::OptionalText(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return std::string(Text(row, column));
}

std::int64_t QueryResult::Int64(int row, int column) const { return OptionalInt64(row, column).value_or(0); }

std::optional<std::int64_t> QueryResult::OptionalInt64(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  std::string_view text = Text(row, column);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool QueryResult::Bool(int row, int column) const { return Text(row, column) == "t"; }

double QueryResult::Double(int row, int column) const {
  if (IsNull(row, column)) return 0;
  return std::strtod(std::string(Text(row, column)).c_str(), nullptr);
}

Result<Json> QueryResult::JsonValue(int row, int column) const {
  if (IsNull(row, column)) return Internal("expected a JSON value in column " + std::to_string(column) + ", found NULL");
  // Stored documents were size-checked on the way in; reading them back must not fail on that.
  JsonLimits limits;
  limits.max_bytes = static_cast<std::size_t>(1) << 30;
  return ParseJson(Text(row, column), limits);
}

}  // namespace hdcat::pg
