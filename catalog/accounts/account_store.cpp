#include "catalog/accounts/account_store.h"

#include "base/hash.h"
#include "base/random.h"
#include "catalog/pg/transaction.h"
#include "catalog/store/audit_log.h"

namespace hdcat::catalog {
namespace {

constexpr std::size_t kTokenBytes = 32;  // 256 bits
constexpr std::size_t kMaxUserAgent = 256;
constexpr std::string_view kWrongCredentials = "the login name or the password is wrong";

constexpr std::string_view kAccountColumns =
    "SELECT a.id, a.login_name, a.display_name, hdcat_utc_text(a.created_at) AS created_at,"
    " coalesce(hdcat_utc_text(a.disabled_at), '') AS disabled_at,"
    " coalesce(hdcat_utc_text(a.last_login_at), '') AS last_login_at FROM accounts a ";

std::string Actor(std::string_view login_name) { return "web:" + std::string(login_name); }

Error Unauthenticated(std::string message) { return Error(ErrorKind::kUnauthenticated, std::move(message)); }

// A login name as typed, cut and made printable, for the audit row of a failure.
std::string TypedName(std::string_view login_name) {
  std::string out;
  for (char c : login_name.substr(0, 64)) out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  return out.empty() ? "(empty)" : out;
}

}  // namespace

Status AccountStore::InsertGrant(std::int64_t account_id, const RoleGrant& grant) {
  const bool scoped = grant.role == Role::kHolderEditor;
  if (scoped == grant.holder.empty()) {
    return InvalidInput(scoped ? "the holder_editor role needs a holder" : "only holder_editor is granted per holder");
  }
  if (!scoped) {
    HDCAT_TRY(conn_.Exec("INSERT INTO account_roles (account_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                         {account_id, RoleName(grant.role)}));
    return Status::Ok();
  }
  auto inserted = conn_.Exec(
      "INSERT INTO account_roles (account_id, role, holder_id)"
      " SELECT $1, $2, h.id FROM holders h WHERE h.identifier = $3 ON CONFLICT DO NOTHING RETURNING id",
      {account_id, RoleName(grant.role), grant.holder});
  if (!inserted.ok()) return inserted.error();
  if (inserted->empty()) {
    auto holder = conn_.Exec("SELECT 1 FROM holders WHERE identifier = $1", {grant.holder});
    if (!holder.ok()) return holder.error();
    if (holder->empty()) return NotFound("no holder with identifier '" + grant.holder + "'");
  }
  return Status::Ok();
}

Result<Account> AccountStore::Create(const NewAccount& account, std::string_view actor) {
  if (!IsLoginName(account.login_name)) {
    return InvalidInput("a login name has 3 to 64 characters: a-z, 0-9 and . _ @ - (not first)");
  }
  if (account.display_name.empty() || account.display_name.size() > 200) {
    return InvalidInput("a display name has 1 to 200 characters");
  }
  auto hash = HashPassword(account.password, policy_.password_iterations);
  if (!hash.ok()) return hash.error();
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto inserted = conn_.Exec(
      "INSERT INTO accounts (login_name, display_name, password_hash) VALUES ($1, $2, $3)"
      " ON CONFLICT (login_name) DO NOTHING RETURNING id",
      {account.login_name, account.display_name, *hash});
  if (!inserted.ok()) return inserted.error();
  if (inserted->empty()) return Conflict("the login name '" + account.login_name + "' is taken");
  const std::int64_t id = inserted->Int64(0, 0);
  Json roles = Json::array();
  for (const auto& grant : account.roles) {
    HDCAT_TRY(InsertGrant(id, grant));
    roles.push_back({{"role", RoleName(grant.role)}, {"holder", grant.holder}});
  }
  HDCAT_TRY(WriteAudit(conn_, AuditEntry{actor, "account.create", "account", account.login_name,
                                         Json{{"display_name", account.display_name}, {"roles", roles}}}));
  HDCAT_TRY(tx->Commit());
  return Get(account.login_name);
}

Result<Account> AccountStore::Load(std::string_view where, const pg::Param& key) {
  auto rows = conn_.Exec(std::string(kAccountColumns) + std::string(where), {key});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return NotFound("no such account");
  Account account;
  account.id = rows->Int64(0, "id");
  account.login_name = rows->Text(0, "login_name");
  account.display_name = rows->Text(0, "display_name");
  account.created_at = rows->Text(0, "created_at");
  account.disabled_at = rows->Text(0, "disabled_at");
  account.last_login_at = rows->Text(0, "last_login_at");
  auto roles = conn_.Exec(
      "SELECT r.role, coalesce(h.identifier, '') AS holder FROM account_roles r"
      " LEFT JOIN holders h ON h.id = r.holder_id WHERE r.account_id = $1 ORDER BY r.id",
      {account.id});
  if (!roles.ok()) return roles.error();
  for (int i = 0; i < roles->rows(); ++i) {
    auto role = ParseRole(roles->Text(i, "role"));
    if (!role.ok()) return Internal("account_roles holds an unknown role");
    account.roles.push_back(RoleGrant{*role, std::string(roles->Text(i, "holder"))});
  }
  return account;
}

Result<Account> AccountStore::Get(std::string_view login_name) {
  auto account = Load("WHERE a.login_name = $1", login_name);
  if (!account.ok() && account.error().kind == ErrorKind::kNotFound) {
    return NotFound("no account with login name '" + std::string(login_name.substr(0, 64)) + "'");
  }
  return account;
}

Result<std::vector<Account>> AccountStore::List() {
  auto names = conn_.Exec("SELECT login_name FROM accounts ORDER BY login_name");
  if (!names.ok()) return names.error();
  std::vector<Account> accounts;
  for (int i = 0; i < names->rows(); ++i) {
    auto account = Get(names->Text(i, 0));
    if (!account.ok()) return account.error();
    accounts.push_back(std::move(*account));
  }
  return accounts;
}

Status AccountStore::Grant(std::string_view login_name, const RoleGrant& grant, std::string_view actor) {
  auto account = Get(login_name);
  if (!account.ok()) return account.error();
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  HDCAT_TRY(InsertGrant(account->id, grant));
  HDCAT_TRY(WriteAudit(conn_, AuditEntry{actor, "account.grant", "account", login_name,
                                         Json{{"role", RoleName(grant.role)}, {"holder", grant.holder}}}));
  return tx->Commit();
}

Status AccountStore::SetPassword(std::string_view login_name, std::string_view password, std::string_view actor) {
  auto hash = HashPassword(password, policy_.password_iterations);
  if (!hash.ok()) return hash.error();
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto updated = conn_.Exec(
      "UPDATE accounts SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE login_name = $1"
      " RETURNING id",
      {login_name, *hash});
  if (!updated.ok()) return updated.error();
  if (updated->empty()) return NotFound("no account with login name '" + std::string(login_name.substr(0, 64)) + "'");
  HDCAT_TRY(conn_.Exec("DELETE FROM sessions WHERE account_id = $1", {updated->Int64(0, 0)}));
  HDCAT_TRY(WriteAudit(conn_, AuditEntry{actor, "account.password", "account", login_name, {}}));
  return tx->Commit();
}

Status AccountStore::Disable(std::string_view login_name, std::string_view actor) {
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto updated = conn_.Exec(
      "UPDATE accounts SET disabled_at = coalesce(disabled_at, now()) WHERE login_name = $1 RETURNING id",
      {login_name});
  if (!updated.ok()) return updated.error();
  if (updated->empty()) return NotFound("no account with login name '" + std::string(login_name.substr(0, 64)) + "'");
  HDCAT_TRY(conn_.Exec("DELETE FROM sessions WHERE account_id = $1", {updated->Int64(0, 0)}));
  HDCAT_TRY(WriteAudit(conn_, AuditEntry{actor, "account.disable", "account", login_name, {}}));
  return tx->Commit();
}

Result<Session> AccountStore::Login(std::string_view login_name, std::string_view password,
                                    std::string_view user_agent) {
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  // The row lock serialises attempts on one account, so concurrent failures all count.
  auto rows = conn_.Exec(
      "SELECT id, password_hash, disabled_at IS NOT NULL AS disabled,"
      " coalesce(locked_until > now(), false) AS locked, coalesce(hdcat_utc_text(locked_until), '') AS locked_until"
      " FROM accounts WHERE login_name = $1 FOR UPDATE",
      {login_name});
  if (!rows.ok()) return rows.error();

  auto refuse = [&](std::string_view reason, Error error) -> Result<Session> {
    HDCAT_TRY(WriteAudit(conn_, AuditEntry{Actor(TypedName(login_name)), "session.login_failed", "account",
                                           TypedName(login_name), Json{{"reason", reason}}}));
    HDCAT_TRY(tx->Commit());
    return error;
  };
  if (rows->empty()) {
    // The same hashing work as a real check, so timing does not tell which names exist.
    auto ignored = HashPassword("not-an-account-password", policy_.password_iterations);
    (void)ignored;
    return refuse("unknown_account", Unauthenticated(std::string(kWrongCredentials)));
  }
  const std::int64_t id = rows->Int64(0, "id");
  if (rows->Bool(0, "locked")) {
    return refuse("locked", Unauthenticated("too many failed logins: this account is locked until " +
                                            std::string(rows->Text(0, "locked_until")) + "; try again later"));
  }
  auto matches = VerifyPassword(password, rows->Text(0, "password_hash"));
  if (!matches.ok()) return matches.error();
  if (!*matches || rows->Bool(0, "disabled")) {
    auto counted = conn_.Exec(
        "UPDATE accounts SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,"
        " locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + $3::bigint * interval '1 second'"
        " ELSE locked_until END WHERE id = $1 RETURNING locked_until IS NOT NULL AND locked_until > now()",
        {id, policy_.max_failed_logins, static_cast<std::int64_t>(policy_.lockout.count())});
    if (!counted.ok()) return counted.error();
    const bool now_locked = counted->Bool(0, 0);
    return refuse(rows->Bool(0, "disabled") ? "disabled" : (now_locked ? "wrong_password_locked" : "wrong_password"),
                  Unauthenticated(std::string(kWrongCredentials)));
  }

  Session session;
  session.token = RandomHex(kTokenBytes);
  auto created = conn_.Exec(
      "INSERT INTO sessions (id, account_id, expires_at, user_agent)"
      " VALUES ($1, $2, now() + $3::bigint * interval '1 second', $4) RETURNING hdcat_utc_text(expires_at)",
      {Sha256Hex(session.token), id, static_cast<std::int64_t>(policy_.session_lifetime.count()),
       std::string(user_agent.substr(0, kMaxUserAgent))});
  if (!created.ok()) return created.error();
  session.expires_at = created->Text(0, 0);
  HDCAT_TRY(conn_.Exec(
      "UPDATE accounts SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1", {id}));
  HDCAT_TRY(WriteAudit(conn_, AuditEntry{Actor(login_name), "session.login", "account", login_name, {}}));
  HDCAT_TRY(tx->Commit());
  auto account = Get(login_name);
  if (!account.ok()) return account.error();
  session.account = std::move(*account);
  return session;
}

Result<Account> AccountStore::SessionAccount(std::string_view token) {
  if (token.size() != kTokenBytes * 2) return Unauthenticated("please log in");
  auto touched = conn_.Exec(
      "UPDATE sessions s SET last_seen = now() FROM accounts a"
      " WHERE s.id = $1 AND a.id = s.account_id AND a.disabled_at IS NULL AND s.expires_at > now()"
      " AND s.last_seen > now() - $2::bigint * interval '1 second' RETURNING a.login_name",
      {Sha256Hex(token), static_cast<std::int64_t>(policy_.idle_timeout.count())});
  if (!touched.ok()) return touched.error();
  if (touched->empty()) return Unauthenticated("your session has ended; please log in again");
  return Get(touched->Text(0, 0));
}

Status AccountStore::Logout(std::string_view token) {
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto removed = conn_.Exec(
      "DELETE FROM sessions s USING accounts a WHERE s.id = $1 AND a.id = s.account_id RETURNING a.login_name",
      {Sha256Hex(token)});
  if (!removed.ok()) return removed.error();
  if (!removed->empty()) {
    std::string login_name(removed->Text(0, 0));
    HDCAT_TRY(WriteAudit(conn_, AuditEntry{Actor(login_name), "session.logout", "account", login_name, {}}));
  }
  return tx->Commit();
}

}  // namespace hdcat::catalog
