#include "tests/support/fault_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace hdcat::testing {
namespace {

std::string ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

// Writes all of `data`; false when the peer has gone.
bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

FaultResponse FaultResponse::Ok(std::string content_type, std::string body) {
  FaultResponse r;
  r.headers.emplace_back("Content-Type", std::move(content_type));
  r.body = std::move(body);
  return r;
}

FaultResponse FaultResponse::Status(int status, std::string body) {
  FaultResponse r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "text/plain");
  r.body = std::move(body);
  return r;
}

FaultResponse FaultResponse::Redirect(std::string location, int status) {
  FaultResponse r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

FaultResponse FaultResponse::WithFault(Fault fault, std::string content_type, std::string body) {
  FaultResponse r = Ok(std::move(content_type), std::move(body));
  r.fault = fault;
  return r;
}

FaultServer::FaultServer() {
  if (::pipe(stop_pipe_) != 0) throw std::runtime_error("pipe failed");
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket failed");
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 64) != 0) {
    throw std::runtime_error("bind/listen failed");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  accept_thread_ = std::thread([this] { AcceptLoop(); });
}

FaultServer::~FaultServer() {
  stopping_ = true;
  char byte = 'x';
  (void)!::write(stop_pipe_[1], &byte, 1);
  accept_thread_.join();
  std::vector<std::thread> connections;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    connections.swap(connections_);
  }
  for (auto& thread : connections) thread.join();
  ::close(listen_fd_);
  ::close(stop_pipe_[0]);
  ::close(stop_pipe_[1]);
}

std::string FaultServer::Url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

void FaultServer::Route(const std::string& path, FaultResponse response) {
  Handle(path, [response](const FaultRequest&) { return response; });
}

void FaultServer::Handle(const std::string& path, FaultHandler handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  handlers_[path] = std::move(handler);
}

std::vector<FaultRequest> FaultServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

bool FaultServer::Sleep(int ms) const {
  pollfd p{stop_pipe_[0], POLLIN, 0};
  return ::poll(&p, 1, ms) == 0 && !stopping_;
}

void FaultServer::AcceptLoop() {
  while (!stopping_) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) continue;
    if (fds[1].revents) break;
    if (!(fds[0].revents & POLLIN)) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mutex_);
    connections_.emplace_back([this, fd] {
      Serve(fd);
      ::close(fd);
    });
  }
}

void FaultServer::Serve(int fd) {
  // Read the request head (bodies are not needed by any test route).
  std::string head;
  char buffer[4096];
  while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
    pollfd fds[2] = {{fd, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    if (::poll(fds, 2, 5000) <= 0 || fds[1].revents) return;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return;
    head.append(buffer, static_cast<size_t>(n));
    if (static_cast<unsigned char>(head[0]) == 0x16) {  // a TLS ClientHello: this server speaks plain HTTP only
      WriteAll(fd, "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
      return;
    }
  }
  FaultRequest request;
  size_t line_end = head.find("\r\n");
  std::string request_line = head.substr(0, line_end);
  size_t sp1 = request_line.find(' ');
  size_t sp2 = request_line.find(' ', sp1 + 1);
  if (sp1 == std::string::npos || sp2 == std::string::npos) return;
  request.method = request_line.substr(0, sp1);
  request.target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
  size_t q = request.target.find('?');
  request.path = request.target.substr(0, q);
  if (q != std::string::npos) request.query = request.target.substr(q + 1);
  size_t pos = line_end + 2;
  while (pos < head.size()) {
    size_t end = head.find("\r\n", pos);
    if (end == std::string::npos || end == pos) break;
    std::string line = head.substr(pos, end - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      size_t v = line.find_first_not_of(' ', colon + 1);
      request.headers[name] = v == std::string::npos ? "" : line.substr(v);
    }
    pos = end + 2;
  }

  FaultHandler handler;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
    auto it = handlers_.find(request.path);
    if (it != handlers_.end()) handler = it->second;
  }
  FaultResponse response = handler ? handler(request) : FaultResponse::Status(404, "no route");

  if (response.fault == Fault::kHang) {
    while (Sleep(100)) {
    }
    return;
  }

  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + ReasonPhrase(response.status) + "\r\n";
  for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
  out += "Connection: close\r\n";
  switch (response.fault) {
    case Fault::kTruncate:
      out += "Content-Length: " + std::to_string(response.body.size() + response.truncate_missing_bytes) + "\r\n";
      break;
    case Fault::kHuge:
      out += "Content-Length: " + std::to_string(response.huge_bytes) + "\r\n";
      break;
    case Fault::kHugeChunked:
      break;
    default:
      if (response.status != 304) out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  }
  out += "\r\n";
  if (request.method == "HEAD") {
    WriteAll(fd, out);
    return;
  }

  switch (response.fault) {
    case Fault::kSlowDrip: {
      if (!WriteAll(fd, out)) return;
      for (char c : response.body) {
        if (!Sleep(response.drip_interval_ms) || !WriteAll(fd, std::string_view(&c, 1))) return;
      }
      return;
    }
    case Fault::kHuge: {
      if (!WriteAll(fd, out + response.body)) return;
      std::string filler(64 * 1024, ' ');
      std::uint64_t sent = response.body.size();
      while (sent < response.huge_bytes && !stopping_) {
        if (!WriteAll(fd, filler)) return;
        sent += filler.size();
      }
      return;
    }
    case Fault::kHugeChunked: {
      // Raw (not chunk-encoded) filler on a response with neither length nor
      // chunking: HTTP/1.1 then reads until the connection closes.
      if (!WriteAll(fd, out + response.body)) return;
      std::string filler(64 * 1024, ' ');
      std::uint64_t sent = 0;
      while (sent < response.huge_bytes && !stopping_) {
        if (!WriteAll(fd, filler)) return;
        sent += filler.size();
      }
      return;
    }
    default:
      WriteAll(fd, out + response.body);
  }
}

}  // namespace hdcat::testing
