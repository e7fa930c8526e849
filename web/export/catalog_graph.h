// The HealthDCAT-AP / DCAT-AP 3 description of a page of the catalog.
//
// The dcat:Catalog node carries dct:title, dct:description, dct:publisher
// (the site's operator, a foaf:Agent with one cv:contactPoint),
// dcatap:applicableLegislation (EHDS), foaf:homepage and one dcat:dataset
// link per dataset of the page; each dataset of the page is described in full
// (dataset_graph.h). Paging follows Hydra as ckanext-dcat publishes it and
// its harvester reads it: the page IRI is a hydra:PartialCollectionView with
// hydra:totalItems, hydra:itemsPerPage, hydra:first, hydra:last and, where
// they exist, hydra:previous / hydra:next. Pages are numbered from 1 and the
// caller orders datasets by a stable key (public id), not by modification
// time, so concurrent edits do not shift pages.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "web/export/export_input.h"
#include "web/export/export_vocabularies.h"
#include "web/export/rdf_graph.h"

namespace hdcat::web::exporting {

struct CatalogPage {
  std::string collection_url;  // the page URL without paging, e.g. <base>/catalog.ttl
  std::int64_t page = 1;       // 1-based
  std::int64_t page_size = 100;
  std::int64_t total_items = 0;
};

// The URL of page `page` of the collection ("…?page=N"; "&page=N" when the
// collection URL already has a query).
std::string PageUrl(const std::string& collection_url, std::int64_t page);

// InvalidInput for page < 1 or page_size < 1.
Result<Graph> CatalogGraph(const ExportSite& site, const ExportVocabularies& vocabularies,
                           const std::vector<DatasetExport>& datasets, const CatalogPage& paging);

}  // namespace hdcat::web::exporting
