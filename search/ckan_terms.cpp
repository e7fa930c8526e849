#include "search/ckan_terms.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace hdcat::search {
namespace {

constexpr std::size_t kMaxTagBytes = 100;
constexpr std::size_t kMinTagBytes = 2;
constexpr std::string_view kResourceLists[] = {"distributions", "analytics", "samples"};

const Json& Member(const Json& object, std::string_view key) {
  static const Json kNull;
  if (!object.is_object()) return kNull;
  auto found = object.find(key);
  return found == object.end() ? kNull : *found;
}

}  // namespace

std::string CkanTagName(std::string_view keyword) {
  std::string out;
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(keyword.size());
  while (i < length) {
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(keyword.data(), i, length, c);
    if (c < 0) continue;  // ill-formed UTF-8
    bool allowed = u_isalnum(c) || c == '_' || c == '-' || c == '.' || c == ' ';
    if (allowed) {
      out.append(keyword.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  if (out.size() > kMaxTagBytes) {
    std::size_t cut = kMaxTagBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out.size() >= kMinTagBytes ? out : "";
}

std::vector<std::string> CkanTags(const Json& dataset) {
  std::vector<std::string> tags;
  std::set<std::string> seen;
  const Json& keywords = Member(dataset, "keywords");
  for (std::string_view language : {"ja", "en"}) {
    const Json& words = Member(keywords, language);
    if (!words.is_array()) continue;
    for (const Json& word : words) {
      if (!word.is_string()) continue;
      std::string name = CkanTagName(word.get<std::string>());
      if (!name.empty() && seen.insert(name).second) tags.push_back(std::move(name));
    }
  }
  return tags;
}

std::set<std::string> CkanResourceFormats(const Json& dataset) {
  std::set<std::string> formats;
  const Json& routes = Member(Member(dataset, "access"), "routes");
  if (routes.is_array() && !routes.empty()) formats.insert(std::string(kCkanRouteFormat));
  for (std::string_view list : kResourceLists) {
    const Json& items = Member(dataset, list);
    if (!items.is_array()) continue;
    for (const Json& item : items) {
      const Json& format = Member(item, "format");
      if (format.is_string() && !format.get<std::string>().empty()) formats.insert(format.get<std::string>());
    }
  }
  return formats;
}

std::size_t CkanResourceCount(const Json& dataset) {
  std::size_t count = 0;
  const Json& routes = Member(Member(dataset, "access"), "routes");
  if (routes.is_array()) count += routes.size();
  for (std::string_view list : kResourceLists) {
    const Json& items = Member(dataset, list);
    if (items.is_array()) count += items.size();
  }
  return count;
}

std::string CkanTimestamp(std::string_view rfc3339) {
  std::string text(rfc3339);
  if (text.size() == 10) text += "T00:00:00";
  if (text.size() < 19) return text;
  std::string out = text.substr(0, 19);
  std::string fraction;
  std::size_t i = 19;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') fraction.push_back(text[i++]);
  }
  fraction.resize(6, '0');
  return out + "." + fraction;
}

}  // namespace hdcat::search
