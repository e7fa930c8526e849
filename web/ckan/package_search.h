// PackageSearch: CKAN's package_search (../shared/reference/catalogs-and-ckan-api.md
// §2.3), answered from the search index: q and fq (and each entry of
// fq_list) are parsed with LuceneQuery, ANDed and translated by IndexQueryOf
// (web/ckan/index_query.h, which lists the searchable fields); an empty q is
// *:*. The index returns the page's public ids, the exact count and the facet
// counts; only the page's package dicts are then read (CkanCatalog::Package).
// Unknown parameters are refused ("Invalid search parameters"), except ext_*
// and the Solr tuning parameters CKAN passes through (qf, wt, bf, boost, tie,
// defType, mm, q.op, df), which are accepted and ignored, as are
// include_private / include_drafts / include_deleted (hdcat serves only
// public, active datasets).
//
// rows: default 10; values above 1000 are cut to 1000 as CKAN does, but a
// value above kMaxRowsAccepted is refused as absurd rather than silently cut.
// start: 0 or more. sort: a comma list of "<field> asc|desc" over
// metadata_modified, metadata_created, name, id, title_string (the title in
// the site's language, compared normalised), num_resources, num_tags, and
// "score desc" as the first key only ("rank" = the default "score desc,
// metadata_modified desc"); ties always end in name order, so paging with
// start/rows neither repeats nor skips a dataset. Facets: facet.field (a
// JSON list) over organization / owner_org, tags, res_format, license_id and
// groups, counted over every match (as Solr does, not disjunctively), most
// frequent first, cut by facet.mincount (default 1) and facet.limit (default
// 50, negative = all); another facet field is a Search Query Error.
// search_facets items are ordered by display_name descending, as CKAN
// returns them, with the organization's title as its display_name.
// fl: "id" or "name" alone gives a list of strings; other fields give dicts
// of just those fields.
//
// Errors: a bad parameter is a Validation Error on that field; a query that
// cannot be parsed or names a field the index cannot search, an unknown sort
// or unknown parameters are a Search Query Error (see web/ckan/ckan_actions.h
// for how they are told apart). Without a search index: kUnavailable.
//
// Thread-safety: safe to call concurrently (CkanCatalog is thread-safe).
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

Result<Json> PackageSearch(const CkanCatalog& catalog, const Json& params);

}  // namespace hdcat::web::ckan
