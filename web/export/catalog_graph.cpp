#include "web/export/catalog_graph.h"

#include "web/export/dataset_graph.h"
#include "web/export/namespaces.h"

namespace hdcat::web::exporting {
namespace {

Term Name(std::string_view ns, std::string_view local) { return Term::Iri(std::string(ns) + std::string(local)); }
Term Count(std::int64_t n) { return Term::Typed(std::to_string(n), std::string(ns::kXsd) + "nonNegativeInteger"); }

void AddLangText(Graph& g, const Term& s, const Term& p, const Json& text) {
  if (!text.is_object()) return;
  for (const auto& [language, value] : text.items()) {
    if (value.is_string()) g.Add(s, p, Term::Literal(value.get<std::string>(), language));
  }
}

void AddPaging(Graph& g, const Term& catalog, const CatalogPage& paging) {
  std::int64_t last = std::max<std::int64_t>(1, (paging.total_items + paging.page_size - 1) / paging.page_size);
  Term view = Term::Iri(PageUrl(paging.collection_url, paging.page));
  g.Add(catalog, Name(ns::kHydra, "view"), view);
  g.Add(view, Name(ns::kRdf, "type"), Name(ns::kHydra, "PartialCollectionView"));
  g.Add(view, Name(ns::kHydra, "totalItems"), Count(paging.total_items));
  g.Add(view, Name(ns::kHydra, "itemsPerPage"), Count(paging.page_size));
  g.Add(view, Name(ns::kHydra, "first"), Term::Iri(PageUrl(paging.collection_url, 1)));
  g.Add(view, Name(ns::kHydra, "last"), Term::Iri(PageUrl(paging.collection_url, last)));
  if (paging.page > 1) {
    g.Add(view, Name(ns::kHydra, "previous"), Term::Iri(PageUrl(paging.collection_url, std::min(paging.page - 1, last))));
  }
  if (paging.page < last) g.Add(view, Name(ns::kHydra, "next"), Term::Iri(PageUrl(paging.collection_url, paging.page + 1)));
}

}  // namespace

std::string PageUrl(const std::string& collection_url, std::int64_t page) {
  return collection_url + (collection_url.find('?') == std::string::npos ? "?page=" : "&page=") + std::to_string(page);
}

Result<Graph> CatalogGraph(const ExportSite& site, const ExportVocabularies& vocabularies,
                           const std::vector<DatasetExport>& datasets, const CatalogPage& paging) {
  if (paging.page < 1) return InvalidInput("page must be 1 or more");
  if (paging.page_size < 1) return InvalidInput("page size must be 1 or more");
  Graph g;
  Term catalog = Term::Iri(site.CatalogIri());
  g.Add(catalog, Name(ns::kRdf, "type"), Name(ns::kDcat, "Catalog"));
  AddLangText(g, catalog, Name(ns::kDct, "title"), site.title);
  AddLangText(g, catalog, Name(ns::kDct, "description"), site.description);
  Term homepage = Term::Iri(site.base_url + "/");
  g.Add(catalog, Name(ns::kFoaf, "homepage"), homepage);
  g.Add(homepage, Name(ns::kRdf, "type"), Name(ns::kFoaf, "Document"));
  g.Add(catalog, Name(ns::kDcatAp, "applicableLegislation"), Term::Iri(ns::kEhdsEli));
  g.Add(Term::Iri(ns::kEhdsEli), Name(ns::kRdf, "type"), Name(ns::kEli, "LegalResource"));
  g.Add(catalog, Name(ns::kDct, "language"), Term::Iri(vocabularies.ConceptIri(Scheme::kLanguage, "JPN")));
  g.Add(catalog, Name(ns::kDct, "language"), Term::Iri(vocabularies.ConceptIri(Scheme::kLanguage, "ENG")));
  g.Add(catalog, Name(ns::kDcat, "themeTaxonomy"), Term::Iri(std::string(ns::kEuAuthority) + "data-theme"));

  Term publisher = Term::Iri(site.base_url + "/#publisher");
  g.Add(catalog, Name(ns::kDct, "publisher"), publisher);
  g.Add(publisher, Name(ns::kRdf, "type"), Name(ns::kFoaf, "Agent"));
  AddLangText(g, publisher, Name(ns::kFoaf, "name"), site.publisher_name);
  g.Add(publisher, Name(ns::kDct, "type"), Term::Iri(vocabularies.ConceptIri(Scheme::kPublisherType, site.publisher_type)));
  Term contact = Term::Iri(site.base_url + "/#publisher-contact");
  g.Add(publisher, Name(ns::kCv, "contactPoint"), contact);
  g.Add(contact, Name(ns::kRdf, "type"), Name(ns::kCv, "ContactPoint"));
  if (!site.publisher_email.empty()) g.Add(contact, Name(ns::kCv, "email"), Term::Literal(site.publisher_email));
  std::string page = site.publisher_url.empty() ? site.base_url + "/" : site.publisher_url;
  g.Add(contact, Name(ns::kCv, "contactPage"), Term::Iri(page));

  for (const DatasetExport& dataset : datasets) {
    Term iri = AddDataset(g, site, vocabularies, dataset);
    g.Add(catalog, Name(ns::kDcat, "dataset"), iri);
  }
  AddPaging(g, catalog, paging);
  return g;
}

}  // namespace hdcat::web::exporting
