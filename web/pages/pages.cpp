#include "web/pages/pages.h"

#include <cstdlib>
#include <memory>

#include "web/api/operations.h"
#include "web/pages/language.h"
#include "web/pages/page_handlers.h"
#include "web/pages/view_text.h"
#include "web/server/problem.h"
#include "web/server/request_target.h"

namespace hdcat::web {
namespace {

constexpr std::int64_t kHolderPageSize = 50;
constexpr std::size_t kFacetValuesShown = 8;

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

Json HomeFacets(const PageServices& services, const PageContext& page_context, const std::string& language) {
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
      values.push_back({{"value", FacetValueLabel(page_context, name, value, language)},
                        {"count", entry.value("count", 0)},
                        {"href", "/search?" + std::string(name) + "=" + PercentEncode(value) + "&lang=" + language}});
    }
    facets.push_back({{"name", name}, {"label", page_context.renderer->Message(language, "facet_" + std::string(name))},
                      {"values", std::move(values)}});
  }
  return facets;
}

HttpResponse HomePage(const PageServices& services, const PageContext& page_context, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  const PageRenderer& renderer = *services.renderer;
  Json data = {{"title", renderer.Message(language, "home_title")}, {"q", request.query_param("q").value_or("")}};
  Json facets = HomeFacets(services, page_context, language);
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
  return HtmlPage(page_context, "home", language, std::move(data), request);
}

HttpResponse HolderListPage(const PageServices& services, const PageContext& page_context, const HttpRequest& request) {
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
                       {"href", WithLang("/holders/" + holder.value("identifier", ""), language)},
                       {"name", PickText(holder.value("name", Json()), language)},
                       {"holder_type", VocabularyLabel(page_context.vocabularies, "holder-types",
                                                       holder.value("holder_type", ""), language)}});
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
  return HtmlPage(page_context, "holders", language, std::move(data), request);
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

std::shared_ptr<const PageContext> AddPageRoutes(const PageServices& services, Router* router) {
  std::string secret = services.secret;
  if (secret.empty()) {
    if (const char* configured = std::getenv("HDCAT_SECRET")) secret = configured;
  }
  auto context = std::make_shared<PageContext>(PageContext{services.renderer, services.api, nullptr,
                                                           PageKeys(std::move(secret)),
                                                           exporting::ExportVocabularies::Load(),
                                                           catalog::kDefaultDisclosureThreshold});
  if (services.pool != nullptr) context->harvests = std::make_shared<StoreHarvestHealthReader>(services.pool);
  context->base_url = services.base_url;
  std::shared_ptr<const PageContext> shared = context;
  auto page = [shared](HttpResponse (*handler)(const PageContext&, const HttpRequest&)) {
    return [shared, handler](const HttpRequest& request) { return handler(*shared, request); };
  };
  router->Add("GET", "/", [services, shared](const HttpRequest& request) { return HomePage(services, *shared, request); });
  router->Add("GET", "/holders",
              [services, shared](const HttpRequest& request) { return HolderListPage(services, *shared, request); });
  router->Add("GET", "/holders/{holder}", page(HolderPage));
  router->Add("GET", "/search", page(SearchPage));
  router->Add("GET", "/datasets/{holder}/{dataset}", page(DatasetPage));
  router->Add("GET", "/datasets/{holder}/{dataset}/versions", page(DatasetVersionsPage));
  router->Add("GET", "/compare", page(ComparePage));
  router->Add("GET", "/basket", page(BasketPage));
  for (std::string_view action : {"add", "remove", "clear"}) {
    router->Add("POST", "/basket/" + std::string(action), [shared, action](const HttpRequest& request) {
      return BasketChange(*shared, request, action);
    });
  }
  return shared;
}

}  // namespace hdcat::web
