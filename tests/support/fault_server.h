// FaultServer: a small HTTP/1.1 server on 127.0.0.1 for harvester tests, able
// to misbehave on purpose (hang, drip slowly, truncate, serve gigabytes lazily).
//
// It binds an ephemeral port on construction and serves from its own accept
// thread, one thread per connection, always with `Connection: close`. Routes
// match the request path exactly (the query string is ignored for matching
// and passed to handlers). An unknown path gives 404. The destructor stops
// every connection, including hanging and dripping ones, and joins all threads.
//
// Thread-safety: Route/Handle/requests may be called from the test thread
// while the server runs; they lock an internal mutex.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace hdcat::testing {

struct FaultRequest {
  std::string method;
  std::string target;  // path and query as sent
  std::string path;
  std::string query;   // without '?'
  std::map<std::string, std::string> headers;  // names in lower case

  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

enum class Fault {
  kNone,
  kHang,       // read the request, never answer
  kSlowDrip,   // headers, then the body one byte every drip_interval_ms
  kTruncate,   // declare Content-Length = body + truncate_missing_bytes, send body, close
  kHuge,       // declare huge_bytes of Content-Length and stream filler until the client leaves
  kHugeChunked,// like kHuge without Content-Length (chunked), so only the received count can stop it
};

struct FaultResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Content-Type", "application/json"}
  std::string body;
  Fault fault = Fault::kNone;
  int drip_interval_ms = 200;
  std::uint64_t truncate_missing_bytes = 100;
  std::uint64_t huge_bytes = 2ull * 1024 * 1024 * 1024;

  static FaultResponse Ok(std::string content_type, std::string body);
  static FaultResponse Status(int status, std::string body = {});
  static FaultResponse Redirect(std::string location, int status = 302);
  static FaultResponse WithFault(Fault fault, std::string content_type = "application/json", std::string body = {});
};

using FaultHandler = std::function<FaultResponse(const FaultRequest&)>;

class FaultServer {
 public:
  FaultServer();
  ~FaultServer();
  FaultServer(const FaultServer&) = delete;
  FaultServer& operator=(const FaultServer&) = delete;

  std::uint16_t port() const { return port_; }
  // "http://127.0.0.1:PORT" + path
  std::string Url(std::string_view path) const;

  void Route(const std::string& path, FaultResponse response);
  void Handle(const std::string& path, FaultHandler handler);

  // Every request received so far, in order.
  std::vector<FaultRequest> requests() const;

 private:
  void AcceptLoop();
  void Serve(int fd);
  bool Sleep(int ms) const;  // false when the server is stopping

  int listen_fd_ = -1;
  int stop_pipe_[2] = {-1, -1};
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::map<std::string, FaultHandler> handlers_;
  std::vector<FaultRequest> requests_;
  std::vector<std::thread> connections_;
  std::thread accept_thread_;
};

}  // namespace hdcat::testing
