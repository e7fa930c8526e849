// AccountStore: accounts, role grants and login sessions in PostgreSQL
// (tables accounts, account_roles, sessions of 0003_accounts.sql).
//
// Passwords are hashed with password_hash.h and never stored, logged or
// audited. Login (`Login`) checks the password in constant time and
// throttles per account: after `max_failed_logins` consecutive failures the
// account is locked for `lockout`, during which even the right password is
// refused. An unknown login name costs the same hashing work as a known one
// and gets the same answer as a wrong password. Every login, failure,
// refusal, logout, account creation, grant and disabling writes one
// audit_log row, in the same transaction as the change it records.
//
// Sessions: Login returns a random 256-bit token (hex) for the browser's
// cookie; the table keeps only its SHA-256, so reading the table never gives
// a usable session. A session ends at `session_lifetime` after login, after
// `idle_timeout` without use, at logout, or when its account is disabled.
// Nothing about sessions is held in server memory: any server process can
// answer any request.
//
// Errors: kInvalidInput (bad login name, weak password, unknown role),
// kConflict (login name taken), kNotFound (no such account or holder),
// kUnauthenticated (wrong credentials, locked, expired session).
//
// Thread-safety: as the Connection it uses — one thread at a time.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "catalog/accounts/account.h"
#include "catalog/accounts/password_hash.h"
#include "catalog/pg/connection.h"

namespace hdcat::catalog {

struct LoginPolicy {
  int max_failed_logins = 5;
  std::chrono::seconds lockout{15 * 60};
  std::chrono::seconds session_lifetime{12 * 3600};
  std::chrono::seconds idle_timeout{2 * 3600};
  int password_iterations = kDefaultPasswordIterations;  // for new hashes only
};

struct NewAccount {
  std::string login_name;
  std::string display_name;
  std::string password;
  std::vector<RoleGrant> roles;
};

struct Session {
  std::string token;  // the secret for the cookie; only its hash is stored
  std::string expires_at;
  Account account;
};

class AccountStore {
 public:
  explicit AccountStore(pg::Connection& conn, LoginPolicy policy = {}) : conn_(conn), policy_(policy) {}

  // `actor` is who creates it ('cli', 'web:<login>'), for audit_log.
  Result<Account> Create(const NewAccount& account, std::string_view actor);
  Result<Account> Get(std::string_view login_name);
  Result<std::vector<Account>> List();
  Status Grant(std::string_view login_name, const RoleGrant& grant, std::string_view actor);
  // Replaces the password, clears failed logins and a lock, and ends the account's sessions.
  Status SetPassword(std::string_view login_name, std::string_view password, std::string_view actor);
  // Disables the account and ends its sessions.
  Status Disable(std::string_view login_name, std::string_view actor);

  Result<Session> Login(std::string_view login_name, std::string_view password, std::string_view user_agent);
  // The account of a live session (and marks the session used); kUnauthenticated otherwise.
  Result<Account> SessionAccount(std::string_view token);
  // Ends the session of `token` (nothing when it is unknown already).
  Status Logout(std::string_view token);

 private:
  Result<Account> Load(std::string_view where, const pg::Param& key);
  Status InsertGrant(std::int64_t account_id, const RoleGrant& grant);

  pg::Connection& conn_;
  const LoginPolicy policy_;
};

}  // namespace hdcat::catalog
