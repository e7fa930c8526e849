// A minimal HTTP/1.1 client over a raw socket, for talking to a real server
// in tests. Raw on purpose: it sends request targets exactly as written (no
// dot-segment removal, no re-encoding), so path traversal and malformed
// requests reach the server as an attacker would send them, and it can send
// several requests over one kept-alive connection.
//
// Thread-safety: one connection per thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hdcat::testing {

struct TestResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; repeated headers joined by "\n"
  std::string body;

  std::string header(const std::string& lower_name) const;
};

class TestConnection {
 public:
  explicit TestConnection(std::uint16_t port);
  ~TestConnection();
  TestConnection(const TestConnection&) = delete;
  TestConnection& operator=(const TestConnection&) = delete;

  // Sends a request with Host and `Connection: keep-alive` and reads the answer.
  TestResponse Request(const std::string& method, const std::string& target,
                       const std::vector<std::pair<std::string, std::string>>& headers = {},
                       const std::string& body = "");
  void SendRaw(const std::string& bytes);
  // Reads one response; `head_only` for answers to HEAD (no body follows).
  TestResponse ReadResponse(bool head_only = false);
  // True when the server has closed the connection (reads EOF within the timeout).
  bool ClosedByPeer();

 private:
  bool Fill();  // reads more bytes into buffer_; false on EOF or timeout
  int fd_ = -1;
  std::string buffer_;
};

// One request on a fresh connection.
TestResponse HttpGet(std::uint16_t port, const std::string& target,
                     const std::vector<std::pair<std::string, std::string>>& headers = {});

}  // namespace hdcat::testing
