// Server: the hdcat HTTP service (`hdcat serve`), owning everything it uses.
//
// Create() loads the templates and message catalogues, opens the connection
// pool (when a database is configured), builds the catalog and search
// services through the given factories, and registers every route: /health,
// /ready, /static/, the pages, the holder self-service pages (/manage/, see
// web/pages/manage/manage_routes.h) and /api/v1. Start() binds and serves on
// background threads, and starts the index sync when there is one; port()
// tells the port actually bound (useful with port 0). Shutdown() stops the
// index sync, stops taking new requests (answering 503 to late arrivals),
// waits for the requests in flight (up to drain_timeout), then stops the
// listener. The destructor shuts down if still running.
//
// Every response carries X-Request-Id (the client's own, when it sent a
// sane one, else a fresh one) and one access-log line is written per request:
// time, request id, method, path with credential-like query values
// redacted, status, duration.
//
// Thread-safety: Create/Start/Shutdown from one controlling thread; requests
// are handled concurrently on the server's worker threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/result.h"
#include "catalog/pg/pool.h"
#include "catalog/validator.h"
#include "search/index_sync_loop.h"
#include "web/api/catalog_reader.h"
#include "web/api/search_backend.h"
#include "web/server/router.h"
#include "web/server/server_options.h"

namespace Pistache::Http {
class Endpoint;
}  // namespace Pistache::Http

namespace hdcat::web {

class PageRenderer;
class StaticFiles;

// How the server obtains its catalog and search services; either may be left
// empty, and the matching endpoints then answer 503.
struct ServerServices {
  // `pool` is null when no database is configured.
  std::function<Result<std::shared_ptr<const api::CatalogReader>>(pg::ConnectionPool* pool)> make_catalog;
  std::function<Result<std::shared_ptr<const api::SearchBackend>>(const std::string& index_directory)> make_search;
  // The index sync the server runs while serving, when options.index_sync
  // is set and both a database and an index directory are configured.
  std::function<Result<std::unique_ptr<search::IndexSyncLoop>>(const ServerOptions& options)> make_index_sync;
  // The validator the self-service pages check descriptions with; null = load the embedded one.
  std::shared_ptr<const catalog::Validator> validator;
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> Create(ServerOptions options, ServerServices services = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Extra routes (e.g. later features, or tests) must be added before Start().
  Router& router() { return router_; }

  Status Start();
  std::uint16_t port() const;
  void Shutdown();

  // The whole request path for one decoded request; public so that the HTTP
  // library adapter (and tests) can call it.
  HttpResponse Handle(HttpRequest& request);
  // Answers for requests that could not even be decoded.
  HttpResponse Reject(const Error& error, const HttpRequest& request) const;

  std::string NextRequestId();
  void WriteAccessLog(const HttpRequest& request, int status, double milliseconds) const;

  const ServerOptions& options() const { return options_; }
  bool draining() const { return draining_.load(); }

  // Counts a request in flight for as long as it lives.
  class InFlight {
   public:
    explicit InFlight(Server* server) : server_(server) { server_->in_flight_.fetch_add(1); }
    ~InFlight() { server_->in_flight_.fetch_sub(1); }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;

   private:
    Server* server_;
  };

 private:
  explicit Server(ServerOptions options);
  void AddCoreRoutes();
  HttpResponse Ready() const;

  ServerOptions options_;
  std::unique_ptr<pg::ConnectionPool> pool_;
  std::shared_ptr<const api::CatalogReader> catalog_;
  std::shared_ptr<const api::SearchBackend> search_;
  std::shared_ptr<const catalog::Validator> validator_;
  std::unique_ptr<search::IndexSyncLoop> index_sync_;
  std::shared_ptr<const PageRenderer> renderer_;
  std::unique_ptr<StaticFiles> static_files_;
  Router router_;
  std::unique_ptr<Pistache::Http::Endpoint> endpoint_;

  std::string request_id_prefix_;
  std::atomic<std::uint64_t> request_counter_{0};
  std::atomic<int> in_flight_{0};
  std::atomic<bool> draining_{false};
  bool running_ = false;
};

}  // namespace hdcat::web
