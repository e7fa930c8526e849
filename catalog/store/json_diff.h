// JSON diff: the path-by-path differences between two JSON documents, in the
// spirit of RFC 6902 (JSON Patch) but keeping the old value for display.
//
// Objects are compared key by key (in key order); arrays position by position,
// elements beyond the shorter array being added or removed; any other
// difference (a changed scalar, a changed type) is one "replace" at that path.
// Paths are RFC 6901 JSON pointers. Removals from one array are listed from
// the highest index down, so applying the operations in order as an RFC 6902
// patch turns `from` into `to` (ToJsonPatch gives that patch).
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"

namespace hdcat::catalog {

struct JsonChange {
  enum class Op { kAdd, kRemove, kReplace };
  Op op = Op::kReplace;
  std::string path;
  Json old_value;  // null for kAdd
  Json new_value;  // null for kRemove

  bool operator==(const JsonChange&) const = default;
};

std::string_view JsonChangeOpName(JsonChange::Op op);

std::vector<JsonChange> DiffJson(const Json& from, const Json& to);

// The changes as an RFC 6902 patch document (an array of {op, path, value}).
Json ToJsonPatch(const std::vector<JsonChange>& changes);

}  // namespace hdcat::catalog
