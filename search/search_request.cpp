#include "search/search_request.h"

namespace hdcat::search {

Result<SortOrder> ParseSortOrder(std::string_view name) {
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "updated") return SortOrder::kUpdated;
  if (name == "size") return SortOrder::kSize;
  if (name == "title") return SortOrder::kTitle;
  Error error = InvalidInput("unknown sort order '" + std::string(name) + "'");
  error.expected = "relevance, updated, size or title";
  return error;
}

Json ToJson(const SearchResponse& response) {
  Json hits = Json::array();
  for (const SearchHit& hit : response.hits) {
    Json item = {{"public_id", hit.public_id}, {"ref", hit.ref}, {"score", hit.score}, {"title", hit.title},
                 {"holder", hit.holder},       {"holder_name", hit.holder_name}, {"snippet", hit.snippet},
                 {"matched_because", hit.matched_because}};
    if (!hit.variable.empty()) {
      item["table"] = hit.table;
      item["variable"] = hit.variable;
      item["dataset_title"] = hit.dataset_title;
    }
    hits.push_back(std::move(item));
  }
  Json facets = Json::object();
  for (const FacetCounts& facet : response.facets) {
    Json values = Json::array();
    for (const FacetValueCount& value : facet.values) values.push_back({{"value", value.value}, {"count", value.count}});
    facets[facet.facet] = std::move(values);
  }
  Json out = {{"total", response.total}, {"total_exact", response.total_exact}, {"relaxed", response.relaxed},
              {"hits", std::move(hits)},  {"facets", std::move(facets)}};
  if (!response.did_you_mean.empty()) out["did_you_mean"] = response.did_you_mean;
  return out;
}

}  // namespace hdcat::search
