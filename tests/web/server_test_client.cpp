#include "tests/web/server_test_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cctype>

namespace hdcat::testing {

std::string TestResponse::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

TestConnection::TestConnection(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd_ >= 0);
  timeval timeout{10, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
}

TestConnection::~TestConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void TestConnection::SendRaw(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server may close early (e.g. after a 413); the answer tells
    sent += static_cast<std::size_t>(n);
  }
}

bool TestConnection::Fill() {
  char chunk[65536];
  ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

TestResponse TestConnection::ReadResponse(bool head_only) {
  TestResponse response;
  std::size_t end_of_head;
  while ((end_of_head = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!Fill()) {
      FAIL("connection closed before a complete response head; got: " << buffer_.substr(0, 200));
    }
  }
  std::string head = buffer_.substr(0, end_of_head);
  buffer_.erase(0, end_of_head + 4);
  std::size_t line_end = head.find("\r\n");
  std::string status_line = head.substr(0, line_end);
  REQUIRE(status_line.rfind("HTTP/1.", 0) == 0);
  response.status = std::stoi(status_line.substr(9, 3));
  std::size_t position = line_end == std::string::npos ? head.size() : line_end + 2;
  while (position < head.size()) {
    std::size_t next = head.find("\r\n", position);
    if (next == std::string::npos) next = head.size();
    std::string line = head.substr(position, next - position);
    std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      auto& slot = response.headers[name];
      slot = slot.empty() ? value : slot + "\n" + value;
    }
    position = next + 2;
  }
  if (head_only || response.status == 304 || response.status == 204) return response;
  std::string length_text = response.header("content-length");
  if (!length_text.empty()) {
    std::size_t length = std::stoul(length_text);
    while (buffer_.size() < length) {
      if (!Fill()) break;
    }
    response.body = buffer_.substr(0, length);
    buffer_.erase(0, std::min(length, buffer_.size()));
  } else {
    while (Fill()) {
    }
    response.body = std::move(buffer_);
    buffer_.clear();
  }
  return response;
}

TestResponse TestConnection::Request(const std::string& method, const std::string& target,
                                     const std::vector<std::pair<std::string, std::string>>& headers,
                                     const std::string& body) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  SendRaw(request);
  return ReadResponse(method == "HEAD");
}

bool TestConnection::ClosedByPeer() {
  char byte;
  ssize_t n = ::recv(fd_, &byte, 1, 0);
  return n == 0;
}

TestResponse HttpGet(std::uint16_t port, const std::string& target,
                     const std::vector<std::pair<std::string, std::string>>& headers) {
  TestConnection connection(port);
  return connection.Request("GET", target, headers);
}

}  // namespace hdcat::testing
