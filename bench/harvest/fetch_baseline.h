// The harvest benchmark's reference: download and parse the same pages a
// harvest reads, with the same HTTP client (harvesters/http) and the same
// parsers the adapters use (the feed page parser, JSON, raptor2 for Turtle
// and RDF/XML while the bytes arrive, JSON-LD expansion, CSV), but without
// mapping, validation, hashing or storing anything.
//
// Thread-safety: free function without shared state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace hdcat::bench::harvest {

struct BaselineCounts {
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
  std::int64_t records = 0;  // datasets (or dictionary rows) found by parsing
};

// Fetches and parses each URL of `urls`, read as `format` (a harvest source format).
Result<BaselineCounts> FetchAndParse(const std::string& format, const std::vector<std::string>& urls);

}  // namespace hdcat::bench::harvest
