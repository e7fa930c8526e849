#include "web/pages/pages.h"

#include "web/api/operations.h"
#include "web/pages/language.h"
#include "web/server/problem.h"
#include "web/server/request_target.h"

namespace hdcat::web {
namespace {

constexpr std::int64_t kHolderPageSize = 50;
constexpr std::size_t kFacetValuesShown = 8;

// The text of a LangText in `language`, else in the other language, else "".
std::string PickText(const Json& text, std::string_view language) {
  if (!text.is_object()) return text.is_string() ? text.get<std::string>() : std::string();
  auto it = text.find(std::string(language));
  if (it != text.end() && it->is_string()) return it->get<std::string>();
  for (const auto& [key, value] : text.items()) {
    if (value.is_string()) return value.get<std::string>();
  }
  return "";
}

HttpResponse HtmlResponse(const PageRenderer& renderer, std::string_view page, const std::string& language,
                          const Json& data, const HttpRequest& request) {
  auto html = renderer.Render(page, language, data, request);
  if (!html.ok()) return ProblemResponse(html.error(), request.path);
  HttpResponse response;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(*html);
  response.with_header("Content-Language", language);
  if (auto chosen = request.query_param("lang"); chosen && SupportedLanguage(*chosen) == language) {
    response.with_header("Set-Cookie", "lang=" + language + "; Path=/; Max-Age=31536000; SameSite=Lax");
  }
  return response;
}

Json HomeFacets(const PageServices& services, const PageRenderer& renderer, const std::string& language) {
  Json facets = Json::array();
  if (services.api.search == nullptr) return facets;
  api::Context context{services.api.catalog, services.api.search, language, ""};
  auto result = api::Search(context, Json{{"limit", "1"}});
  if (!result.ok() || !result->contains("facets")) return facets;
  for (std::string_view name : api::SearchFacetNames()) {
    auto counts = result->at("facets").find(std::string(name));
    if (counts == result->at("facets").end() || !counts->is_array() || counts->empty()) continue;
    Json values = Json::array();
    for (const auto& entry : *counts) {
      if (values.size() >= kFacetValuesShown) break;
      std::string value = entry.value("value", "");
      values.push_back({{"value", value},
                        {"count", entry.value("count", 0)},
                        {"href", "/search?" + std::string(name) + "=" + PercentEncode(value) + "&lang=" + language}});
    }
    facets.push_back({{"name", name}, {"label", renderer.Message(language, "facet_" + std::string(name))},
                      {"values", std::move(values)}});
  }
  return facets;
}

HttpResponse HomePage(const PageServices& services, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  const PageRenderer& renderer = *services.renderer;
  Json data = {{"title", renderer.Message(language, "home_title")}, {"q", request.query_param("q").value_or("")}};
  Json facets = HomeFacets(services, renderer, language);
  data["has_facets"] = !facets.empty();
  data["facets"] = std::move(facets);
  data["has_holder_count"] = false;
  if (services.api.catalog != nullptr) {
    auto holders = services.api.catalog->ListHolders(api::PageRequest{0, 1});
    if (holders.ok()) {
      data["has_holder_count"] = true;
      data["holder_count"] = std::to_string(holders->total);
    }
  }
  return HtmlResponse(renderer, "home", language, data, request);
}

HttpResponse HolderListPage(const PageServices& services, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  const PageRenderer& renderer = *services.renderer;
  Json params = {{"limit", kHolderPageSize}};
  if (auto offset = request.query_param("offset")) params["offset"] = *offset;
  api::Context context{services.api.catalog, services.api.search, language, request.request_id};
  auto page = api::HolderList(context, params);
  if (!page.ok()) return HtmlErrorResponse(renderer, page.error(), request);

  Json holders = Json::array();
  for (const auto& holder : page->at("items")) {
    holders.push_back({{"identifier", holder.value("identifier", "")},
                       {"name", PickText(holder.value("name", Json()), language)},
                       {"holder_type", holder.value("holder_type", "")}});
  }
  std::int64_t offset = page->at("offset").get<std::int64_t>();
  std::int64_t total = page->at("total").get<std::int64_t>();
  Json data = {{"title", renderer.Message(language, "holders_title")},
               {"total", std::to_string(total)},
               {"has_holders", !holders.empty()},
               {"holders", std::move(holders)}};
  if (offset > 0) {
    data["previous_href"] = "/holders?offset=" + std::to_string(std::max<std::int64_t>(0, offset - kHolderPageSize));
  }
  if (offset + kHolderPageSize < total) data["next_href"] = "/holders?offset=" + std::to_string(offset + kHolderPageSize);
  return HtmlResponse(renderer, "holders", language, data, request);
}

}  // namespace

bool PrefersHtml(const HttpRequest& request) {
  if (request.path.starts_with("/api/") || request.path.starts_with("/static/")) return false;
  auto accept = request.header("accept");
  return accept && accept->find("text/html") != std::string::npos;
}

HttpResponse HtmlErrorResponse(const PageRenderer& renderer, const Error& error, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  Json problem = ProblemDocument(error, request.path);
  Json data = {{"title", renderer.Message(language, "error_title")},
               {"status", std::to_string(problem["status"].get<int>())},
               {"heading", problem["title"]},
               {"detail", problem["detail"]}};
  HttpResponse response = HtmlResponse(renderer, "error", language, data, request);
  response.status = HttpStatusFor(error.kind);
  return response;
}

void AddPageRoutes(const PageServices& services, Router* router) {
  router->Add("GET", "/", [services](const HttpRequest& request) { return HomePage(services, request); });
  router->Add("GET", "/holders", [services](const HttpRequest& request) { return HolderListPage(services, request); });
}

}  // namespace hdcat::web
