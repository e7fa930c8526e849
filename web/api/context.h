// Context: what one API operation may use while serving one request.
//
// Built by the server for each call: the catalog and search interfaces (either
// may be null when the server was started without them; operations then fail
// with kUnavailable), the language the caller asked for, and the request id
// for log lines.
//
// Thread-safety: one Context per request; the pointed-to services are thread-safe.
#pragma once

#include <string>

#include "web/api/catalog_reader.h"
#include "web/api/search_backend.h"

namespace hdcat::web::api {

struct Context {
  const CatalogReader* catalog = nullptr;
  const SearchBackend* search = nullptr;
  std::string language = "ja";
  std::string request_id;
};

}  // namespace hdcat::web::api
