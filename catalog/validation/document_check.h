// Validation of whole files as `hdcat validate` and the loaders see them: read
// the bytes (refusing files over 8 MiB before reading them), parse them with
// hdcat::ParseJson (size, nesting and UTF-8 limits), decide what kind of
// document each part is, and validate each one.
//
// Kinds: with KindChoice::kAuto a holder description is an object that has
// "holder_type" and no "holder"; a feed is an object with a "datasets" array
// whose items are datasets (and an optional "holder" object, validated as a
// holder); a top-level array holds documents of either kind; anything else is
// a dataset. Findings inside a feed carry the full pointer from the file's
// root ("/datasets/3/title").
//
// Thread-safety: free functions; the Validator is shared read-only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "base/json.h"
#include "catalog/validator.h"

namespace hdcat::catalog::validation {

constexpr std::size_t kMaxFileBytes = 8 * 1024 * 1024;

enum class KindChoice { kAuto, kDataset, kHolder };

// "dataset", "holder" or "auto"; nullopt otherwise.
std::optional<KindChoice> ParseKindChoice(std::string_view text);
std::string_view KindName(DocumentKind kind);

struct DocumentReport {
  std::string pointer;  // where the document sits in the file ("" = the whole file)
  DocumentKind kind = DocumentKind::kDataset;
  bool feed_envelope = false;  // the feed page itself: no completeness score
  ValidationReport report;
};

struct FileReport {
  std::string file;
  std::optional<Error> failure;  // the file could not be read or parsed
  std::vector<DocumentReport> documents;

  bool ok() const;
};

DocumentKind DetectKind(const Json& document);

// Validates a parsed file.
std::vector<DocumentReport> ValidateDocument(const Validator& validator, const Json& document, KindChoice kind);
// Parses `bytes` (named `file` in the report) and validates it.
FileReport ValidateBytes(const Validator& validator, std::string file, std::string_view bytes, KindChoice kind);
// Reads the file at `path` and validates it.
FileReport ValidateFile(const Validator& validator, const std::string& path, KindChoice kind);

}  // namespace hdcat::catalog::validation
