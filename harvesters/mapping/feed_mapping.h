// The native feed (schemas/feed.schema.json): page parsing and the mapping of
// one entry, which is already an hdcat dataset description.
//
// ParseFeedPage checks the page envelope ({"datasets": [...], "next": url|null,
// "holder"?, "deleted"?, "generated_at"?}); a malformed envelope is a gather
// error, and so is a malformed `deleted` list (an array of {identifier,
// deleted_at?}): a withdrawal the harvester cannot read must not be dropped.
// MapFeedEntry checks one entry on its own: a non-object or an entry
// without an identifier is a record error; top-level fields that
// dataset.schema.json does not define are reported in `unmapped` and left
// out (the raw entry keeps them); identifiers are normalised (the original
// goes to source_identifier); a missing holder is the source's holder, a
// different one is a record error (a source publishes only for its holder).
//
// Thread-safety: free functions without shared state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::harvesters::mapping {

struct FeedDeletion {
  std::string identifier;
  std::string deleted_at;           // "" when absent
};

struct FeedPage {
  Json datasets;                    // array
  std::optional<Json> holder;
  std::string next;                 // "" when null
  std::vector<FeedDeletion> deleted; // datasets withdrawn since modified_since
  std::string modified_since;       // the echo of the request's modified_since; "" when null or absent
  std::string generated_at;
};

Result<FeedPage> ParseFeedPage(std::string_view body, std::size_t max_bytes);

struct FeedEntryMapping {
  std::string record_identifier;    // the entry's identifier as published
  Json document;                    // null when `error` is set
  std::optional<Error> error;
  std::vector<std::string> unmapped;
};

FeedEntryMapping MapFeedEntry(const Json& entry, const std::string& holder);

// Top-level field names of dataset.schema.json (from the embedded schema).
const std::vector<std::string>& DatasetFieldNames();

}  // namespace hdcat::harvesters::mapping
