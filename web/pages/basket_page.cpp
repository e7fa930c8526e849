// The basket: GET /basket and POST /basket/{add,remove,clear}. The basket is
// the signed hdcat_basket cookie (see page_keys.h); the server stores nothing.
#include <algorithm>
#include <map>

#include "web/pages/language.h"
#include "web/pages/page_handlers.h"
#include "web/pages/view_text.h"

namespace hdcat::web {
namespace {

constexpr int kBasketMaxAgeSeconds = 30 * 24 * 3600;

std::string BasketCookieHeader(const PageContext& context, const std::vector<std::string>& refs) {
  if (refs.empty()) return std::string(kBasketCookie) + "=deleted; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
  return std::string(kBasketCookie) + "=" + context.keys.EncodeBasket(refs) + "; Path=/; Max-Age=" +
         std::to_string(kBasketMaxAgeSeconds) + "; HttpOnly; SameSite=Lax";
}

}  // namespace

HttpResponse BasketPage(const PageContext& context, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  if (Status names = CheckQueryNames(request, {"lang"}); !names.ok()) return HtmlError(context, names.error(), request);
  std::vector<std::string> refs = BasketOf(context, request);
  // Grouped by holder, in the order the holders were first added.
  std::vector<std::string> holder_order;
  std::map<std::string, Json> groups;
  for (const auto& ref : refs) {
    auto parts = SplitDatasetRef(ref);
    if (!parts.ok()) continue;
    Json item = {{"ref", ref}, {"title", ref}, {"href", WithLang("/datasets/" + ref, language)}, {"missing", false}};
    if (context.api.catalog != nullptr) {
      auto dataset = context.api.catalog->GetDataset(parts->first, parts->second);
      if (dataset.ok()) {
        std::string title = PickText(dataset->value("title", Json()), language);
        if (!title.empty()) item["title"] = title;
        item["facts"] = DatasetFacts(context, *dataset, language);
      } else {
        item["missing"] = true;
      }
    }
    if (!groups.count(parts->first)) {
      holder_order.push_back(parts->first);
      std::string name = parts->first;
      if (context.api.catalog != nullptr) {
        auto holder = context.api.catalog->GetHolder(parts->first);
        if (holder.ok()) name = PickText(holder->value("name", Json()), language);
      }
      groups[parts->first] = Json{{"holder", parts->first}, {"name", name},
                              {"href", WithLang("/holders/" + parts->first, language)}, {"items", Json::array()}};
    }
    groups[parts->first]["items"].push_back(std::move(item));
  }
  Json holder_groups = Json::array();
  for (const auto& holder : holder_order) holder_groups.push_back(std::move(groups[holder]));
  std::string compare_ids;
  for (std::size_t i = 0; i < refs.size() && i < 4; ++i) compare_ids += (i ? "," : "") + refs[i];
  Json data = {{"title", context.renderer->Message(language, "basket_title")},
               {"groups", holder_groups},
               {"has_items", !refs.empty()},
               {"item_count", std::to_string(refs.size())},
               {"holder_count", std::to_string(holder_order.size())},
               {"limit", std::to_string(kBasketLimit)},
               {"return_to", WithLang("/basket", language)}};
  if (refs.size() >= 2) data["compare_href"] = WithLang("/compare?ids=" + compare_ids, language);
  return HtmlPage(context, "basket", language, std::move(data), request, /*with_forms=*/true);
}

HttpResponse BasketChange(const PageContext& context, const HttpRequest& request, std::string_view action) {
  auto form = ParseForm(request.body);
  if (!form.ok()) return HtmlError(context, form.error(), request);
  if (Status csrf = CheckCsrf(context, request, *form); !csrf.ok()) return HtmlError(context, csrf.error(), request);
  std::vector<std::string> refs = BasketOf(context, request);
  if (action == "clear") {
    refs.clear();
  } else {
    std::string ref = FormValue(*form, "dataset");
    auto parts = SplitDatasetRef(ref);
    if (!parts.ok()) return HtmlError(context, parts.error(), request);
    auto existing = std::find(refs.begin(), refs.end(), ref);
    if (action == "remove") {
      if (existing != refs.end()) refs.erase(existing);
    } else if (existing == refs.end()) {
      if (refs.size() >= kBasketLimit) {
        return HtmlError(context, InvalidInput("the basket holds at most 20 datasets; remove one first"), request);
      }
      if (context.api.catalog == nullptr) return HtmlError(context, Unavailable("the catalog is not available"), request);
      auto dataset = context.api.catalog->GetDataset(parts->first, parts->second);
      if (!dataset.ok()) return HtmlError(context, dataset.error(), request);
      refs.push_back(ref);
    }
  }
  std::string back = FormValue(*form, "return");
  HttpResponse response = SeeOther(back.empty() ? "/basket" : back);
  response.with_header("Set-Cookie", BasketCookieHeader(context, refs));
  response.with_header("Cache-Control", "no-store");
  return response;
}

}  // namespace hdcat::web
