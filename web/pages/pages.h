// The server-rendered pages (HTML for browsers) and the HTML form of errors.
//
// Pages read through the same API operations as the JSON API (so the checks
// and messages are the same), pick the language with ChooseLanguage, and
// render through PageRenderer. Choosing a language with ?lang= also sets the
// `lang` cookie, so the choice sticks across pages.
//
//   GET /          home: search box, the main facets (when search is available)
//   GET /holders   the holder list, paged by ?offset=
//   GET /holders/{holder}                              holder, its datasets, harvest health
//   GET /search                                        results, facets, snippets, paging, sort
//   GET /datasets/{holder}/{dataset}                   the dataset page (with schema.org JSON-LD);
//                                                      RDF when Accept asks for it (web/server/export_routes.h)
//   GET /datasets/{holder}/{dataset}/versions[?diff=A..B]   history and differences
//   GET /compare?ids=holder/a,holder/b                 up to 4 datasets side by side
//   GET /basket, POST /basket/add|remove|clear         the basket (signed cookie, CSRF-checked forms)
//
// The basket and CSRF cookies are signed with `secret`; when it is empty the
// HDCAT_SECRET environment variable is used, and when that is unset too a
// random secret per process (see web/pages/page_keys.h).
//
// Thread-safety: the routes capture `services`; the pointed-to objects must
// outlive the router and be thread-safe.
#pragma once

#include <memory>
#include <string>

#include "catalog/pg/pool.h"
#include "web/api/api_routes.h"
#include "web/export/export_input.h"
#include "web/pages/page_renderer.h"
#include "web/server/router.h"

namespace hdcat::web {

struct PageContext;  // web/pages/page_support.h

struct PageServices {
  const PageRenderer* renderer = nullptr;
  api::ApiServices api;
  pg::ConnectionPool* pool = nullptr;  // for harvest health; null = not shown
  std::string secret;                  // "" = HDCAT_SECRET, else random per process
  std::string base_url = std::string(exporting::kDefaultBaseUrl);  // of IRIs in JSON-LD and RDF
};

// Returns the context the pages share (keys, renderer), for routes added beside them.
std::shared_ptr<const PageContext> AddPageRoutes(const PageServices& services, Router* router);

// An HTML error page for `error` with the status HttpStatusFor gives it.
HttpResponse HtmlErrorResponse(const PageRenderer& renderer, const Error& error, const HttpRequest& request);

// True when the client asked for HTML and the path is not an API or asset path,
// so an error should be a page rather than problem+json.
bool PrefersHtml(const HttpRequest& request);

}  // namespace hdcat::web
