// CkanTerms: the values of a CKAN package dict that the search index carries
// so that the CKAN API's package_search runs on the index
// (search/index_schema.h kCkanFacets and the CKAN slots). The package dict
// itself (web/export/ckan_package.h) is built with these same functions, so a
// search filtered or counted on the index agrees with the dicts it returns.
//
//   - a tag is a keyword cut to CKAN's tag rules (letters, digits, space, "-",
//     "_", "."; at most 100 bytes at a character boundary; at least 2);
//   - tags are the Japanese then English keywords, each once;
//   - resources are one per access route (format kCkanRouteFormat), then one
//     per distribution, analytics item and sample (their own `format`);
//   - timestamps are CKAN's naive UTC with microseconds and no "Z"
//     ("2024-05-01T10:00:00Z" -> "2024-05-01T10:00:00.000000"), which sort
//     and compare as strings; a date alone is its midnight.
//
// Thread-safety: pure functions.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"

namespace hdcat::search {

inline constexpr std::string_view kCkanRouteFormat = "HTML";

// A keyword as a CKAN tag name ("" when nothing valid remains).
std::string CkanTagName(std::string_view keyword);

// The dataset's tag names, in package order (Japanese keywords first).
std::vector<std::string> CkanTags(const Json& dataset);

// The distinct non-empty formats of the dataset's resources.
std::set<std::string> CkanResourceFormats(const Json& dataset);
std::size_t CkanResourceCount(const Json& dataset);

// RFC 3339 UTC (or a date) -> "YYYY-MM-DDTHH:MM:SS.ffffff"; "" stays "", and
// text shorter than a date is returned unchanged.
std::string CkanTimestamp(std::string_view rfc3339);

}  // namespace hdcat::search
