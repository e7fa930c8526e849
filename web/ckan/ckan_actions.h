// The CKAN Action API's read actions (../shared/reference/catalogs-and-ckan-api.md
// §2.4-2.5), one function each, read through CkanCatalog (package_search from
// the search index, package_show from the store, the lists from its snapshot):
//
//   package_search      see web/ckan/package_search.h
//   package_show        id (the dataset's name/id, or "holder/identifier")
//   package_list        limit, offset: names of active datasets, by name
//   organization_list   all_fields, sort, limit, offset, q
//   organization_show   id, include_datasets
//   status_show         site facts; ckan_version says which API to expect
//   help_show           name: what an action does (the envelope's help URL)
//
// Errors are hdcat Errors, turned into CKAN's error objects by
// CkanErrorFor: kInvalidInput with a pointer "/<field>" is a Validation
// Error (409) on that field; kInvalidInput without a pointer is a Search
// Query Error (400); kNotFound is a Not Found Error (404); kForbidden and
// kUnauthenticated an Authorization Error (403); anything else an Internal
// Server Error (500).
//
// Thread-safety: the table is constant; actions are safe to call concurrently.
#pragma once

#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "web/ckan/ckan_snapshot.h"

namespace hdcat::web::ckan {

inline constexpr std::string_view kCkanVersion = "2.10.4";

using ActionFunction = Result<Json> (*)(const CkanCatalog& catalog, const Json& params);

struct Action {
  std::string_view name;
  std::string_view help;
  ActionFunction run;
};

const std::vector<Action>& Actions();
const Action* FindAction(std::string_view name);

struct CkanError {
  int status = 500;
  Json error;  // {"__type": ..., "message": ...} or {"__type": ..., field: [messages]}
};
CkanError CkanErrorFor(const Error& error);

Result<Json> PackageShow(const CkanCatalog& catalog, const Json& params);
Result<Json> PackageList(const CkanCatalog& catalog, const Json& params);
Result<Json> OrganizationList(const CkanCatalog& catalog, const Json& params);
Result<Json> OrganizationShow(const CkanCatalog& catalog, const Json& params);
Result<Json> StatusShow(const CkanCatalog& catalog, const Json& params);
Result<Json> HelpShow(const CkanCatalog& catalog, const Json& params);

}  // namespace hdcat::web::ckan
