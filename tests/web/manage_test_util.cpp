#include "tests/web/manage_test_util.h"

#include <catch2/catch.hpp>

#include <sstream>

#include "catalog/accounts/account_store.h"
#include "catalog/pg/connection.h"
#include "web/server/request_target.h"

namespace hdcat::testing {

ManageFixture::ManageFixture() : server(TestServerSetup{.sample_holders = {"jcs", "bbj"}}) {}

void ManageFixture::AddEditor(const std::string& login, const std::string& holder) {
  auto conn = pg::Connection::Open(conninfo());
  REQUIRE(conn.ok());
  catalog::LoginPolicy cheap;
  cheap.password_iterations = catalog::kMinPasswordIterations;
  catalog::AccountStore accounts(**conn, cheap);
  auto created = accounts.Create(
      catalog::NewAccount{login, "Editor " + login, kEditorPassword,
                          {catalog::RoleGrant{catalog::Role::kHolderEditor, holder}}},
      "cli");
  INFO((created.ok() ? std::string() : created.error().ToString()));
  REQUIRE(created.ok());
}

std::string ManageFixture::Scalar(const std::string& sql) {
  auto conn = pg::Connection::Open(conninfo());
  REQUIRE(conn.ok());
  auto rows = (*conn)->Exec(sql);
  INFO((rows.ok() ? std::string() : rows.error().ToString()));
  REQUIRE(rows.ok());
  return rows->empty() ? std::string() : std::string(rows->Text(0, 0));
}

std::string SetCookieLine(const TestResponse& response, const std::string& name) {
  std::istringstream lines(response.header("set-cookie"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(name + "=", 0) == 0) return line;
  }
  return "";
}

std::string SetCookieValue(const TestResponse& response, const std::string& name) {
  std::string line = SetCookieLine(response, name);
  if (line.empty()) return "";
  std::string value = line.substr(name.size() + 1);
  return value.substr(0, value.find(';'));
}

ManageClient::ManageClient(std::uint16_t port) : port_(port) {}

std::string ManageClient::CookieHeader() const {
  std::string cookies;
  if (!csrf_.empty()) cookies += "hdcat_csrf=" + csrf_;
  if (!session_.empty()) cookies += std::string(cookies.empty() ? "" : "; ") + "hdcat_session=" + session_;
  return cookies;
}

void ManageClient::TakeCookies(const TestResponse& response) {
  if (std::string csrf = SetCookieValue(response, "hdcat_csrf"); !csrf.empty()) csrf_ = csrf;
  if (!SetCookieLine(response, "hdcat_session").empty()) {
    session_ = SetCookieValue(response, "hdcat_session");
    if (session_ == "deleted") session_.clear();
  }
}

void ManageClient::LoadLoginForm() {
  TestResponse form = Get("/manage/login");
  INFO(form.body);
  REQUIRE(form.status == 200);
  REQUIRE_FALSE(csrf_.empty());
}

TestResponse ManageClient::Login(const std::string& login, const std::string& password) {
  if (csrf_.empty()) LoadLoginForm();
  return Post("/manage/login", {{"login", login}, {"password", password}});
}

TestResponse ManageClient::Get(const std::string& target) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Accept", "text/html"}};
  if (std::string cookies = CookieHeader(); !cookies.empty()) headers.emplace_back("Cookie", cookies);
  TestResponse response = HttpGet(port_, target, headers);
  TakeCookies(response);
  return response;
}

TestResponse ManageClient::Post(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                                bool with_csrf) {
  if (with_csrf) fields.emplace_back("csrf", csrf_);
  std::string body;
  for (const auto& [name, value] : fields) {
    body += (body.empty() ? "" : "&") + web::PercentEncode(name) + "=" + web::PercentEncode(value);
  }
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Accept", "text/html"}, {"Content-Type", "application/x-www-form-urlencoded"}};
  if (std::string cookies = CookieHeader(); !cookies.empty()) headers.emplace_back("Cookie", cookies);
  TestConnection connection(port_);
  TestResponse response = connection.Request("POST", target, headers, body);
  TakeCookies(response);
  return response;
}

}  // namespace hdcat::testing
