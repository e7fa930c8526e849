// The page handlers behind the routes of AddPageRoutes (web/pages/pages.h).
// Each reads through the API services of its PageContext and renders one
// template; errors become HTML error pages with the status HttpStatusFor
// gives their kind.
//
// Thread-safety: stateless functions over an immutable PageContext.
#pragma once

#include "web/pages/page_support.h"

namespace hdcat::web {

HttpResponse SearchPage(const PageContext& context, const HttpRequest& request);
HttpResponse DatasetPage(const PageContext& context, const HttpRequest& request);
HttpResponse DatasetVersionsPage(const PageContext& context, const HttpRequest& request);
HttpResponse HolderPage(const PageContext& context, const HttpRequest& request);
HttpResponse ComparePage(const PageContext& context, const HttpRequest& request);
HttpResponse BasketPage(const PageContext& context, const HttpRequest& request);
// POST /basket/add, /basket/remove, /basket/clear.
HttpResponse BasketChange(const PageContext& context, const HttpRequest& request, std::string_view action);

// The vocabulary file that labels the values of a search facet ("" = none).
std::string_view FacetVocabulary(std::string_view facet);

// What a visitor reads for one facet value: the vocabulary label, the holder's
// name for the holder facet, the band's message for population sizes; the
// value itself when nothing better is known.
std::string FacetValueLabel(const PageContext& context, std::string_view facet, const std::string& value,
                            const std::string& language);

// Summary facts of one dataset document shared by the search results, the
// comparison and the basket: labels of data types, coding systems, update
// frequency, access routes and processing levels in `language`.
Json DatasetFacts(const PageContext& context, const Json& dataset, const std::string& language);

}  // namespace hdcat::web
