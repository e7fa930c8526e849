#include "web/server/export_routes.h"

#include <charconv>
#include <map>
#include <memory>
#include <vector>

#include "catalog/store/dataset_ref.h"
#include "web/export/catalog_graph.h"
#include "web/export/dataset_graph.h"
#include "web/pages/page_support.h"
#include "web/server/problem.h"
#include "web/server/request_target.h"

namespace hdcat::web {
namespace {

struct ExportContext {
  const api::CatalogReader* catalog = nullptr;
  exporting::ExportVocabularies vocabularies;
  exporting::ExportSite site;
};

HttpResponse RdfResponse(const exporting::Graph& graph, exporting::RdfFormat format, const HttpRequest& request) {
  auto bytes = exporting::Serialize(graph, format);
  if (!bytes.ok()) return ProblemResponse(bytes.error(), request.path).with_header("Vary", "Accept");
  HttpResponse response;
  response.content_type = std::string(exporting::RdfFormatMediaType(format)) + ";charset=utf-8";
  response.body = std::move(*bytes);
  return response.with_header("Vary", "Accept");
}

// A query integer in [1, max]; `fallback` when absent.
Result<std::int64_t> PagingParam(const HttpRequest& request, std::string_view name, std::int64_t fallback,
                                 std::int64_t max) {
  auto text = request.query_param(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < 1 || value > max) {
    Error invalid = InvalidInput(std::string(name) + " must be an integer from 1 to " + std::to_string(max));
    invalid.pointer = "/" + std::string(name);
    invalid.expected = "1.." + std::to_string(max);
    return invalid;
  }
  return value;
}

HttpResponse CatalogExport(const ExportContext& context, exporting::RdfFormat format, const HttpRequest& request) {
  for (const auto& [name, value] : request.query) {
    if (name != "page" && name != "page_size") {
      Error unknown = InvalidInput("unknown query parameter: " + name);
      unknown.expected = "page, page_size";
      return ProblemResponse(unknown, request.path).with_header("Vary", "Accept");
    }
  }
  auto page = PagingParam(request, "page", 1, kMaxCatalogPage);
  if (!page.ok()) return ProblemResponse(page.error(), request.path).with_header("Vary", "Accept");
  auto page_size = PagingParam(request, "page_size", kDefaultCatalogPageSize, kMaxCatalogPageSize);
  if (!page_size.ok()) return ProblemResponse(page_size.error(), request.path).with_header("Vary", "Accept");
  if (context.catalog == nullptr) return ProblemResponse(Unavailable("the catalog is not available"), request.path);

  auto listed = context.catalog->ListDatasets(api::DatasetFilter{}, api::PageRequest{(*page - 1) * *page_size, *page_size});
  if (!listed.ok()) return ProblemResponse(listed.error(), request.path).with_header("Vary", "Accept");

  // DatasetExport holds references: keep the documents alive beside it.
  std::vector<std::unique_ptr<Json>> documents;
  std::map<std::string, Json, std::less<>> holders;
  std::vector<exporting::DatasetExport> inputs;
  for (const auto& summary : listed->items) {
    std::string holder = summary.value("holder", "");
    std::string identifier = summary.value("identifier", "");
    auto document = context.catalog->GetDataset(holder, identifier);
    if (!document.ok()) continue;  // removed between the listing and now
    auto [holder_it, inserted] = holders.try_emplace(holder, Json());
    if (inserted) {
      auto holder_document = context.catalog->GetHolder(holder);
      if (holder_document.ok()) holder_it->second = std::move(*holder_document);
    }
    documents.push_back(std::make_unique<Json>(std::move(*document)));
    std::string modified = summary.contains("modified") && summary["modified"].is_string() ? summary["modified"].get<std::string>() : "";
    inputs.push_back(exporting::DatasetExport{catalog::DatasetPublicId(holder, identifier), *documents.back(),
                                              holder_it->second, "", modified});
  }
  // Hydra links must keep a chosen page size, so it is part of the collection URL.
  std::string collection_url = context.site.base_url + "/catalog." + std::string(exporting::RdfFormatExtension(format));
  if (*page_size != kDefaultCatalogPageSize) collection_url += "?page_size=" + std::to_string(*page_size);
  exporting::CatalogPage paging{collection_url, *page, *page_size, listed->total};
  auto graph = exporting::CatalogGraph(context.site, context.vocabularies, inputs, paging);
  if (!graph.ok()) return ProblemResponse(graph.error(), request.path).with_header("Vary", "Accept");
  return RdfResponse(*graph, format, request);
}

HttpResponse DatasetFileExport(const ExportContext& context, const HttpRequest& request) {
  const std::string& file = request.path_param("file");
  std::size_t dot = file.rfind('.');
  if (dot == std::string::npos) return ProblemResponse(NotFound("there is no export at " + request.path), request.path);
  auto format = exporting::RdfFormatFromExtension(std::string_view(file).substr(dot + 1));
  if (!format.ok()) return ProblemResponse(NotFound("there is no export at " + request.path), request.path);
  return DatasetRdfResponse(context.catalog, context.vocabularies, context.site, request.path_param("holder"),
                            file.substr(0, dot), *format, request);
}

// GET /dataset/ds-… [.ext]: the dataset IRI, sent on to the dataset's page
// (which negotiates HTML or RDF by Accept) or to the export of that extension.
HttpResponse ResolveDatasetIri(const ExportContext& context, const HttpRequest& request) {
  std::string id = request.path_param("id");
  std::string extension;
  if (std::size_t dot = id.find('.'); dot != std::string::npos) {
    extension = id.substr(dot);
    id.resize(dot);
    if (!exporting::RdfFormatFromExtension(std::string_view(extension).substr(1)).ok()) {
      return ProblemResponse(NotFound("there is no export at " + request.path), request.path);
    }
  }
  auto ref = catalog::ParseDatasetRef(id);
  if (!ref.ok() || ref->public_id.empty()) {
    return ProblemResponse(NotFound("there is no dataset at " + request.path), request.path);
  }
  if (context.catalog == nullptr) return ProblemResponse(Unavailable("the catalog is not available"), request.path);
  auto record = context.catalog->GetDatasetRecord(ref->public_id);
  if (!record.ok()) return ProblemResponse(record.error(), request.path);
  std::string path = record->value("holder", "") + "/" + record->value("identifier", "");
  return SeeOther(extension.empty() ? "/datasets/" + path : "/dataset/" + path + extension);
}

// GET /catalog: the catalog IRI, sent on to its RDF export when Accept names
// an RDF type, else to the home page.
HttpResponse ResolveCatalogIri(const HttpRequest& request) {
  auto format = RdfRequestedByAccept(request);
  return SeeOther(format ? "/catalog." + std::string(exporting::RdfFormatExtension(*format)) : "/")
      .with_header("Vary", "Accept");
}

}  // namespace

std::optional<exporting::RdfFormat> RdfRequestedByAccept(const HttpRequest& request) {
  auto accept = request.header("accept");
  if (!accept || accept->find("text/html") != std::string::npos) return std::nullopt;
  bool names_rdf = false;
  for (auto format : {exporting::RdfFormat::kTurtle, exporting::RdfFormat::kNTriples, exporting::RdfFormat::kJsonLd,
                      exporting::RdfFormat::kRdfXml}) {
    if (accept->find(exporting::RdfFormatMediaType(format)) != std::string::npos) names_rdf = true;
  }
  if (!names_rdf) return std::nullopt;
  auto format = exporting::RdfFormatFromAccept(*accept);
  if (!format.ok()) return std::nullopt;
  return *format;
}

HttpResponse DatasetRdfResponse(const api::CatalogReader* catalog, const exporting::ExportVocabularies& vocabularies,
                                const exporting::ExportSite& site, const std::string& holder,
                                const std::string& identifier, exporting::RdfFormat format,
                                const HttpRequest& request) {
  if (catalog == nullptr) return ProblemResponse(Unavailable("the catalog is not available"), request.path);
  if (!catalog::IsIdentifier(holder) || !catalog::IsIdentifier(identifier)) {
    return ProblemResponse(NotFound("there is no dataset at " + request.path), request.path).with_header("Vary", "Accept");
  }
  auto dataset = catalog->GetDataset(holder, identifier);
  if (!dataset.ok()) return ProblemResponse(dataset.error(), request.path).with_header("Vary", "Accept");
  auto holder_document = catalog->GetHolder(holder);
  Json holder_json = holder_document.ok() ? std::move(*holder_document) : Json();
  std::string modified;
  if (auto summary = catalog->GetDatasetSummary(holder, identifier);
      summary.ok() && summary->contains("modified") && (*summary)["modified"].is_string()) {
    modified = (*summary)["modified"].get<std::string>();
  }
  exporting::DatasetExport input{catalog::DatasetPublicId(holder, identifier), *dataset, holder_json, "", modified};
  return RdfResponse(exporting::DatasetGraph(site, vocabularies, input), format, request);
}

void AddExportRoutes(const api::CatalogReader* catalog, const exporting::ExportSite& site, Router* router) {
  auto context =
      std::make_shared<const ExportContext>(ExportContext{catalog, exporting::ExportVocabularies::Load(), site});
  for (auto format : {exporting::RdfFormat::kTurtle, exporting::RdfFormat::kJsonLd, exporting::RdfFormat::kRdfXml,
                      exporting::RdfFormat::kNTriples}) {
    router->Add("GET", "/catalog." + std::string(exporting::RdfFormatExtension(format)),
                [context, format](const HttpRequest& request) { return CatalogExport(*context, format, request); });
  }
  router->Add("GET", "/dataset/{holder}/{file}",
              [context](const HttpRequest& request) { return DatasetFileExport(*context, request); });
  router->Add("GET", "/dataset/{id}",
              [context](const HttpRequest& request) { return ResolveDatasetIri(*context, request); });
  router->Add("GET", "/catalog", ResolveCatalogIri);
  router->Add("GET", "/holder/{holder}", [](const HttpRequest& request) {
    return SeeOther("/holders/" + PercentEncode(request.path_param("holder")));
  });
}

}  // namespace hdcat::web
