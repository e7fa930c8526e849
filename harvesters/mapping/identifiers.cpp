#include "harvesters/mapping/identifiers.h"

#include "base/hash.h"

namespace hdcat::harvesters::mapping {

std::string NormaliseIdentifier(std::string_view original) {
  std::string out;
  for (unsigned char c : original) {
    char lower = static_cast<char>(std::tolower(c));
    bool allowed = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '.' ||
                   lower == '_' || lower == '-';
    if (c >= 0x80 || !allowed) lower = '-';
    if (lower == '-' && !out.empty() && out.back() == '-') continue;
    out += lower;
  }
  while (!out.empty() && (out.front() == '-' || out.front() == '.' || out.front() == '_')) out.erase(0, 1);
  if (out.size() > 128) out.resize(128);
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) out = "id-" + Sha256Hex(original).substr(0, 16);
  return out;
}

void SetIdentifier(Json& document, std::string_view original) {
  std::string normalised = NormaliseIdentifier(original);
  document["identifier"] = normalised;
  if (normalised != original) document["source_identifier"] = std::string(original);
}

}  // namespace hdcat::harvesters::mapping
