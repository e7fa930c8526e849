#include "bench/harvest/fetch_baseline.h"

#include "harvesters/http/http_client.h"
#include "harvesters/mapping/csv_reader.h"
#include "harvesters/mapping/dcat_mapping.h"
#include "harvesters/mapping/feed_mapping.h"
#include "harvesters/rdf/jsonld.h"
#include "harvesters/rdf/rdf_parser.h"

namespace hdcat::bench::harvest {
namespace {

using namespace hdcat::harvesters;

Result<std::string> FetchBody(const HttpClient& client, const std::string& url) {
  HttpRequest request;
  request.url = url;
  auto fetched = client.FetchToString(request);
  if (!fetched.ok()) return fetched.error();
  return std::move(fetched->second);
}

std::int64_t DatasetsIn(const rdf::Graph& graph) {
  return static_cast<std::int64_t>(
      graph.SubjectsOfType(std::string(mapping::ns::kDcat) + "Dataset").size());
}

// One page: its byte count and the records it holds.
Result<BaselineCounts> OnePage(const HttpClient& client, const rdf::ContextCache& contexts, const std::string& format,
                               const std::string& url) {
  BaselineCounts page;
  page.pages = 1;
  if (format == "dcat-turtle" || format == "dcat-rdfxml") {
    rdf::RdfParser parser(format == "dcat-turtle" ? rdf::RdfSyntax::kTurtle : rdf::RdfSyntax::kRdfXml, url);
    HttpRequest request;
    request.url = url;
    auto response = client.Fetch(request, [&parser](std::string_view chunk) { return parser.Feed(chunk); });
    if (!response.ok()) return response.error();
    auto graph = parser.Finish();
    if (!graph.ok()) return graph.error();
    page.bytes = static_cast<std::int64_t>(response->body_bytes);
    page.records = DatasetsIn(*graph);
    return page;
  }
  auto body = FetchBody(client, url);
  if (!body.ok()) return body.error();
  page.bytes = static_cast<std::int64_t>(body->size());
  if (format == "feed") {
    auto parsed = mapping::ParseFeedPage(*body, client.limits().max_body_bytes);
    if (!parsed.ok()) return parsed.error();
    page.records = static_cast<std::int64_t>(parsed->datasets.size());
  } else if (format == "ckan") {
    JsonLimits limits;
    limits.max_bytes = client.limits().max_body_bytes;
    auto parsed = ParseJson(*body, limits);
    if (!parsed.ok()) return parsed.error();
    page.records = static_cast<std::int64_t>((*parsed)["result"]["results"].size());
  } else if (format == "dcat-jsonld") {
    rdf::ExpandOptions options;
    options.base_iri = url;
    auto graph = rdf::ParseJsonLd(*body, contexts, options, nullptr, client.limits().max_body_bytes);
    if (!graph.ok()) return graph.error();
    page.records = DatasetsIn(*graph);
  } else if (format == "csv-dictionary") {
    auto table = mapping::ParseCsv(*body);
    if (!table.ok()) return table.error();
    page.records = table->rows.empty() ? 0 : static_cast<std::int64_t>(table->rows.size()) - 1;
  } else {
    return InvalidInput("unknown format " + format);
  }
  return page;
}

}  // namespace

Result<BaselineCounts> FetchAndParse(const std::string& format, const std::vector<std::string>& urls) {
  const HttpClient client;
  const rdf::ContextCache contexts = rdf::ContextCache::Builtin();
  BaselineCounts total;
  for (const auto& url : urls) {
    auto page = OnePage(client, contexts, format, url);
    if (!page.ok()) {
      Error error = page.error();
      error.message = url + ": " + error.message;
      return error;
    }
    total.pages += page->pages;
    total.bytes += page->bytes;
    total.records += page->records;
  }
  return total;
}

}  // namespace hdcat::bench::harvest
