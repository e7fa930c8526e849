// The HTTP face of the CKAN Action API: /api/3/action/{action} and
// /api/action/{action}, GET (parameters in the query string) and POST (a
// JSON object body, or form fields), answered the way ckan/views/api.py does
// (../shared/reference/catalogs-and-ckan-api.md §2.1):
//
//   success        200 {"help": <help_show URL>, "success": true, "result": ...}
//   action error   the status of CkanErrorFor (web/ckan/ckan_actions.h) with
//                  {"help": ..., "success": false, "error": {...}}
//   unknown action 400, body the JSON string "Bad request - Action name not known: <name>"
//   bad POST body  400, body the JSON string "Bad request - JSON Error: <why>"
//
// A parameter named twice keeps its last value (the HTTP layer keeps one
// value per name; CKAN clients send fq and facet.field once anyway).
// The help URL is built from the request's Host header when it is a plain
// host[:port], else from the site's base URL.
//
// Thread-safety: the routes share one CkanCatalog, which is thread-safe;
// `catalog` and `search` must outlive the router.
#pragma once

#include "web/api/catalog_reader.h"
#include "web/api/search_backend.h"
#include "web/export/export_input.h"
#include "web/server/http_message.h"
#include "web/server/router.h"

namespace hdcat::web::ckan {

class CkanCatalog;

// `search` serves package_search (null: it answers 500 with the reason);
// `site` names the catalog (its base URL goes into the dicts' IRIs).
void AddCkanRoutes(const api::CatalogReader* catalog, const api::SearchBackend* search,
                   const exporting::ExportSite& site, Router* router);

// One request to one action (exposed for tests).
HttpResponse RunAction(const CkanCatalog& catalog, const HttpRequest& request);

}  // namespace hdcat::web::ckan
