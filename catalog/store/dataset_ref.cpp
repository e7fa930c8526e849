#include "catalog/store/dataset_ref.h"

#include "base/hash.h"

namespace hdcat::catalog {

std::string DatasetPublicId(std::string_view holder, std::string_view identifier) {
  std::string key(holder);
  key += '/';
  key += identifier;
  return "ds-" + Sha256Hex(key).substr(0, 16);
}

bool IsIdentifier(std::string_view text) {
  if (text.empty() || text.size() > 128) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(text[0])) return false;
  for (char c : text) {
    if (!lower_or_digit(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

Result<DatasetRef> ParseDatasetRef(std::string_view text) {
  DatasetRef ref;
  auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    bool hex_tail = text.size() == 19 && text.starts_with("ds-") &&
                    text.substr(3).find_first_not_of("0123456789abcdef") == std::string_view::npos;
    if (hex_tail) {
      ref.public_id = std::string(text);
      return ref;
    }
  } else if (IsIdentifier(text.substr(0, slash)) && IsIdentifier(text.substr(slash + 1))) {
    ref.holder = std::string(text.substr(0, slash));
    ref.identifier = std::string(text.substr(slash + 1));
    return ref;
  }
  Error error = InvalidInput("'" + std::string(text) + "' does not name a dataset");
  error.expected = "a public id like ds-0123456789abcdef, or holder/identifier";
  return error;
}

}  // namespace hdcat::catalog
