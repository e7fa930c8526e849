#include "web/api/operations.h"

#include <cstdlib>

#include "search/index_schema.h"

namespace hdcat::web::api {
namespace {

ParamSpec HolderParam() { return ParamSpec{.name = "holder", .type = ParamType::kIdentifier, .required = true}; }
ParamSpec DatasetParam() { return ParamSpec{.name = "dataset", .type = ParamType::kIdentifier, .required = true}; }

std::vector<ParamSpec> SearchParams() {
  std::vector<ParamSpec> specs = {
      ParamSpec{.name = "q", .max_length = 500, .fallback = Json("")},
      ParamSpec{.name = "sort", .allowed = {"relevance", "modified", "title"}, .fallback = Json("relevance")},
      ParamSpec{.name = "lang", .allowed = {"ja", "en"}},
      LimitParam(),
      OffsetParam(),
  };
  for (std::string_view facet : search::schema::kFacets) specs.push_back(ParamSpec{.name = facet, .max_length = 200});
  return specs;
}

std::vector<Operation> BuildOperations() {
  return {
      {"holder_list", "GET", "/api/v1/holders", {LimitParam(), OffsetParam()}, HolderList},
      {"holder_show", "GET", "/api/v1/holders/{holder}", {HolderParam()}, HolderShow},
      {"dataset_list", "GET", "/api/v1/datasets",
       {ParamSpec{.name = "holder", .type = ParamType::kIdentifier}, LimitParam(), OffsetParam()}, DatasetList},
      {"dataset_show", "GET", "/api/v1/datasets/{holder}/{dataset}", {HolderParam(), DatasetParam()}, DatasetShow},
      {"version_list", "GET", "/api/v1/datasets/{holder}/{dataset}/versions",
       {HolderParam(), DatasetParam(), LimitParam(), OffsetParam()}, VersionList},
      {"version_show", "GET", "/api/v1/datasets/{holder}/{dataset}/versions/{version}",
       {HolderParam(), DatasetParam(),
        ParamSpec{.name = "version", .type = ParamType::kInteger, .required = true, .min = 1, .max = 1000000000}},
       VersionShow},
      {"search", "GET", "/api/v1/search", SearchParams(), Search},
  };
}

const Operation& OperationNamed(std::string_view name) {
  for (const auto& operation : Operations()) {
    if (operation.name == name) return operation;
  }
  std::abort();  // a name below is misspelt: a bug caught by every test run
}

Result<Json> Checked(std::string_view operation, const Json& params) {
  return CheckParams(OperationNamed(operation).params, params);
}

Status NeedCatalog(const Context& context) {
  if (context.catalog == nullptr) return Unavailable("the catalog is not available on this server");
  return Status::Ok();
}

PageRequest PageOf(const Json& params) {
  return PageRequest{params.at("offset").get<std::int64_t>(), params.at("limit").get<std::int64_t>()};
}

Json PageDocument(const Page& page, const PageRequest& request) {
  return Json{{"total", page.total}, {"offset", request.offset}, {"limit", request.limit}, {"items", page.items}};
}

}  // namespace

const std::vector<Operation>& Operations() {
  static const std::vector<Operation> kOperations = BuildOperations();
  return kOperations;
}

std::span<const std::string_view> SearchFacetNames() { return search::schema::kFacets; }

Result<Json> HolderList(const Context& context, const Json& raw) {
  auto params = Checked("holder_list", raw);
  if (!params.ok()) return params.error();
  HDCAT_TRY(NeedCatalog(context));
  PageRequest request = PageOf(*params);
  auto page = context.catalog->ListHolders(request);
  if (!page.ok()) return page.error();
  return PageDocument(*page, request);
}

Result<Json> HolderShow(const Context& context, const Json& raw) {
  auto params = Checked("holder_show", raw);
  if (!params.ok()) return params.error();
  HDCAT_TRY(NeedCatalog(context));
  return context.catalog->GetHolder(params->at("holder").get<std::string>());
}

Result<Json> DatasetList(const Context& context, const Json& raw) {
  auto params = Checked("dataset_list", raw);
  if (!params.ok()) return params.error();
  HDCAT_TRY(NeedCatalog(context));
  DatasetFilter filter;
  if (params->contains("holder")) filter.holder = params->at("holder").get<std::string>();
  PageRequest request = PageOf(*params);
  auto page = context.catalog->ListDatasets(filter, request);
  if (!page.ok()) return page.error();
  return PageDocument(*page, request);
}

Result<Json> DatasetShow(const Context& context, const Json& raw) {
  auto params = Checked("dataset_show", raw);
  if (!params.ok()) return params.error();
  HDCAT_TRY(NeedCatalog(context));
  return context.catalog->GetDataset(params->at("holder").get<std::string>(), params->at("dataset").get<std::string>());
}

Result<Json> VersionList(const Context& context, const Json& raw) {
  auto params = Checked("version_list", raw);
  if (!params.ok()) return params.error();
  HDCAT_TRY(NeedCatalog(context));
  PageRequest request = PageOf(*params);
  auto page = context.catalog->ListVersions(params->at("holder").get<std::string>(),
                                            params->at("dataset").get<std::string>(), request);
  if (!page.ok()) return page.error();
  return PageDocument(*page, request);
}

Result<Json> VersionShow(const Context& context, const Json& raw) {
  auto params = Checked("version_show", raw);
  if (!params.ok()) return params.error();
  HDCAT_TRY(NeedCatalog(context));
  return context.catalog->GetVersion(params->at("holder").get<std::string>(), params->at("dataset").get<std::string>(),
                                     params->at("version").get<std::int64_t>());
}

Result<Json> Search(const Context& context, const Json& raw) {
  auto params = Checked("search", raw);
  if (!params.ok()) return params.error();
  if (context.search == nullptr) return Unavailable("search is not available on this server");
  SearchRequest request;
  request.query = params->at("q").get<std::string>();
  request.sort = params->at("sort").get<std::string>();
  request.language = params->contains("lang") ? params->at("lang").get<std::string>() : context.language;
  request.offset = params->at("offset").get<std::int64_t>();
  request.limit = params->at("limit").get<std::int64_t>();
  for (std::string_view facet : SearchFacetNames()) {
    auto it = params->find(std::string(facet));
    if (it != params->end()) request.filters.emplace_back(std::string(facet), it->get<std::string>());
  }
  auto result = context.search->Search(request);
  if (!result.ok()) return result.error();
  Json answer = std::move(*result);
  answer["offset"] = request.offset;
  answer["limit"] = request.limit;
  return answer;
}

}  // namespace hdcat::web::api
