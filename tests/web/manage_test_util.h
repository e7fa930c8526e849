// Helpers for the self-service page tests: a real server with sample holders
// jcs and bbj, accounts created through AccountStore (cheap hashes), and a
// browser-like client that keeps the CSRF and session cookies and posts
// url-encoded forms.
//
// Thread-safety: one fixture per test.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/pg_fixture.h"
#include "tests/web/server_fixture.h"
#include "tests/web/server_test_client.h"

namespace hdcat::testing {

inline constexpr const char* kEditorPassword = "correct horse battery";

class ManageFixture {
 public:
  ManageFixture();

  std::uint16_t port() { return server.port(); }
  const std::string& conninfo() { return server.server().options().database; }
  // A holder editor of `holder` with kEditorPassword.
  void AddEditor(const std::string& login, const std::string& holder);
  // First column of the first row of `sql` on the server's database.
  std::string Scalar(const std::string& sql);

  TestServer server;
};

class ManageClient {
 public:
  explicit ManageClient(std::uint16_t port);

  // GET /manage/login: takes the CSRF cookie the form comes with.
  void LoadLoginForm();
  TestResponse Login(const std::string& login, const std::string& password);
  TestResponse Get(const std::string& target);
  // A url-encoded POST; `with_csrf` false leaves the token out of the form.
  TestResponse Post(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                    bool with_csrf = true);

  const std::string& session() const { return session_; }

 private:
  std::string CookieHeader() const;
  void TakeCookies(const TestResponse& response);

  std::uint16_t port_;
  std::string csrf_;
  std::string session_;
};

// The value of cookie `name` in the Set-Cookie lines of a response ("" = none).
std::string SetCookieValue(const TestResponse& response, const std::string& name);
// The whole Set-Cookie line for `name` ("" = none).
std::string SetCookieLine(const TestResponse& response, const std::string& name);

}  // namespace hdcat::testing
