// Accounts: password hashing, role grants and what they allow, sessions.
#include <catch2/catch.hpp>

#include "catalog/accounts/account_store.h"
#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "catalog/store/migrations.h"
#include "tests/catalog/store_documents.h"

namespace hdcat::testing {
namespace {

constexpr const char* kPassword = "a long enough passphrase";

catalog::LoginPolicy CheapPolicy() {
  catalog::LoginPolicy policy;
  policy.password_iterations = catalog::kMinPasswordIterations;
  return policy;
}

}  // namespace

TEST_CASE("password hashes are salted, carry their iteration count and verify only the password",
          "[accounts]") {
  auto first = catalog::HashPassword(kPassword, 1000);
  auto second = catalog::HashPassword(kPassword, 1000);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(first->rfind("pbkdf2-sha256$1000$", 0) == 0);
  CHECK(*first != *second);  // a fresh salt each time
  CHECK(catalog::VerifyPassword(kPassword, *first).value());
  CHECK_FALSE(catalog::VerifyPassword("a long enough passphrasE", *first).value());
  std::string tampered = *first;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  CHECK_FALSE(catalog::VerifyPassword(kPassword, tampered).value());
  CHECK_FALSE(catalog::VerifyPassword(kPassword, "md5$abc").ok());

  CHECK(catalog::HashPassword("short", 1000).error().kind == ErrorKind::kInvalidInput);
  CHECK(catalog::HashPassword(std::string("long enough \xff\xfe bytes"), 1000).error().kind ==
        ErrorKind::kInvalidInput);
  CHECK(catalog::HashPassword(kPassword, 10).error().kind == ErrorKind::kInvalidInput);
}

TEST_CASE("role grants decide which holders an account manages", "[accounts]") {
  TestDatabase db;
  auto conn = pg::Connection::Open(db.conninfo());
  REQUIRE(conn.ok());
  REQUIRE(catalog::Migrate(**conn).ok());
  auto validator = catalog::Validator::Load();
  REQUIRE(validator.ok());
  catalog::CatalogStore store(**conn, **validator);
  for (const char* holder : {"alpha", "beta"}) REQUIRE(store.PutHolder(HolderDocument(holder), "load:test").ok());
  catalog::AccountStore accounts(**conn, CheapPolicy());

  using catalog::Role;
  auto editor = accounts.Create({"alpha-editor", "Alpha", kPassword, {{Role::kHolderEditor, "alpha"}}}, "cli");
  REQUIRE(editor.ok());
  CHECK(editor->MayManageHolder("alpha"));
  CHECK_FALSE(editor->MayManageHolder("beta"));
  auto admin = accounts.Create({"root-admin", "Admin", kPassword, {{Role::kAdmin, ""}}}, "cli");
  REQUIRE(admin.ok());
  CHECK(admin->MayManageHolder("beta"));
  auto researcher = accounts.Create({"a-researcher", "R", kPassword, {{Role::kResearcher, ""}}}, "cli");
  REQUIRE(researcher.ok());
  CHECK_FALSE(researcher->MayManageHolder("alpha"));

  CHECK(accounts.Create({"alpha-editor", "Again", kPassword, {}}, "cli").error().kind == ErrorKind::kConflict);
  CHECK(accounts.Create({"x", "Too short", kPassword, {}}, "cli").error().kind == ErrorKind::kInvalidInput);
  CHECK(accounts.Create({"ghost-editor", "G", kPassword, {{Role::kHolderEditor, "nobody"}}}, "cli").error().kind ==
        ErrorKind::kNotFound);
  CHECK(accounts.Create({"scoped-admin", "S", kPassword, {{Role::kAdmin, "alpha"}}}, "cli").error().kind ==
        ErrorKind::kInvalidInput);
  // A refused creation leaves no half-made account behind.
  CHECK(db.Scalar("SELECT count(*) FROM accounts") == "3");
  CHECK(db.Scalar("SELECT count(*) FROM audit_log WHERE action = 'account.create'") == "3");
  CHECK(db.Scalar("SELECT count(*) FROM audit_log WHERE details::text LIKE '%passphrase%'") == "0");

  REQUIRE(accounts.Grant("alpha-editor", {Role::kHolderEditor, "beta"}, "cli").ok());
  CHECK(accounts.Get("alpha-editor")->MayManageHolder("beta"));
}

TEST_CASE("sessions end at logout, when idle too long, on a new password and on disabling", "[accounts]") {
  TestDatabase db;
  auto conn = pg::Connection::Open(db.conninfo());
  REQUIRE(conn.ok());
  REQUIRE(catalog::Migrate(**conn).ok());
  catalog::AccountStore accounts(**conn, CheapPolicy());
  REQUIRE(accounts.Create({"someone", "Someone", kPassword, {{catalog::Role::kResearcher, ""}}}, "cli").ok());

  auto session = accounts.Login("someone", kPassword, "test-agent");
  REQUIRE(session.ok());
  CHECK(session->token.size() == 64);
  CHECK(accounts.SessionAccount(session->token)->login_name == "someone");
  CHECK(accounts.SessionAccount(std::string(64, '0')).error().kind == ErrorKind::kUnauthenticated);
  REQUIRE(accounts.Logout(session->token).ok());
  CHECK(accounts.SessionAccount(session->token).error().kind == ErrorKind::kUnauthenticated);

  auto idle = accounts.Login("someone", kPassword, "");
  REQUIRE(idle.ok());
  db.Exec("UPDATE sessions SET last_seen = now() - interval '3 hours'");
  CHECK(accounts.SessionAccount(idle->token).error().kind == ErrorKind::kUnauthenticated);

  auto before_reset = accounts.Login("someone", kPassword, "");
  REQUIRE(before_reset.ok());
  REQUIRE(accounts.SetPassword("someone", "another long passphrase", "cli").ok());
  CHECK(accounts.SessionAccount(before_reset->token).error().kind == ErrorKind::kUnauthenticated);
  CHECK(accounts.Login("someone", kPassword, "").error().kind == ErrorKind::kUnauthenticated);

  auto before_disable = accounts.Login("someone", "another long passphrase", "");
  REQUIRE(before_disable.ok());
  REQUIRE(accounts.Disable("someone", "cli").ok());
  CHECK(accounts.SessionAccount(before_disable->token).error().kind == ErrorKind::kUnauthenticated);
  CHECK(db.Scalar("SELECT count(*) FROM sessions") == "0");
}

}  // namespace hdcat::testing
