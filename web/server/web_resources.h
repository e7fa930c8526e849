// Read-only access to the files compiled into the binary from web/: page
// templates, message catalogues, static assets and the OpenAPI document.
//
// Paths are relative to web/, e.g. "templates/layout.mustache",
// "i18n/ja.json", "static/css/site.css", "api/openapi.json". A path is looked
// up as an exact key of the table, never joined to a directory, so no request
// can reach a file outside it.
//
// Thread-safety: the table is immutable; every function may be called from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "schemas/resources.h"

namespace hdcat::web {

// The bytes of one embedded web file, or nullopt if there is none at `path`.
std::optional<std::string_view> WebResource(std::string_view path);

// Every embedded web file whose path starts with `prefix`, sorted by path.
std::vector<schemas::EmbeddedFile> WebResources(std::string_view prefix);

namespace detail {
extern const schemas::EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;
}  // namespace detail

}  // namespace hdcat::web
