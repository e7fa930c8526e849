// The API operations: one function per operation, in the manner of CKAN's
// action layer. Each takes the request Context and its parameters as one JSON
// object, checks them against the operation's ParamSpecs, calls the catalog
// or search interface and returns the JSON answer or an Error. HTTP handlers
// are generic adapters over this table (see web/api/api_routes.h): they only
// turn a request into `params` and the result into a response.
//
// Operations (path placeholders are parameters too):
//   holder_list      GET /api/v1/holders                         limit, offset
//   holder_show      GET /api/v1/holders/{holder}
//   dataset_list     GET /api/v1/datasets                        holder, limit, offset
//   dataset_show     GET /api/v1/datasets/{holder}/{dataset}
//   version_list     GET /api/v1/datasets/{holder}/{dataset}/versions   limit, offset
//   version_show     GET /api/v1/datasets/{holder}/{dataset}/versions/{version}
//   search           GET /api/v1/search                          q, sort, lang, limit, offset, <facet filters>
//
// Thread-safety: the table is constant; operations are safe to call concurrently.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "web/api/context.h"
#include "web/api/param_spec.h"

namespace hdcat::web::api {

using OperationFunction = Result<Json> (*)(const Context& context, const Json& params);

struct Operation {
  std::string_view name;
  std::string_view method;
  std::string_view pattern;  // router pattern, placeholders named as parameters
  std::vector<ParamSpec> params;
  OperationFunction run;
};

// Every API operation, in documentation order.
const std::vector<Operation>& Operations();

Result<Json> HolderList(const Context& context, const Json& params);
Result<Json> HolderShow(const Context& context, const Json& params);
Result<Json> DatasetList(const Context& context, const Json& params);
Result<Json> DatasetShow(const Context& context, const Json& params);
Result<Json> VersionList(const Context& context, const Json& params);
Result<Json> VersionShow(const Context& context, const Json& params);
Result<Json> Search(const Context& context, const Json& params);

// The facet names the search operation accepts as filter parameters.
std::span<const std::string_view> SearchFacetNames();

}  // namespace hdcat::web::api
