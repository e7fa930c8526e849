// Self-service login: sessions in PostgreSQL, throttling, CSRF, audit rows.
#include <catch2/catch.hpp>

#include "catalog/accounts/account_store.h"
#include "tests/web/manage_test_util.h"

namespace hdcat::testing {

TEST_CASE("a holder editor logs in, sees their holder and logs out", "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());

  TestResponse anonymous = browser.Get("/manage/holders/jcs");
  CHECK(anonymous.status == 303);
  CHECK(anonymous.header("location") == "/manage/login?next=%2Fmanage%2Fholders%2Fjcs");

  TestResponse login = browser.Login("jcs-editor", kEditorPassword);
  REQUIRE(login.status == 303);
  CHECK(login.header("location") == "/manage");
  std::string cookie = SetCookieLine(login, "hdcat_session");
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Lax") != std::string::npos);
  CHECK(cookie.find("Path=/manage") != std::string::npos);
  CHECK(cookie.find("Secure") == std::string::npos);  // plain HTTP in this test
  REQUIRE(browser.session().size() == 64);
  // Only the token's hash is stored.
  CHECK(fixture.Scalar("SELECT count(*) FROM sessions WHERE id = '" + browser.session() + "'") == "0");
  CHECK(fixture.Scalar("SELECT count(*) FROM sessions") == "1");
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'session.login' AND actor = 'web:jcs-editor'") ==
        "1");

  TestResponse home = browser.Get("/manage?lang=en");
  REQUIRE(home.status == 200);
  CHECK(home.body.find("href=\"/manage/holders/jcs\"") != std::string::npos);
  TestResponse holder = browser.Get("/manage/holders/jcs?lang=en");
  REQUIRE(holder.status == 200);
  CHECK(holder.body.find("Japanese Circulation Society") != std::string::npos);

  TestResponse logout = browser.Post("/manage/logout", {});
  CHECK(logout.status == 303);
  CHECK(fixture.Scalar("SELECT count(*) FROM sessions") == "0");
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'session.logout'") == "1");
  CHECK(browser.Get("/manage/holders/jcs").status == 303);
}

TEST_CASE("a wrong password or an unknown login is refused alike and audited", "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());

  TestResponse wrong = browser.Login("jcs-editor", "not the password at all");
  CHECK(wrong.status == 401);
  CHECK(wrong.body.find("aria-invalid=\"true\"") != std::string::npos);
  CHECK(browser.session().empty());
  TestResponse unknown = browser.Login("nobody-here", "not the password at all");
  CHECK(unknown.status == 401);
  // The same message for both, so the page does not tell which login names exist.
  auto message = [](const std::string& body) {
    auto start = body.find("<div class=\"error-summary\"");
    return start == std::string::npos ? std::string() : body.substr(start, body.find("</div>", start) - start);
  };
  CHECK_FALSE(message(wrong.body).empty());
  CHECK(message(wrong.body) == message(unknown.body));
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'session.login_failed'") == "2");
  CHECK(fixture.Scalar("SELECT count(*) FROM sessions") == "0");
  CHECK(fixture.Scalar("SELECT failed_logins FROM accounts WHERE login_name = 'jcs-editor'") == "1");
}

TEST_CASE("repeated failures lock the account, even against the right password", "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());
  for (int attempt = 0; attempt < catalog::LoginPolicy{}.max_failed_logins; ++attempt) {
    CHECK(browser.Login("jcs-editor", "wrong password number " + std::to_string(attempt)).status == 401);
  }
  CHECK(fixture.Scalar("SELECT locked_until > now() FROM accounts WHERE login_name = 'jcs-editor'") == "t");
  TestResponse locked = browser.Login("jcs-editor", kEditorPassword);
  CHECK(locked.status == 401);
  CHECK(locked.body.find("locked") != std::string::npos);
  CHECK(browser.session().empty());
  CHECK(fixture.Scalar("SELECT count(*) FROM sessions") == "0");
  CHECK(fixture.Scalar("SELECT details->>'reason' FROM audit_log WHERE action = 'session.login_failed'"
                       " ORDER BY id DESC LIMIT 1") == "locked");

  // Once the lock has passed, the right password works again.
  fixture.Scalar("UPDATE accounts SET locked_until = now() - interval '1 second' RETURNING 1");
  CHECK(browser.Login("jcs-editor", kEditorPassword).status == 303);
}

TEST_CASE("a POST without the CSRF token is refused with 403 and changes nothing", "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());
  browser.LoadLoginForm();
  TestResponse login = browser.Post("/manage/login", {{"login", "jcs-editor"}, {"password", kEditorPassword}},
                                    /*with_csrf=*/false);
  CHECK(login.status == 403);
  CHECK(fixture.Scalar("SELECT count(*) FROM sessions") == "0");

  REQUIRE(browser.Login("jcs-editor", kEditorPassword).status == 303);
  const std::string before = fixture.Scalar("SELECT content_hash FROM holders WHERE identifier = 'jcs'");
  TestResponse edit = browser.Post("/manage/holders/jcs/edit", {{"name_ja", "書き換え"}, {"name_en", "Rewritten"}},
                                   /*with_csrf=*/false);
  CHECK(edit.status == 403);
  CHECK(fixture.Scalar("SELECT content_hash FROM holders WHERE identifier = 'jcs'") == before);
  TestResponse forged = browser.Post("/manage/holders/jcs/edit", {{"name_en", "Rewritten"}, {"csrf", "abc.def"}},
                                     /*with_csrf=*/false);
  CHECK(forged.status == 403);
  CHECK(fixture.Scalar("SELECT content_hash FROM holders WHERE identifier = 'jcs'") == before);
}

TEST_CASE("a disabled account's sessions end at once", "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());
  REQUIRE(browser.Login("jcs-editor", kEditorPassword).status == 303);
  REQUIRE(browser.Get("/manage").status == 200);
  fixture.Scalar("UPDATE accounts SET disabled_at = now() RETURNING 1");
  CHECK(browser.Get("/manage").status == 303);
  CHECK(browser.Login("jcs-editor", kEditorPassword).status == 401);
}

}  // namespace hdcat::testing
