// Read-only access to the data files compiled into the binary: JSON Schemas,
// vocabularies and SQL migrations under schemas/. hdcat needs no data
// directory at run time; the files in the source tree are the only copies.
//
// Paths are relative to schemas/, e.g. "dataset.schema.json",
// "vocabularies/coding-systems.json", "migrations/0001_catalog.sql".
//
// Thread-safety: the table is immutable; every function may be called from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace hdcat::schemas {

struct EmbeddedFile {
  std::string_view path;
  std::string_view bytes;
};

// The bytes of one embedded file, or nullopt if there is none at `path`.
std::optional<std::string_view> Resource(std::string_view path);

// Every embedded file whose path starts with `prefix`, sorted by path.
std::vector<EmbeddedFile> Resources(std::string_view prefix);

namespace detail {
extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;
}  // namespace detail

}  // namespace hdcat::schemas
