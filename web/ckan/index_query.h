// IndexQuery: package_search's parsed q / fq (web/ckan/lucene_query.h) as a
// query over the search index (search/index_schema.h), so that searching,
// filtering, counting and sorting run on the index and never on the whole
// catalog in memory.
//
// Field by field:
//   text (unfielded words)   the index's full text, built as the search page
//                            builds it (normalised, synonyms, CJK n-grams);
//                            a "phrase" or a word* matches as its words do
//   name, id                 the public id ("ds-…"), any case; name:ds-ab*
//   organization, owner_org  the holder facet
//   tags, res_format         the kCkanFacets terms, exact (Solr `string`)
//   license_id               notspecified = access_rights PUBLIC, other-closed
//                            = anything else (web/export/ckan_package.h)
//   access_rights            the access_rights facet
//   metadata_modified,       when the catalog stored the current / first
//   metadata_created         version: [a TO b], {a TO b}, NOW±N DAYS, dates
//   num_resources, num_tags  numbers and numeric ranges
//   state, type,             constants of every public dataset ("active",
//   dataset_type, capacity   "dataset", "dataset", "public"); groups: none
// Any other field is refused with kInvalidInput naming the searchable
// fields, so a query the index cannot answer is an error, never a silently
// different result.
//
// Thread-safety: pure functions; `text_query` is called on the caller's thread.
#pragma once

#include <functional>
#include <string_view>

#include <xapian.h>

#include "base/result.h"
#include "web/ckan/lucene_query.h"

namespace hdcat::web::ckan {

// The index query for free text (search::Searcher::TextQuery).
using TextQueryFunction = std::function<Result<Xapian::Query>(std::string_view text)>;

Result<Xapian::Query> IndexQueryOf(const QueryNode& node, const TextQueryFunction& text_query);

}  // namespace hdcat::web::ckan
