// The search API shared by the web layer and `hdcat search`: what a caller
// asks (SearchRequest) and what it gets back (SearchResponse), plus their JSON
// forms.
//
// Filters: facet name (index_schema.h kFacets) -> accepted values; values of
// one facet are ORed, facets are ANDed. Facet counts are disjunctive: each
// facet is counted with every filter except its own, so a user can see how
// many results another value of a facet they already narrowed would give.
// The period filter keeps datasets whose covered period overlaps the range.
//
// Thread-safety: plain value types.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::search {

enum class SearchTarget { kDatasets, kVariables };
enum class SortOrder { kRelevance, kUpdated, kSize, kTitle };

struct SearchRequest {
  std::string query;
  std::string lang = "ja";  // language of titles and snippets in the response
  SearchTarget target = SearchTarget::kDatasets;
  std::map<std::string, std::vector<std::string>> filters;
  std::optional<std::string> period_start;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  std::optional<std::string> period_end;
  SortOrder sort = SortOrder::kRelevance;
  int offset = 0;
  int limit = 20;
  std::vector<std::string> facets;  // facets to count; empty = none
};

struct SearchHit {
  std::string public_id;  // the dataset ("ds-…")
  std::string ref;        // the dataset as "holder/identifier"
  double score = 0;
  Json title;             // LangText
  std::string holder;
  Json holder_name;       // LangText
  std::string snippet;    // HTML: escaped text with <mark> around matches
  std::vector<std::string> matched_because;
  // Variable searches only: the variable, and `title` is its title.
  std::string table;
  std::string variable;
  Json dataset_title;
};

struct FacetValueCount {
  std::string value;
  std::int64_t count = 0;
};

struct FacetCounts {
  std::string facet;
  std::vector<FacetValueCount> values;  // by count, descending, then value
};

struct SearchResponse {
  std::int64_t total = 0;
  bool total_exact = true;
  bool relaxed = false;  // no result had every word, so results have some of them
  std::vector<SearchHit> hits;
  std::vector<FacetCounts> facets;
  std::string did_you_mean;  // "" when there is no suggestion
};

Result<SortOrder> ParseSortOrder(std::string_view name);
Json ToJson(const SearchResponse& response);

}  // namespace hdcat::search
