#include "web/pages/manage/annotated_json.h"

#include <algorithm>

namespace hdcat::web {
namespace {

void Emit(const Json& value, const std::string& pointer, int depth, const std::string& key_prefix, bool comma,
          std::vector<JsonLine>* lines) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  const std::string tail = comma ? "," : "";
  const bool container = (value.is_object() || value.is_array()) && !value.empty();
  if (!container) {
    lines->push_back({indent + key_prefix + value.dump(-1, ' ', false, Json::error_handler_t::replace) + tail, pointer});
    return;
  }
  lines->push_back({indent + key_prefix + (value.is_object() ? "{" : "["), pointer});
  std::size_t index = 0;
  for (auto it = value.begin(); it != value.end(); ++it, ++index) {
    const bool more = index + 1 < value.size();
    if (value.is_object()) {
      std::string key = Json(it.key()).dump(-1, ' ', false, Json::error_handler_t::replace);
      Emit(*it, pointer + "/" + JsonPointerToken(it.key()), depth + 1, key + ": ", more, lines);
    } else {
      Emit(*it, pointer + "/" + std::to_string(index), depth + 1, "", more, lines);
    }
  }
  lines->push_back({indent + (value.is_object() ? "}" : "]") + tail, pointer});
}

}  // namespace

std::vector<JsonLine> PrettyLines(const Json& document) {
  std::vector<JsonLine> lines;
  Emit(document, "", 0, "", false, &lines);
  return lines;
}

std::size_t LineOfPointer(const std::vector<JsonLine>& lines, std::string_view pointer) {
  std::string wanted(pointer == "/" ? "" : pointer);
  while (true) {
    auto found = std::find_if(lines.begin(), lines.end(), [&](const JsonLine& line) { return line.pointer == wanted; });
    if (found != lines.end()) return static_cast<std::size_t>(found - lines.begin());
    if (wanted.empty()) return 0;
    wanted.erase(wanted.rfind('/'));
  }
}

}  // namespace hdcat::web
