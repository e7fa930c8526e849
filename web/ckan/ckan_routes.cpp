#include "web/ckan/ckan_routes.h"

#include <cctype>
#include <memory>
#include <sstream>

#include "web/ckan/ckan_actions.h"
#include "web/ckan/ckan_snapshot.h"
#include "web/server/request_target.h"

namespace hdcat::web::ckan {
namespace {

constexpr const char* kJsonType = "application/json;charset=utf-8";

HttpResponse JsonResponse(int status, const Json& body) {
  HttpResponse response;
  response.status = status;
  response.content_type = kJsonType;
  response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

HttpResponse BadRequest(const std::string& why) { return JsonResponse(400, Json("Bad request - " + why)); }

bool IsPlainHost(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' && c != '[' && c != ']') {
      return false;
    }
  }
  return true;
}

std::string HelpUrl(const CkanCatalog& catalog, const HttpRequest& request, std::string_view action) {
  auto host = request.header("host");
  std::string base = host && IsPlainHost(*host) ? "http://" + *host : catalog.site().base_url;
  return base + "/api/3/action/help_show?name=" + std::string(action);
}

// Form fields ("a=1&b=2") as a JSON object of strings.
Result<Json> FormFields(std::string_view body) {
  Json fields = Json::object();
  std::stringstream pairs{std::string(body)};
  std::string pair;
  while (std::getline(pairs, pair, '&')) {
    if (pair.empty()) continue;
    std::size_t equals = pair.find('=');
    auto key = DecodeQueryValue(pair.substr(0, equals));
    if (!key.ok()) return key.error();
    auto value = DecodeQueryValue(equals == std::string::npos ? "" : pair.substr(equals + 1));
    if (!value.ok()) return value.error();
    fields[*key] = *value;
  }
  return fields;
}

}  // namespace

HttpResponse RunAction(const CkanCatalog& catalog, const HttpRequest& request) {
  const std::string& name = request.path_param("action");
  const Action* action = FindAction(name);
  if (action == nullptr) return BadRequest("Action name not known: " + name);

  Json params = Json::object();
  std::string content_type = request.header("content-type").value_or("");
  if (request.method == "POST" && !request.body.empty()) {
    if (content_type.find("application/x-www-form-urlencoded") != std::string::npos) {
      auto fields = FormFields(request.body);
      if (!fields.ok()) return BadRequest("Could not read the form fields: " + fields.error().message);
      params = std::move(*fields);
    } else {
      auto body = ParseJson(request.body);
      if (!body.ok()) return BadRequest("JSON Error: " + body.error().message);
      if (!body->is_object()) {
        return BadRequest("JSON Error: Request data JSON decoded to " + std::string(body->type_name()) +
                          " but it needs to be a dictionary.");
      }
      params = std::move(*body);
    }
  } else {
    for (const auto& [key, value] : request.query) params[key] = value;
  }

  std::string help = HelpUrl(catalog, request, action->name);
  auto result = action->run(catalog, params);
  if (!result.ok()) {
    CkanError error = CkanErrorFor(result.error());
    return JsonResponse(error.status, Json{{"help", help}, {"success", false}, {"error", std::move(error.error)}});
  }
  return JsonResponse(200, Json{{"help", help}, {"success", true}, {"result", std::move(*result)}});
}

void AddCkanRoutes(const api::CatalogReader* catalog, const api::SearchBackend* search,
                   const exporting::ExportSite& site, Router* router) {
  auto shared = std::make_shared<const CkanCatalog>(catalog, search, site);
  for (const char* pattern : {"/api/3/action/{action}", "/api/action/{action}"}) {
    for (const char* method : {"GET", "POST"}) {
      router->Add(method, pattern, [shared](const HttpRequest& request) { return RunAction(*shared, request); });
    }
  }
}

}  // namespace hdcat::web::ckan
