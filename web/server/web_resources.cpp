#include "web/server/web_resources.h"

#include <algorithm>

namespace hdcat::web {

std::optional<std::string_view> WebResource(std::string_view path) {
  for (std::size_t i = 0; i < detail::kEmbeddedFileCount; ++i) {
    if (detail::kEmbeddedFiles[i].path == path) return detail::kEmbeddedFiles[i].bytes;
  }
  return std::nullopt;
}

std::vector<schemas::EmbeddedFile> WebResources(std::string_view prefix) {
  std::vector<schemas::EmbeddedFile> files;
  for (std::size_t i = 0; i < detail::kEmbeddedFileCount; ++i) {
    if (detail::kEmbeddedFiles[i].path.starts_with(prefix)) files.push_back(detail::kEmbeddedFiles[i]);
  }
  std::sort(files.begin(), files.end(),
            [](const schemas::EmbeddedFile& a, const schemas::EmbeddedFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace hdcat::web
