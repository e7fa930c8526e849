// QueryMix: the queries of the search benchmark, drawn from the same word
// lists and code generators as the synthetic catalog so that they find data.
//
// Classes: Japanese words, English words, mixed Latin/Japanese queries, exact
// codes, code prefixes (hierarchical systems), and facet drill-downs (one to
// three filters, with or without words, counting kCountedFacets). Each class
// has `per_class` queries, deterministic from the seed.
//
// Thread-safety: plain values and a pure function.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bench/search/synthetic_catalog.h"

namespace hdcat::bench {

enum class QueryClass { kWordsJa, kWordsEn, kMixed, kCodeExact, kCodePrefix, kFacets };
inline constexpr std::array<QueryClass, 6> kQueryClasses = {QueryClass::kWordsJa,   QueryClass::kWordsEn,
                                                            QueryClass::kMixed,     QueryClass::kCodeExact,
                                                            QueryClass::kCodePrefix, QueryClass::kFacets};
std::string_view ClassName(QueryClass query_class);

// Facets counted by drill-down queries (index_schema.h names).
inline constexpr std::array<std::string_view, 6> kCountedFacets = {
    "holder", "data_type", "health_category", "access_rights", "access_route", "coding_system"};

struct BenchQuery {
  QueryClass query_class = QueryClass::kWordsJa;
  std::string text;  // "" = filters only
  std::map<std::string, std::vector<std::string>> filters;
  bool counts_facets() const { return query_class == QueryClass::kFacets; }
  bool is_code() const { return query_class == QueryClass::kCodeExact || query_class == QueryClass::kCodePrefix; }
};

std::vector<BenchQuery> MakeQueryMix(const SyntheticCatalog& catalog, int per_class, std::uint64_t seed);

}  // namespace hdcat::bench
