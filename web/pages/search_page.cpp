// GET /search: results, disjunctive facets, snippets, paging and sort.
#include <algorithm>
#include <array>

#include "web/api/operations.h"
#include "web/pages/html_text.h"
#include "web/pages/language.h"
#include "web/pages/page_handlers.h"
#include "web/pages/view_text.h"
#include "web/server/request_target.h"

namespace hdcat::web {
namespace {

constexpr std::int64_t kPageSize = 20;
constexpr std::int64_t kMaxPage = 1000;
constexpr std::size_t kMaxQueryBytes = 500;
constexpr std::size_t kMaxFilterBytes = 200;
constexpr std::size_t kMaxFilters = 40;
constexpr std::int64_t kPageLinksEachSide = 4;
constexpr char kValueSeparator = ',';
constexpr std::array<std::string_view, 3> kSorts = {"relevance", "modified", "title"};

struct SearchState {
  std::string query;
  std::string sort = "relevance";
  std::int64_t page = 1;
  std::vector<std::pair<std::string, std::string>> filters;  // facet -> value, in request order
};

// Position of a facet in the API's facet order, -1 when `name` is no facet.
int FacetIndex(std::string_view name) {
  auto names = api::SearchFacetNames();
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

// Filters grouped by facet in the API's order, so links are stable.
void SortFilters(std::vector<std::pair<std::string, std::string>>* filters) {
  std::stable_sort(filters->begin(), filters->end(),
                   [](const auto& a, const auto& b) { return FacetIndex(a.first) < FacetIndex(b.first); });
}

// The filters as query parameters: one per facet, its values joined by
// commas (the HTTP layer keeps only one value per parameter name).
std::vector<std::pair<std::string, std::string>> FilterParams(const std::vector<std::pair<std::string, std::string>>& filters) {
  std::vector<std::pair<std::string, std::string>> params;
  for (const auto& [facet, value] : filters) {
    if (!params.empty() && params.back().first == facet) {
      params.back().second += kValueSeparator;
      params.back().second += value;
    } else {
      params.emplace_back(facet, value);
    }
  }
  return params;
}

Result<SearchState> ReadState(const HttpRequest& request) {
  SearchState state;
  for (const auto& [name, value] : request.query) {
    if (name == "lang") continue;
    if (name == "q") {
      if (value.size() > kMaxQueryBytes) return InvalidInput("the search text is longer than 500 bytes").at("/q");
      state.query = value;
    } else if (name == "sort") {
      if (std::find(kSorts.begin(), kSorts.end(), value) == kSorts.end()) {
        return InvalidInput("sort must be relevance, modified or title").at("/sort");
      }
      state.sort = value;
    } else if (name == "page") {
      std::int64_t page = 0;
      bool digits = !value.empty() && value.size() <= 6 &&
                    std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits) page = std::stoll(value);
      if (page < 1 || page > kMaxPage) return InvalidInput("page must be a number from 1 to 1000").at("/page");
      state.page = page;
    } else if (FacetIndex(name) >= 0) {
      std::string_view values = value;
      while (true) {
        std::size_t comma = values.find(kValueSeparator);
        std::string_view one = values.substr(0, comma);
        if (one.empty() || one.size() > kMaxFilterBytes) {
          return InvalidInput("a filter value must have 1 to 200 bytes").at("/" + name);
        }
        if (state.filters.size() >= kMaxFilters) return InvalidInput("too many filters");
        std::pair<std::string, std::string> filter(name, one);
        if (std::find(state.filters.begin(), state.filters.end(), filter) == state.filters.end()) {
          state.filters.push_back(std::move(filter));
        }
        if (comma == std::string_view::npos) break;
        values.remove_prefix(comma + 1);
      }
    } else {
      return InvalidInput("unknown parameter '" + name + "'").at("/" + name);
    }
  }
  SortFilters(&state.filters);
  return state;
}

// The /search link for `state` (page 1 unless given), keeping the language.
std::string LinkFor(const SearchState& state, const std::string& language, std::int64_t page = 1) {
  std::string link = "/search?q=" + PercentEncode(state.query);
  for (const auto& [facet, values] : FilterParams(state.filters)) link += "&" + facet + "=" + PercentEncode(values);
  if (state.sort != "relevance") link += "&sort=" + state.sort;
  if (page > 1) link += "&page=" + std::to_string(page);
  return link + "&lang=" + language;
}

SearchState Toggled(const SearchState& state, const std::string& facet, const std::string& value) {
  SearchState next = state;
  next.page = 1;
  std::pair<std::string, std::string> filter(facet, value);
  auto it = std::find(next.filters.begin(), next.filters.end(), filter);
  if (it != next.filters.end()) {
    next.filters.erase(it);
  } else {
    next.filters.push_back(filter);
    SortFilters(&next.filters);
  }
  return next;
}

Json FacetsView(const PageContext& context, const SearchState& state, const Json& facets,
                const std::string& language) {
  Json view = Json::array();
  for (std::string_view name : api::SearchFacetNames()) {
    auto counts = facets.find(std::string(name));
    if (counts == facets.end() || !counts->is_array() || counts->empty()) continue;
    Json values = Json::array();
    for (const auto& entry : *counts) {
      std::string value = entry.value("value", "");
      bool selected = std::find(state.filters.begin(), state.filters.end(),
                                std::pair<std::string, std::string>(std::string(name), value)) != state.filters.end();
      values.push_back({{"value", value},
                        {"label", FacetValueLabel(context, name, value, language)},
                        {"count", FormatNumber(entry.value("count", std::int64_t{0}))},
                        {"selected", selected},
                        {"href", LinkFor(Toggled(state, std::string(name), value), language)}});
    }
    view.push_back({{"name", name},
                    {"label", context.renderer->Message(language, "facet_" + std::string(name))},
                    {"values", std::move(values)}});
  }
  return view;
}

Json HitView(const PageContext& context, const Json& hit, const std::string& language) {
  std::string ref = hit.value("ref", "");
  Json view = {{"ref", ref},
               {"title", PickText(hit.value("title", Json()), language)},
               {"holder", hit.value("holder", "")},
               {"holder_name", PickText(hit.value("holder_name", Json()), language)},
               {"href", WithLang("/datasets/" + ref, language)},
               {"snippet_html", SafeSnippetHtml(hit.value("snippet", ""))}};
  if (view["title"] == "") view["title"] = ref;
  auto parts = SplitDatasetRef(ref);
  if (parts.ok() && context.api.catalog != nullptr) {
    auto dataset = context.api.catalog->GetDataset(parts->first, parts->second);
    if (dataset.ok()) view["facts"] = DatasetFacts(context, *dataset, language);
  }
  return view;
}

Json PagerView(const SearchState& state, std::int64_t total, const std::string& language) {
  std::int64_t last = std::min<std::int64_t>(kMaxPage, std::max<std::int64_t>(1, (total + kPageSize - 1) / kPageSize));
  Json pager = {{"has_pages", last > 1}};
  if (state.page > 1) pager["previous_href"] = LinkFor(state, language, state.page - 1);
  if (state.page < last) pager["next_href"] = LinkFor(state, language, state.page + 1);
  Json numbers = Json::array();
  std::int64_t from = std::max<std::int64_t>(1, state.page - kPageLinksEachSide);
  std::int64_t to = std::min<std::int64_t>(last, state.page + kPageLinksEachSide);
  for (std::int64_t page = from; page <= to; ++page) {
    numbers.push_back({{"number", std::to_string(page)},
                       {"href", LinkFor(state, language, page)},
                       {"current", page == state.page}});
  }
  pager["pages"] = std::move(numbers);
  return pager;
}

Json FilterParamsView(const SearchState& state) {
  Json params = Json::array();
  for (const auto& [facet, values] : FilterParams(state.filters)) params.push_back({{"name", facet}, {"value", values}});
  return params;
}

}  // namespace

HttpResponse SearchPage(const PageContext& context, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  auto state = ReadState(request);
  if (!state.ok()) return HtmlError(context, state.error(), request);
  if (context.api.search == nullptr) return HtmlError(context, Unavailable("search is not available"), request);

  api::SearchRequest query;
  query.query = state->query;
  query.filters = state->filters;
  query.sort = state->sort;
  query.language = language;
  query.offset = (state->page - 1) * kPageSize;
  query.limit = kPageSize;
  auto result = context.api.search->Search(query);
  if (!result.ok()) return HtmlError(context, result.error(), request);

  const PageRenderer& renderer = *context.renderer;
  Json hits = Json::array();
  for (const auto& hit : result->value("hits", Json::array())) hits.push_back(HitView(context, hit, language));
  std::int64_t total = result->value("total", std::int64_t{0});
  Json sorts = Json::array();
  for (std::string_view sort : kSorts) {
    sorts.push_back({{"value", sort},
                     {"label", renderer.Message(language, "sort_" + std::string(sort))},
                     {"selected", sort == state->sort}});
  }
  Json filters = Json::array();
  for (const auto& [facet, value] : state->filters) {
    filters.push_back({{"facet", facet},
                       {"value", value},
                       {"facet_label", renderer.Message(language, "facet_" + facet)},
                       {"label", FacetValueLabel(context, facet, value, language)},
                       {"remove_href", LinkFor(Toggled(*state, facet, value), language)}});
  }
  Json data = {{"title", state->query.empty() ? renderer.Message(language, "search_title")
                                              : state->query + " - " + renderer.Message(language, "search_title")},
               {"q", state->query},
               {"total", FormatNumber(total)},
               {"total_exact", result->value("total_exact", true)},
               {"relaxed", result->value("relaxed", false)},
               {"has_hits", !hits.empty()},
               {"hits", std::move(hits)},
               {"facets", FacetsView(context, *state, result->value("facets", Json::object()), language)},
               {"sorts", std::move(sorts)},
               {"filters", filters},
               {"has_filters", !filters.empty()},
               {"filter_params", FilterParamsView(*state)},
               {"pager", PagerView(*state, total, language)},
               {"return_to", LinkFor(*state, language, state->page)}};
  std::string suggestion = result->value("did_you_mean", "");
  if (!suggestion.empty()) {
    SearchState suggested = *state;
    suggested.query = suggestion;
    suggested.page = 1;
    data["did_you_mean"] = {{"text", suggestion}, {"href", LinkFor(suggested, language)}};
  }
  return HtmlPage(context, "search", language, std::move(data), request, /*with_forms=*/true);
}

}  // namespace hdcat::web
