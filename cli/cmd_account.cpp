// hdcat account: create, list and disable the accounts that sign in to the
// self-service pages (/manage/).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "catalog/accounts/account_store.h"
#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"

namespace hdcat::cli {
namespace {

using catalog::AccountStore;

constexpr const char* kUsage =
    "usage: hdcat account add LOGIN [--holder HOLDER] [--role ROLE] [--name DISPLAY_NAME]\n"
    "                               [--password-file FILE]\n"
    "       hdcat account list [--json]\n"
    "       hdcat account password LOGIN [--password-file FILE]\n"
    "       hdcat account disable LOGIN\n\n"
    "Accounts sign in to the self-service pages under /manage/. The password is\n"
    "read from the first line of --password-file, else from standard input; it is\n"
    "never taken from the command line, where other users of the machine could\n"
    "see it. It needs at least 12 characters and is stored only as a salted\n"
    "PBKDF2-HMAC-SHA256 hash. Setting a new password or disabling an account\n"
    "ends its sessions.\n\n"
    "add options:\n"
    "  --role ROLE        holder_editor (default; needs --holder), researcher,\n"
    "                     access_reviewer or admin; repeatable\n"
    "  --holder HOLDER    the holder a holder_editor edits\n"
    "  --name TEXT        the name shown on the pages (default: LOGIN)\n"
    "  --password-file F  read the password from F instead of standard input\n";

int Usage(const char* problem) {
  if (problem != nullptr) std::fprintf(stderr, "hdcat account: %s\n", problem);
  std::fprintf(problem ? stderr : stdout, "%s%s", kUsage, kDbOptionHelp);
  return problem ? 2 : 0;
}

int Fail(const Error& error) {
  std::fprintf(stderr, "hdcat account: %s\n", error.ToString().c_str());
  return ExitCodeFor(error);
}

// The first line of the file (or of standard input), without its line ending.
Result<std::string> ReadPassword(const std::optional<std::string>& file) {
  std::string line;
  if (file) {
    std::ifstream in(*file);
    if (!in) return NotFound("cannot read the password file " + *file);
    std::getline(in, line);
  } else {
    std::getline(std::cin, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Result<catalog::NewAccount> ReadNewAccount(const Args& args) {
  catalog::NewAccount account;
  account.login_name = args.positional()[1];
  account.display_name = args.option_or("name", account.login_name);
  std::vector<std::string> roles = args.options("role");
  if (roles.empty()) roles.push_back("holder_editor");
  std::string holder = args.option_or("holder", "");
  for (const auto& name : roles) {
    auto role = catalog::ParseRole(name);
    if (!role.ok()) return role.error();
    const bool scoped = *role == catalog::Role::kHolderEditor;
    if (scoped && holder.empty()) return InvalidInput("the holder_editor role needs --holder HOLDER");
    account.roles.push_back(catalog::RoleGrant{*role, scoped ? holder : ""});
  }
  auto password = ReadPassword(args.option("password-file"));
  if (!password.ok()) return password.error();
  account.password = std::move(*password);
  return account;
}

std::string RolesText(const catalog::Account& account) {
  std::string text;
  for (const auto& grant : account.roles) {
    if (!text.empty()) text += ",";
    text += std::string(catalog::RoleName(grant.role)) + (grant.holder.empty() ? "" : ":" + grant.holder);
  }
  return text.empty() ? "-" : text;
}

Json AccountJson(const catalog::Account& account) {
  Json roles = Json::array();
  for (const auto& grant : account.roles) roles.push_back({{"role", catalog::RoleName(grant.role)}, {"holder", grant.holder}});
  return {{"login_name", account.login_name}, {"display_name", account.display_name},
          {"created_at", account.created_at}, {"disabled_at", account.disabled_at},
          {"last_login_at", account.last_login_at}, {"roles", roles}};
}

}  // namespace

int RunAccount(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"db", "holder", "role", "name", "password-file"});
  if (!args.ok()) return Usage(args.error().message.c_str());
  if (args->help()) return Usage(nullptr);
  const auto& words = args->positional();
  if (words.empty()) return Usage("which action? add, list, password or disable");
  const std::string& action = words[0];
  const bool needs_login = action == "add" || action == "password" || action == "disable";
  if (action != "list" && !needs_login) return Usage(("unknown action '" + action + "'").c_str());
  if (needs_login && words.size() != 2) return Usage((action + " takes one LOGIN").c_str());
  if (action == "list" && words.size() != 1) return Usage("list takes no other word");

  std::optional<catalog::NewAccount> to_add;
  if (action == "add") {
    auto account = ReadNewAccount(*args);
    if (!account.ok()) return Fail(account.error());
    to_add = std::move(*account);
  }
  auto conn = OpenDatabase(*args);
  if (!conn.ok()) return Fail(conn.error());
  AccountStore store(**conn);

  if (action == "add") {
    auto created = store.Create(*to_add, "cli");
    if (!created.ok()) return Fail(created.error());
    std::printf("added account %s (%s)\n", created->login_name.c_str(), RolesText(*created).c_str());
    return 0;
  }
  if (action == "password") {
    auto password = ReadPassword(args->option("password-file"));
    if (!password.ok()) return Fail(password.error());
    Status changed = store.SetPassword(words[1], *password, "cli");
    if (!changed.ok()) return Fail(changed.error());
    std::printf("set a new password for %s; its sessions have ended\n", words[1].c_str());
    return 0;
  }
  if (action == "disable") {
    Status disabled = store.Disable(words[1], "cli");
    if (!disabled.ok()) return Fail(disabled.error());
    std::printf("disabled account %s; its sessions have ended\n", words[1].c_str());
    return 0;
  }
  auto accounts = store.List();
  if (!accounts.ok()) return Fail(accounts.error());
  if (args->flag("json")) {
    Json list = Json::array();
    for (const auto& account : *accounts) list.push_back(AccountJson(account));
    std::printf("%s\n", list.dump(2).c_str());
    return 0;
  }
  std::printf("%-24s %-24s %-10s %-21s %s\n", "LOGIN", "NAME", "STATE", "LAST LOGIN", "ROLES");
  for (const auto& account : *accounts) {
    std::printf("%-24s %-24s %-10s %-21s %s\n", account.login_name.c_str(), account.display_name.c_str(),
                account.disabled() ? "disabled" : "active",
                account.last_login_at.empty() ? "-" : account.last_login_at.c_str(), RolesText(account).c_str());
  }
  return 0;
}

}  // namespace hdcat::cli
