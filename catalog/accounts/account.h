// Account, its roles, and what a role lets an account do.
//
// Roles are the ones the access-application work needs: a researcher applies,
// a holder editor maintains one holder's descriptions and harvest sources (the
// grant names the holder), an access reviewer reviews applications, an admin
// may do everything. Authorisation questions are answered here, by the
// account, so every entry point (pages, API, CLI) asks the same question the
// same way.
//
// Thread-safety: plain value types.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace hdcat::catalog {

enum class Role { kResearcher, kHolderEditor, kAccessReviewer, kAdmin };

// "researcher", "holder_editor", "access_reviewer", "admin".
std::string_view RoleName(Role role);
Result<Role> ParseRole(std::string_view name);

struct RoleGrant {
  Role role = Role::kResearcher;
  std::string holder;  // the holder identifier for kHolderEditor; "" otherwise
};

struct Account {
  std::int64_t id = 0;
  std::string login_name;
  std::string display_name;
  std::string created_at;    // RFC 3339 UTC
  std::string disabled_at;   // "" while enabled
  std::string last_login_at; // "" before the first login
  std::vector<RoleGrant> roles;

  bool disabled() const { return !disabled_at.empty(); }
  // An admin, or a holder editor of `holder`.
  bool MayManageHolder(std::string_view holder) const;
  // The holders this account edits as holder editor, in grant order.
  std::vector<std::string> EditedHolders() const;
  bool IsAdmin() const;
};

// A login name: 3 to 64 characters of a-z 0-9 . _ @ -, starting with a letter or digit.
bool IsLoginName(std::string_view name);

}  // namespace hdcat::catalog
