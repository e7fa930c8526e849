// A JSON document as numbered lines, each knowing which value starts on it, so
// that validator findings (JSON pointers) can be shown beside the line they
// concern.
//
// PrettyLines prints with two-space indentation, object keys in the
// document's (sorted) order; every value gets the line where it begins.
// LineOfPointer finds the line of a pointer, or of its nearest ancestor that
// exists (a finding about a missing member points at its parent object).
// A text that does not parse is reported by ParseJson's message, which names the byte.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"

namespace hdcat::web {

struct JsonLine {
  std::string text;
  std::string pointer;  // of the value starting on this line ("" = the document)
};

std::vector<JsonLine> PrettyLines(const Json& document);

// 0-based index into `lines`.
std::size_t LineOfPointer(const std::vector<JsonLine>& lines, std::string_view pointer);

}  // namespace hdcat::web
