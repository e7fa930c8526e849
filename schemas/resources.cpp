#include "schemas/resources.h"

#include <algorithm>

namespace hdcat::schemas {

std::optional<std::string_view> Resource(std::string_view path) {
  for (std::size_t i = 0; i < detail::kEmbeddedFileCount; ++i) {
    if (detail::kEmbeddedFiles[i].path == path) return detail::kEmbeddedFiles[i].bytes;
  }
  return std::nullopt;
}

std::vector<EmbeddedFile> Resources(std::string_view prefix) {
  std::vector<EmbeddedFile> out;
  for (std::size_t i = 0; i < detail::kEmbeddedFileCount; ++i) {
    if (detail::kEmbeddedFiles[i].path.starts_with(prefix)) out.push_back(detail::kEmbeddedFiles[i]);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

}  // namespace hdcat::schemas
