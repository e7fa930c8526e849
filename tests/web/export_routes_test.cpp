// The RDF exports over HTTP against a real server with sample datasets:
// every format of a dataset and of the catalog parses back with raptor2 (or
// as JSON for JSON-LD) and names the dataset's IRI, Hydra paging links
// follow the page, the dataset page negotiates HTML versus RDF on Accept,
// and unknown datasets and absurd paging are problem+json.
#include <raptor2.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "base/json.h"
#include "catalog/store/dataset_ref.h"
#include "tests/web/pages_fixture.h"
#include "tests/web/server_test_client.h"

namespace hdcat::testing {
namespace {

struct Triples {
  std::set<std::string> subjects;
  std::set<std::string> predicates;
  std::size_t dataset_nodes = 0;  // subjects typed dcat:Dataset
  bool failed = false;
};

std::string TermText(raptor_term* term) {
  if (term == nullptr) return "";
  if (term->type == RAPTOR_TERM_TYPE_URI) return reinterpret_cast<const char*>(raptor_uri_as_string(term->value.uri));
  if (term->type == RAPTOR_TERM_TYPE_LITERAL) {
    return std::string(reinterpret_cast<const char*>(term->value.literal.string), term->value.literal.string_len);
  }
  return "_:";
}

void OnStatement(void* user_data, raptor_statement* statement) {
  auto* triples = static_cast<Triples*>(user_data);
  std::string subject = TermText(statement->subject);
  std::string predicate = TermText(statement->predicate);
  triples->subjects.insert(subject);
  triples->predicates.insert(predicate);
  if (predicate == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" &&
      TermText(statement->object) == "http://www.w3.org/ns/dcat#Dataset") {
    ++triples->dataset_nodes;
  }
}

Triples Parse(const std::string& bytes, const char* syntax) {
  Triples triples;
  raptor_world* world = raptor_new_world();
  raptor_parser* parser = raptor_new_parser(world, syntax);
  raptor_parser_set_statement_handler(parser, &triples, OnStatement);
  raptor_uri* base = raptor_new_uri(world, reinterpret_cast<const unsigned char*>("http://example.org/base"));
  raptor_parser_parse_start(parser, base);
  triples.failed = raptor_parser_parse_chunk(parser, reinterpret_cast<const unsigned char*>(bytes.data()),
                                             bytes.size(), 1) != 0;
  raptor_free_uri(base);
  raptor_free_parser(parser);
  raptor_free_world(world);
  return triples;
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

PagesSetup ExportSetup() {
  PagesSetup setup;
  setup.holders = {"mhlw", "ncgm"};
  setup.datasets = {"mhlw/ndb-open-data", "mhlw/ndb-special-extraction", "ncgm/j-dreams"};
  setup.with_index = false;
  return setup;
}

std::string DatasetIri(const std::string& holder, const std::string& identifier) {
  return "https://hdcat.jp/dataset/" + catalog::DatasetPublicId(holder, identifier);
}

struct FormatCase {
  std::string extension;
  std::string media_type;
  const char* raptor_syntax;  // nullptr: JSON-LD, checked as JSON
};

const std::vector<FormatCase> kFormats = {
    {"ttl", "text/turtle", "turtle"},
    {"nt", "application/n-triples", "ntriples"},
    {"rdf", "application/rdf+xml", "rdfxml"},
    {"jsonld", "application/ld+json", nullptr},
};

// Checks that `response` is the RDF of exactly `dataset_count` datasets including `iri`.
void CheckRdf(const TestResponse& response, const FormatCase& format, const std::string& iri,
              std::size_t dataset_count) {
  CHECK(response.status == 200);
  CHECK(response.header("content-type").starts_with(format.media_type));
  CHECK(Contains(response.header("vary"), "Accept"));
  if (format.raptor_syntax != nullptr) {
    Triples triples = Parse(response.body, format.raptor_syntax);
    CHECK_FALSE(triples.failed);
    CHECK(triples.subjects.count(iri) == 1);
    CHECK(triples.dataset_nodes == dataset_count);
  } else {
    auto document = ParseJson(response.body);
    REQUIRE(document.ok());
    CHECK(document->contains("@context"));
    CHECK(Contains(response.body, iri.substr(iri.rfind('/') + 1)));  // the public id, however the IRI is compacted
  }
}

}  // namespace

TEST_CASE("each dataset export parses and holds the one dataset", "[web][export][pg]") {
  PagesServer running(ExportSetup());
  std::string iri = DatasetIri("mhlw", "ndb-open-data");
  for (const auto& format : kFormats) {
    INFO(format.extension);
    auto response = HttpGet(running.port(), "/dataset/mhlw/ndb-open-data." + format.extension);
    CheckRdf(response, format, iri, 1);
    CHECK(Contains(response.body, catalog::DatasetPublicId("mhlw", "ndb-open-data")));
    CHECK_FALSE(Contains(response.body, catalog::DatasetPublicId("ncgm", "j-dreams")));
  }
}

TEST_CASE("the dataset page negotiates HTML and RDF on Accept", "[web][export][pg]") {
  PagesServer running(ExportSetup());
  std::string iri = DatasetIri("ncgm", "j-dreams");
  for (const auto& format : kFormats) {
    INFO(format.media_type);
    auto response = HttpGet(running.port(), "/datasets/ncgm/j-dreams", {{"Accept", format.media_type}});
    CheckRdf(response, format, iri, 1);
  }
  for (const std::string accept : {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*",
                                   "text/html, text/turtle;q=0.5"}) {
    INFO(accept);
    auto page = HttpGet(running.port(), "/datasets/ncgm/j-dreams", {{"Accept", accept}});
    CHECK(page.status == 200);
    CHECK(page.header("content-type").starts_with("text/html"));
    CHECK(Contains(page.header("vary"), "Accept"));
    CHECK(Contains(page.body, "/dataset/ncgm/j-dreams.ttl"));
    CHECK(Contains(page.body, "/dataset/ncgm/j-dreams.jsonld"));
    CHECK(Contains(page.body, "/dataset/ncgm/j-dreams.rdf"));
  }
}

TEST_CASE("unknown datasets and formats are 404 problem+json", "[web][export][pg]") {
  PagesServer running(ExportSetup());
  for (const std::string target : {"/dataset/mhlw/no-such-dataset.ttl", "/dataset/nobody/ndb-open-data.nt",
                                   "/dataset/mhlw/ndb-open-data.csv", "/dataset/mhlw/ndb-open-data"}) {
    INFO(target);
    auto response = HttpGet(running.port(), target);
    CHECK(response.status == 404);
    CHECK(response.header("content-type").starts_with("application/problem+json"));
  }
  auto negotiated = HttpGet(running.port(), "/datasets/mhlw/no-such-dataset", {{"Accept", "text/turtle"}});
  CHECK(negotiated.status == 404);
  CHECK(negotiated.header("content-type").starts_with("application/problem+json"));
}

TEST_CASE("the catalog export pages with Hydra links", "[web][export][pg]") {
  PagesServer running(ExportSetup());
  for (const auto& format : kFormats) {
    INFO(format.extension);
    auto whole = HttpGet(running.port(), "/catalog." + format.extension);
    CheckRdf(whole, format, DatasetIri("ncgm", "j-dreams"), 3);
    CHECK(Contains(whole.body, "https://hdcat.jp/catalog"));
  }
  // Datasets are ordered by holder then identifier: page 2 of size 2 is ncgm/j-dreams alone.
  auto second = HttpGet(running.port(), "/catalog.nt?page=2&page_size=2");
  Triples triples = Parse(second.body, "ntriples");
  CHECK_FALSE(triples.failed);
  CHECK(triples.dataset_nodes == 1);
  CHECK(triples.subjects.count(DatasetIri("ncgm", "j-dreams")) == 1);
  CHECK(triples.predicates.count("http://www.w3.org/ns/hydra/core#previous") == 1);
  CHECK(triples.predicates.count("http://www.w3.org/ns/hydra/core#next") == 0);
  CHECK(Contains(second.body, "\"3\"^^<http://www.w3.org/2001/XMLSchema#"));  // hydra:totalItems
  auto first = HttpGet(running.port(), "/catalog.nt?page_size=2");
  Triples first_triples = Parse(first.body, "ntriples");
  CHECK(first_triples.dataset_nodes == 2);
  CHECK(first_triples.predicates.count("http://www.w3.org/ns/hydra/core#next") == 1);
  CHECK(first_triples.predicates.count("http://www.w3.org/ns/hydra/core#previous") == 0);
  CHECK(Contains(first.body, "<https://hdcat.jp/catalog.nt?page_size=2&page=2>"));  // next keeps the page size
}

TEST_CASE("absurd catalog paging is 400 problem+json", "[web][export][pg]") {
  PagesServer running(ExportSetup());
  for (const std::string query : {"page=0", "page=-1", "page=abc", "page=99999999999999999999", "page_size=0",
                                  "page_size=100000", "page=2x", "bogus=1"}) {
    INFO(query);
    auto response = HttpGet(running.port(), "/catalog.ttl?" + query);
    CHECK(response.status == 400);
    CHECK(response.header("content-type").starts_with("application/problem+json"));
  }
  CHECK(HttpGet(running.port(), "/catalog.ttl?page=1&page_size=500").status == 200);
}

}  // namespace hdcat::testing
