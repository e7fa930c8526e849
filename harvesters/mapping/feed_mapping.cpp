#include "harvesters/mapping/feed_mapping.h"

#include <algorithm>

#include "harvesters/mapping/identifiers.h"
#include "schemas/resources.h"

namespace hdcat::harvesters::mapping {

const std::vector<std::string>& DatasetFieldNames() {
  // Read once from the immutable embedded schema.
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    auto bytes = schemas::Resource("dataset.schema.json");
    if (bytes) {
      Json schema = Json::parse(*bytes, nullptr, false);
      if (!schema.is_discarded() && schema.contains("properties") && schema["properties"].is_object()) {
        for (const auto& [name, unused] : schema["properties"].items()) {
          (void)unused;
          out.push_back(name);
        }
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return names;
}

namespace {

Error BadDeletion(std::string message, std::string pointer) {
  Error error = InvalidInput("feed page: " + std::move(message));
  error.pointer = std::move(pointer);
  error.expected = R"("deleted": [{"identifier": "…", "deleted_at": "2025-04-01T00:00:00Z"}])";
  return error;
}

Result<std::vector<FeedDeletion>> ParseDeletions(const Json& deleted) {
  if (!deleted.is_array()) return BadDeletion("\"deleted\" must be an array", "/deleted");
  std::vector<FeedDeletion> out;
  for (std::size_t i = 0; i < deleted.size(); ++i) {
    const Json& entry = deleted[i];
    const std::string pointer = "/deleted/" + std::to_string(i);
    if (!entry.is_object()) return BadDeletion("a deletion must be an object", pointer);
    FeedDeletion deletion;
    for (const auto& [key, value] : entry.items()) {
      if (key == "identifier" && value.is_string()) {
        deletion.identifier = value.get<std::string>();
      } else if (key == "deleted_at" && value.is_string()) {
        deletion.deleted_at = value.get<std::string>();
      } else if (key == "identifier" || key == "deleted_at") {
        return BadDeletion("\"" + key + "\" of a deletion must be a string", pointer + "/" + key);
      } else {
        return BadDeletion("unknown field \"" + key + "\" in a deletion", pointer + "/" + key);
      }
    }
    if (deletion.identifier.empty()) return BadDeletion("a deletion has no identifier", pointer + "/identifier");
    out.push_back(std::move(deletion));
  }
  return out;
}

}  // namespace

Result<FeedPage> ParseFeedPage(std::string_view body, std::size_t max_bytes) {
  JsonLimits limits;
  limits.max_bytes = max_bytes;
  auto parsed = ParseJson(body, limits);
  if (!parsed.ok()) {
    Error error = parsed.error();
    error.message = "feed page: " + error.message;
    return error;
  }
  Json& page = parsed.value();
  if (!page.is_object()) {
    Error error = InvalidInput("feed page is not a JSON object");
    error.expected = R"({"datasets": [...], "next": url|null})";
    return error;
  }
  FeedPage out;
  auto datasets = page.find("datasets");
  if (datasets == page.end() || !datasets->is_array()) {
    Error error = InvalidInput("feed page has no \"datasets\" array");
    error.pointer = "/datasets";
    error.expected = "an array of dataset descriptions";
    return error;
  }
  out.datasets = std::move(*datasets);
  if (auto next = page.find("next"); next != page.end() && !next->is_null()) {
    if (!next->is_string()) {
      Error error = InvalidInput("feed page \"next\" must be a URL or null");
      error.pointer = "/next";
      return error;
    }
    out.next = next->get<std::string>();
  }
  if (auto holder = page.find("holder"); holder != page.end() && holder->is_object()) out.holder = *holder;
  if (auto deleted = page.find("deleted"); deleted != page.end()) {
    auto parsed = ParseDeletions(*deleted);
    if (!parsed.ok()) return parsed.error();
    out.deleted = std::move(parsed).value();
  }
  if (auto since = page.find("modified_since"); since != page.end() && since->is_string()) {
    out.modified_since = since->get<std::string>();
  }
  if (auto generated = page.find("generated_at"); generated != page.end() && generated->is_string()) {
    out.generated_at = generated->get<std::string>();
  }
  return out;
}

FeedEntryMapping MapFeedEntry(const Json& entry, const std::string& holder) {
  FeedEntryMapping out;
  if (!entry.is_object()) {
    out.error = InvalidInput("feed entry is not a JSON object");
    return out;
  }
  auto identifier = entry.find("identifier");
  if (identifier == entry.end() || !identifier->is_string() || identifier->get<std::string>().empty()) {
    Error error = InvalidInput("feed entry has no identifier");
    error.pointer = "/identifier";
    out.error = std::move(error);
    return out;
  }
  out.record_identifier = identifier->get<std::string>();
  if (auto h = entry.find("holder"); h != entry.end() && h->is_string() && !holder.empty() && h->get<std::string>() != holder) {
    Error error = Conflict("feed entry " + out.record_identifier + " names holder \"" + h->get<std::string>() +
                           "\", but this source publishes for \"" + holder + "\"");
    error.pointer = "/holder";
    error.expected = holder;
    out.error = std::move(error);
    return out;
  }
  const auto& known = DatasetFieldNames();
  Json document = Json::object();
  for (const auto& [key, value] : entry.items()) {
    if (!known.empty() && !std::binary_search(known.begin(), known.end(), key)) {
      out.unmapped.push_back(key);
      continue;
    }
    document[key] = value;
  }
  std::string original = entry.contains("source_identifier") && entry["source_identifier"].is_string()
                             ? entry["source_identifier"].get<std::string>()
                             : out.record_identifier;
  SetIdentifier(document, out.record_identifier);
  if (original != out.record_identifier) document["source_identifier"] = original;
  if (!document.contains("holder") && !holder.empty()) document["holder"] = holder;
  out.document = std::move(document);
  return out;
}

}  // namespace hdcat::harvesters::mapping
