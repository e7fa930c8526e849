#include "web/api/api_routes.h"

#include "web/pages/language.h"
#include "web/server/problem.h"
#include "web/server/web_resources.h"

namespace hdcat::web::api {
namespace {

constexpr std::string_view kJsonType = "application/json";

HttpResponse JsonResponse(const Json& value) {
  HttpResponse response;
  response.content_type = std::string(kJsonType);
  response.body = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

}  // namespace

HttpResponse RunOperation(const Operation& operation, const ApiServices& services, const HttpRequest& request) {
  Json params = Json::object();
  for (const auto& [name, value] : request.query) params[name] = value;
  for (const auto& [name, value] : request.path_params) params[name] = value;
  Context context{services.catalog, services.search, ChooseLanguage(request), request.request_id};
  auto result = operation.run(context, params);
  if (!result.ok()) return ProblemResponse(result.error(), request.path);
  return JsonResponse(*result);
}

void AddApiRoutes(const ApiServices& services, Router* router) {
  for (const auto& operation : Operations()) {
    const Operation* op = &operation;
    router->Add(std::string(operation.method), std::string(operation.pattern),
                [op, services](const HttpRequest& request) { return RunOperation(*op, services, request); });
  }
  router->Add("GET", std::string(kOpenApiPath), [](const HttpRequest& request) {
    auto document = WebResource("api/openapi.json");
    if (!document) return ProblemResponse(Internal("the OpenAPI document is not embedded"), request.path);
    HttpResponse response;
    response.content_type = std::string(kJsonType);
    response.body = std::string(*document);
    return response;
  });
}

}  // namespace hdcat::web::api
