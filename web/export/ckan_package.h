// CKAN dictionaries for hdcat's CKAN-compatible read API: the package dict of
// package_show / package_search and the organization dict of
// organization_show / organization_list(all_fields), shaped as CKAN 2.10
// returns them (../shared/reference/catalogs-and-ckan-api.md §2.4).
//
// Mapping decisions:
//   - id and name are the dataset's public id ("ds-…", already a valid CKAN
//     name); owner_org and organization.id/name are the holder identifier;
//   - title and notes are in the requested language (falling back to the
//     other); title_translated / notes_translated carry both, as
//     ckanext-fluent does, and extras repeat the other language as
//     title_<lang> / notes_<lang> for clients that only read extras;
//   - tags are the Japanese and English keywords, deduplicated, cut to
//     CKAN's tag rules (search/ckan_terms.h);
//   - resources are the access routes then the distributions, analytics and
//     samples, each with resource_type naming which;
//   - extras hold the hdcat fields CKAN has no column for, values as strings
//     (lists and objects as JSON text), sorted by key; counts pass disclosure
//     control and a suppressed one reads "<threshold";
//   - the `hdcat_document` extra is the whole description as canonical JSON
//     (PublishableDocument: suppressed counts removed), so an hdcat harvester
//     gets the document back without loss; the other extras stay for clients
//     that read single fields;
//   - license: no licence is declared by the model, so "notspecified" for
//     PUBLIC data and "other-closed" otherwise; isopen is false;
//   - timestamps are CKAN's naive UTC with microseconds and no "Z".
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"
#include "search/ckan_terms.h"
#include "web/export/export_input.h"
#include "web/export/export_vocabularies.h"

namespace hdcat::web::exporting {

Json CkanPackage(const ExportSite& site, const ExportVocabularies& vocabularies, const DatasetExport& input,
                 std::string_view language);

// `package_count` is how many active datasets the holder has; `created` is
// RFC 3339 UTC ("" = unknown).
Json CkanOrganization(const ExportSite& site, const Json& holder, std::string_view language, int package_count,
                      std::string_view created);

// license_id is kCkanOpenLicense exactly when access_rights is
// kCkanOpenAccessRights (package_search filters and counts licences so).
inline constexpr std::string_view kCkanOpenAccessRights = "PUBLIC";
inline constexpr std::string_view kCkanOpenLicense = "notspecified";
inline constexpr std::string_view kCkanClosedLicense = "other-closed";
inline constexpr std::string_view kCkanOpenLicenseTitle = "License not specified";
inline constexpr std::string_view kCkanClosedLicenseTitle = "Other (Not Open)";

// Tag names, resource formats and timestamps follow search/ckan_terms.h, which
// the search index is built with too.
using search::CkanTagName;
using search::CkanTimestamp;

}  // namespace hdcat::web::exporting
