// ServerOptions: how `hdcat serve` listens and what it protects itself with.
//
// Limits: a request body larger than `max_request_bytes` is refused with 413
// (routes may allow more, up to `max_upload_bytes`, which is also the hard
// limit the HTTP parser enforces). A client that does not finish sending its
// headers within `header_timeout`, or its body within `body_timeout`, is cut
// off. Shutdown waits up to `drain_timeout` for requests in flight.
//
// Thread-safety: plain value type.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "web/export/export_input.h"

namespace hdcat::web {

struct ServerOptions {
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 = any free port (see Server::port())
  int threads = 2;

  // Both set = HTTPS from these PEM files; both empty = plain HTTP.
  std::string tls_certificate_file;
  std::string tls_key_file;

  std::size_t max_request_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 16 * 1024 * 1024;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds keepalive_timeout{60'000};
  std::chrono::milliseconds drain_timeout{10'000};

  // libpq conninfo of the catalog database ("" = run without a database;
  // /ready then answers 503).
  std::string database;
  // Directory of the search index ("" = no index; search answers 503).
  std::string index_directory;
  // Keep that index in step with the catalog on a background thread
  // (search/index_sync_loop.h); needs `database` and `index_directory`. Off
  // when another process (`hdcat reindex --follow`) maintains the index.
  bool index_sync = true;

  // The catalog's public address (http[s]://host[:port][/path], no query):
  // the base of the IRIs in RDF exports, schema.org JSON-LD and CKAN dicts.
  std::string base_url = std::string(exporting::kDefaultBaseUrl);

  // Receives one access-log line per request; empty = standard error.
  std::function<void(const std::string& line)> access_log;
};

}  // namespace hdcat::web
