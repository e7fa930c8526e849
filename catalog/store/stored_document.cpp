#include "catalog/store/stored_document.h"

#include "base/hash.h"
#include "base/utf8.h"

namespace hdcat::catalog {
namespace {

// True when some key or string is not valid UTF-8; *pointer then names the first.
bool FindBadUtf8(const Json& value, const std::string& here, std::string* pointer) {
  if (value.is_string()) {
    if (IsValidUtf8(value.get_ref<const std::string&>())) return false;
    *pointer = here;
    return true;
  }
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      if (!IsValidUtf8(key)) {
        *pointer = here + "/" + JsonPointerToken(key);
        return true;
      }
      if (FindBadUtf8(child, here + "/" + JsonPointerToken(key), pointer)) return true;
    }
  }
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (FindBadUtf8(value[i], here + "/" + std::to_string(i), pointer)) return true;
    }
  }
  return false;
}

}  // namespace

Result<StoredDocument> PrepareDocument(const Json& document, std::size_t max_bytes) {
  if (!document.is_object()) return InvalidInput("a description must be a JSON object");
  std::string pointer;
  if (FindBadUtf8(document, "", &pointer)) {
    Error error = InvalidInput("document contains text that is not valid UTF-8");
    error.pointer = pointer.empty() ? "/" : pointer;
    error.expected = "UTF-8 text";
    return error;
  }
  StoredDocument stored;
  try {
    stored.canonical = CanonicalJson(document);
  } catch (const Json::exception& e) {
    return InvalidInput(std::string("document cannot be serialised: ") + e.what());
  }
  if (stored.canonical.size() > max_bytes) {
    return TooLarge("document is " + std::to_string(stored.canonical.size()) + " bytes; the limit is " +
                    std::to_string(max_bytes) + " bytes");
  }
  stored.content_hash = Sha256Hex(stored.canonical);
  return stored;
}

}  // namespace hdcat::catalog
