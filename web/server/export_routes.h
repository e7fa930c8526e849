// The metadata exports over HTTP: the whole catalog and each dataset as
// HealthDCAT-AP / DCAT-AP RDF (web/export/), in four serialisations.
//
//   GET /catalog.ttl|.jsonld|.rdf|.nt[?page=N&page_size=M]
//       a dcat:Catalog page with Hydra paging links; datasets ordered by
//       holder and identifier; page 1..kMaxCatalogPage, page_size
//       1..kMaxCatalogPageSize (default kDefaultCatalogPageSize); anything
//       else is 400 problem+json.
//   GET /dataset/{holder}/{file}    file = "<dataset>.ttl|.jsonld|.rdf|.nt"
//       one dataset; an unknown dataset or extension is 404 problem+json.
//   GET /datasets/{holder}/{dataset} with an RDF media type in Accept (and
//       no text/html) answers the same RDF as /dataset/…; the page handler
//       asks RdfRequestedByAccept and calls DatasetRdfResponse.
// The IRIs the exports mint resolve (303 See Other):
//   GET /dataset/{ds-…}        to the page /datasets/{holder}/{dataset}, which
//                              answers HTML or, by Accept, RDF
//   GET /dataset/{ds-…}.{ext}  to the export /dataset/{holder}/{dataset}.{ext}
//   GET /catalog               to /catalog.{ext} when Accept names an RDF type,
//                              else to the home page
//   GET /holder/{holder}       to the holder page /holders/{holder}
// An unknown dataset is 404 problem+json.
// Every export answer carries `Vary: Accept`. Counts pass disclosure control
// inside the exporter. IRIs start with `site.base_url`.
//
// Thread-safety: the routes capture `catalog`, which must outlive the router
// and be thread-safe; the other functions are pure apart from catalog reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "web/api/catalog_reader.h"
#include "web/export/export_input.h"
#include "web/export/export_vocabularies.h"
#include "web/export/rdf_writers.h"
#include "web/server/router.h"

namespace hdcat::web {

inline constexpr std::int64_t kDefaultCatalogPageSize = 100;
inline constexpr std::int64_t kMaxCatalogPageSize = 500;
inline constexpr std::int64_t kMaxCatalogPage = 1000000;

void AddExportRoutes(const api::CatalogReader* catalog, const exporting::ExportSite& site, Router* router);

// The RDF format an Accept header asks for when it names one of the four RDF
// media types and not text/html; nullopt means "serve the HTML page"
// (browsers send text/html and */*).
std::optional<exporting::RdfFormat> RdfRequestedByAccept(const HttpRequest& request);

// The one-dataset export, or problem+json (404 for an unknown dataset).
HttpResponse DatasetRdfResponse(const api::CatalogReader* catalog, const exporting::ExportVocabularies& vocabularies,
                                const exporting::ExportSite& site, const std::string& holder,
                                const std::string& identifier, exporting::RdfFormat format,
                                const HttpRequest& request);

}  // namespace hdcat::web
