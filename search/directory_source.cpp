#include "search/directory_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "search/document_builder.h"

namespace hdcat::search {

Result<DirectorySource> DirectorySource::Open(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(root, error)) return NotFound("not a directory: " + root);
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (error) return Unavailable("cannot list " + root + ": " + error.message());
  std::sort(files.begin(), files.end());
  DirectorySource source;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in) return Unavailable("cannot read " + file.string());
    auto document = ParseJson(bytes.str());
    if (!document.ok()) {
      Error failure = document.error();
      failure.message = file.string() + ": " + failure.message;
      return failure;
    }
    HDCAT_TRY(source.AddDocument(*document, file.string()));
  }
  return source;
}

Status DirectorySource::AddDocument(const Json& document, const std::string& origin) {
  if (document.is_array()) {
    for (const Json& item : document) HDCAT_TRY(AddDocument(item, origin));
    return Status::Ok();
  }
  if (!document.is_object()) return Status::Ok();
  if (document.contains("holder_type")) return AddHolder(document);
  if (document.contains("holder") && document.contains("title")) return AddDataset(document);
  return Status::Ok();
}

Status DirectorySource::AddHolder(const Json& holder) {
  auto id = holder.find("identifier");
  if (id == holder.end() || !id->is_string()) return InvalidInput("holder has no identifier").at("/identifier");
  holders_[id->get<std::string>()] = holder;
  return Status::Ok();
}

Status DirectorySource::AddDataset(const Json& dataset, std::optional<double> completeness) {
  auto public_id = DatasetPublicId(dataset);
  if (!public_id.ok()) return public_id.error();
  datasets_[*public_id] = CatalogEntry{dataset, completeness, "", "", ""};
  return Status::Ok();
}

Result<std::vector<CatalogEntry>> DirectorySource::ListDatasets(const std::string& after_public_id, int limit) {
  std::vector<CatalogEntry> out;
  auto it = after_public_id.empty() ? datasets_.begin() : datasets_.upper_bound(after_public_id);
  for (; it != datasets_.end() && static_cast<int>(out.size()) < limit; ++it) out.push_back(it->second);
  return out;
}

Result<std::optional<CatalogEntry>> DirectorySource::GetDataset(const std::string& public_id) {
  auto found = datasets_.find(public_id);
  if (found == datasets_.end()) return std::optional<CatalogEntry>();
  return std::optional<CatalogEntry>(found->second);
}

Result<std::optional<Json>> DirectorySource::GetHolder(const std::string& holder_id) {
  auto found = holders_.find(holder_id);
  if (found == holders_.end()) return std::optional<Json>();
  return std::optional<Json>(found->second);
}

}  // namespace hdcat::search
