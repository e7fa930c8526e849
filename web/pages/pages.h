// The server-rendered pages (HTML for browsers) and the HTML form of errors.
//
// Pages read through the same API operations as the JSON API (so the checks
// and messages are the same), pick the language with ChooseLanguage, and
// render through PageRenderer. Choosing a language with ?lang= also sets the
// `lang` cookie, so the choice sticks across pages.
//
//   GET /          home: search box, the main facets (when search is available)
//   GET /holders   the holder list, paged by ?offset=
//
// Thread-safety: the routes capture `services`; the pointed-to objects must
// outlive the router and be thread-safe.
#pragma once

#include "web/api/api_routes.h"
#include "web/pages/page_renderer.h"
#include "web/server/router.h"

namespace hdcat::web {

struct PageServices {
  const PageRenderer* renderer = nullptr;
  api::ApiServices api;
};

void AddPageRoutes(const PageServices& services, Router* router);

// An HTML error page for `error` with the status HttpStatusFor gives it.
HttpResponse HtmlErrorResponse(const PageRenderer& renderer, const Error& error, const HttpRequest& request);

// True when the client asked for HTML and the path is not an API or asset path,
// so an error should be a page rather than problem+json.
bool PrefersHtml(const HttpRequest& request);

}  // namespace hdcat::web
