// The two renderings of file validation reports that `hdcat validate` prints
// (and the web API reuses for its JSON form).
//
// Text, one line per finding, then one completeness line per document:
//   FILE: error at /pointer: message (expected …; did you mean …?)
//   FILE: warning at /pointer: message (expected …)
//   FILE: completeness 78/100 (grade B); missing: /statistics (weight 5), …
// Inside a feed the completeness line names the document (the feed page
// itself is not scored):
//   FILE: /datasets/3: completeness 78/100 (grade B); missing: …
// A file that cannot be read or parsed gives `FILE: error: message`.
//
// JSON: {"ok": bool, "files": [{"file", "ok", "error"?, "documents": [{"pointer",
// "kind" (dataset, holder or feed), "ok", "errors": [Finding], "warnings": [Finding], "completeness",
// "grade", "items": [{"field", "weight", "present"}]}]}]} where a Finding is
// {"pointer", "message", "expected"?, "suggestion"?}.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <vector>

#include "base/json.h"
#include "catalog/validation/document_check.h"

namespace hdcat::catalog::validation {

std::string RenderText(const FileReport& report);

Json FindingToJson(const Finding& finding);
Json ReportToJson(const ValidationReport& report);
Json RenderJson(const std::vector<FileReport>& reports);

}  // namespace hdcat::catalog::validation
