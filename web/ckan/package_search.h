// PackageSearch: CKAN's package_search over one catalog snapshot
// (../shared/reference/catalogs-and-ckan-api.md §2.3).
//
// q and fq (and each entry of fq_list) are parsed with LuceneQuery and ANDed;
// an empty q is *:*. Unknown parameters are refused ("Invalid search
// parameters"), except ext_* and the Solr tuning parameters CKAN passes
// through (qf, wt, bf, boost, tie, defType, mm, q.op, df), which are
// accepted and ignored, as are include_private / include_drafts /
// include_deleted (hdcat serves only public, active datasets).
//
// rows: default 10; values above 1000 are cut to 1000 as CKAN does, but a
// value above kMaxRowsAccepted is refused as absurd rather than silently cut.
// start: 0 or more. sort: a comma list of "<field> asc|desc" over score,
// metadata_modified, metadata_created, name, title_string, id,
// num_resources, num_tags ("rank" = the default "score desc,
// metadata_modified desc"); ties always end in name order, so paging with
// start/rows neither repeats nor skips a dataset. Facets: facet.field (a
// JSON list) counted over every match, most frequent first, cut by
// facet.mincount (default 1) and facet.limit (default 50, negative = all);
// search_facets items are ordered by display_name descending, as CKAN
// returns them, with the organization's title as its display_name.
// fl: "id" or "name" alone gives a list of strings; other fields give dicts
// of just those fields.
//
// Errors: a bad parameter is a Validation Error on that field; a query that
// cannot be parsed, an unknown sort or unknown parameters are a Search Query
// Error (see web/ckan/ckan_actions.h for how they are told apart).
//
// Thread-safety: a pure function of its arguments.
#pragma once

#include <cstdint>

#include "base/json.h"
#include "base/result.h"
#include "web/ckan/ckan_snapshot.h"

namespace hdcat::web::ckan {

inline constexpr std::int64_t kMaxRows = 1000;
inline constexpr std::int64_t kMaxRowsAccepted = 100000;
inline constexpr std::int64_t kMaxStart = 1000000000;
inline constexpr std::int64_t kDefaultRows = 10;
inline constexpr std::int64_t kDefaultFacetLimit = 50;
inline constexpr std::string_view kDefaultSort = "score desc, metadata_modified desc";

Result<Json> PackageSearch(const CkanSnapshot& snapshot, const Json& params);

}  // namespace hdcat::web::ckan
