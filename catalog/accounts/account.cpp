#include "catalog/accounts/account.h"

#include <array>
#include <utility>

namespace hdcat::catalog {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoleNames = {{
    {Role::kResearcher, "researcher"},
    {Role::kHolderEditor, "holder_editor"},
    {Role::kAccessReviewer, "access_reviewer"},
    {Role::kAdmin, "admin"},
}};

}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& [known, name] : kRoleNames) {
    if (known == role) return name;
  }
  return "unknown";
}

Result<Role> ParseRole(std::string_view name) {
  for (const auto& [role, known] : kRoleNames) {
    if (known == name) return role;
  }
  return InvalidInput("unknown role '" + std::string(name.substr(0, 64)) +
                      "'; roles are researcher, holder_editor, access_reviewer and admin");
}

bool Account::IsAdmin() const {
  for (const auto& grant : roles) {
    if (grant.role == Role::kAdmin) return true;
  }
  return false;
}

bool Account::MayManageHolder(std::string_view holder) const {
  if (disabled()) return false;
  for (const auto& grant : roles) {
    if (grant.role == Role::kAdmin) return true;
    if (grant.role == Role::kHolderEditor && grant.holder == holder) return true;
  }
  return false;
}

std::vector<std::string> Account::EditedHolders() const {
  std::vector<std::string> holders;
  for (const auto& grant : roles) {
    if (grant.role == Role::kHolderEditor) holders.push_back(grant.holder);
  }
  return holders;
}

bool IsLoginName(std::string_view name) {
  if (name.size() < 3 || name.size() > 64) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    bool punct = c == '.' || c == '_' || c == '@' || c == '-';
    if (!alnum && !(i > 0 && punct)) return false;
  }
  return true;
}

}  // namespace hdcat::catalog
