#include "harvesters/adapters/dcat_adapter.h"

#include "harvesters/adapters/paged_stream.h"
#include "harvesters/mapping/dcat_mapping.h"
#include "harvesters/rdf/jsonld.h"
#include "harvesters/rdf/rdf_parser.h"

namespace hdcat::harvesters {
namespace {

using mapping::ns::kDcat;
using mapping::ns::kDct;
using mapping::ns::kHydra;

std::string Iri(std::string_view a, std::string_view b) { return std::string(a) + std::string(b); }

std::vector<std::string> AcceptedTypes(SourceFormat format) {
  switch (format) {
    case SourceFormat::kDcatTurtle: return {"text/turtle", "application/x-turtle"};
    case SourceFormat::kDcatRdfXml: return {"application/rdf+xml", "application/xml", "text/xml"};
    default: return {"application/ld+json", "application/json"};
  }
}

class DcatStream : public PagedStream {
 public:
  DcatStream(const SourceConfig& config, const HttpClient& client)
      : PagedStream(config, client),
        mapper_(mapping::DcatMappingOptions{config.holder, default_language()}),
        contexts_(rdf::ContextCache::Builtin()) {}

 protected:
  std::string FirstPageUrl() const override {
    if (!config().modified_since) return config().endpoint;
    return AddQueryParameter(config().endpoint, "modified_since", *config().modified_since);
  }

  Result<std::string> LoadPage(const std::string& url) override {
    auto graph = FetchGraph(url);
    if (!graph.ok()) return graph.error();
    if (mutable_status().not_modified) return std::string();
    std::string page_url = RedactUrl(url);
    for (const rdf::Term& dataset : graph->SubjectsOfType(Iri(kDcat, "Dataset"))) {
      SourceRecord record;
      record.page_url = page_url;
      record.raw = rdf::ToNTriples(graph->Describe(dataset, Iri(kDcat, "Dataset")));
      record.raw_media_type = "application/n-triples";
      const rdf::Term* identifier = graph->FirstObject(dataset, Iri(kDct, "identifier"));
      if (dataset.is_iri()) record.record_identifier = dataset.value;
      else if (identifier && identifier->is_literal()) record.record_identifier = identifier->value;
      auto mapped = mapper_.MapDataset(*graph, dataset);
      if (!mapped.ok()) {
        record.error = mapped.error();
        if (record.record_identifier.empty()) record.record_identifier = page_url + "#_:" + dataset.value;
      } else {
        record.document = std::move(mapped->document);
        record.unmapped = std::move(mapped->unmapped);
        record.notes = std::move(mapped->notes);
        if (!mapped->holder_patch.empty()) record.holder = std::move(mapped->holder_patch);
      }
      Emit(std::move(record));
    }
    return HydraNextPage(*graph);
  }

 private:
  bool AcceptAny() const {
    auto it = config().options.find("accept_any_content_type");
    return it != config().options.end() && it->is_boolean() && it->get<bool>();
  }

  Result<rdf::Graph> FetchGraph(const std::string& url) {
    std::vector<std::string> accepted = AcceptedTypes(config().format);
    if (config().format == SourceFormat::kDcatJsonLd) {
      auto body = FetchPage(url, AcceptAny() ? std::vector<std::string>{} : accepted, true, nullptr);
      if (!body.ok()) return body.error();
      if (mutable_status().not_modified) return rdf::Graph();
      std::vector<std::string> dropped;
      rdf::ExpandOptions options;
      options.base_iri = url;
      auto graph = rdf::ParseJsonLd(*body, contexts_, options, &dropped, client().limits().max_body_bytes);
      if (!dropped.empty()) {
        std::string list;
        for (std::size_t i = 0; i < dropped.size() && i < 20; ++i) list += (i ? ", " : "") + dropped[i];
        Warn("JSON-LD keys without an IRI mapping were ignored on " + RedactUrl(url) + ": " + list +
             (dropped.size() > 20 ? " …" : ""));
      }
      return graph;
    }
    // Turtle / RDF/XML: parse while the bytes arrive.
    rdf::RdfParser parser(config().format == SourceFormat::kDcatTurtle ? rdf::RdfSyntax::kTurtle
                                                                       : rdf::RdfSyntax::kRdfXml,
                          url);
    HttpRequest request;
    request.url = url;
    request.credentials = config().credentials;
    if (!AcceptAny()) request.accepted_content_types = accepted;
    std::string accept;
    for (const auto& type : accepted) accept += (accept.empty() ? "" : ", ") + type;
    request.headers.emplace_back("Accept", accept);
    if (mutable_status().pages == 0) {
      request.if_none_match = config().etag;
      request.if_modified_since = config().last_modified;
    }
    FetchFailure failure;
    auto response = client().Fetch(
        request, [&parser](std::string_view chunk) { return parser.Feed(chunk); }, &failure);
    if (!response.ok()) {
      if (failure.kind != FetchFailureKind::kSinkRejected) mutable_status().fetch_failure = failure;
      return response.error();
    }
    mutable_status().bytes += response->body_bytes;
    if (mutable_status().pages == 0) {
      mutable_status().etag = response->etag;
      mutable_status().last_modified = response->last_modified;
    }
    if (response->not_modified) {
      mutable_status().not_modified = true;
      return rdf::Graph();
    }
    return parser.Finish();
  }

  mapping::DcatMapper mapper_;
  rdf::ContextCache contexts_;
};

}  // namespace

std::string HydraNextPage(const rdf::Graph& graph) {
  std::string next_page;
  for (const auto& t : graph.triples()) {
    if (!t.object.is_iri()) continue;
    if (t.predicate.value == Iri(kHydra, "next")) return t.object.value;
    if (t.predicate.value == Iri(kHydra, "nextPage") && next_page.empty()) next_page = t.object.value;
  }
  return next_page;
}

std::unique_ptr<RecordStream> OpenDcatStream(const SourceConfig& config, const HttpClient& client) {
  return std::make_unique<DcatStream>(config, client);
}

}  // namespace hdcat::harvesters
