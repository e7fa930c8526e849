#include <catch2/catch.hpp>

#include "harvesters/rdf/rdf_parser.h"
#include "tests/harvesters/rdf_test_util.h"
#include "tests/support/paths.h"

using namespace hdcat::harvesters::rdf;
using hdcat::testing::NormalisedNTriples;
using hdcat::testing::ReadFile;
using hdcat::testing::SourcePath;

namespace {
std::string Data(const std::string& name) { return ReadFile(SourcePath("tests/harvesters/data/" + name)); }
}  // namespace

TEST_CASE("the official example parses the same from Turtle, RDF/XML and in chunks", "[rdf]") {
  std::string expected = Data("example-healthdcat-dataset.nt");
  auto turtle = ParseRdf(Data("example-healthdcat-dataset.ttl"), RdfSyntax::kTurtle, "http://example.invalid/");
  REQUIRE(turtle.ok());
  CHECK(turtle->size() == 292);
  CHECK(NormalisedNTriples(turtle->ToNTriples()) == NormalisedNTriples(expected));

  auto rdfxml = ParseRdf(Data("example-healthdcat-dataset.rdf"), RdfSyntax::kRdfXml, "http://example.invalid/");
  REQUIRE(rdfxml.ok());
  CHECK(NormalisedNTriples(rdfxml->ToNTriples()) == NormalisedNTriples(expected));

  std::string text = Data("example-healthdcat-dataset.ttl");
  RdfParser parser(RdfSyntax::kTurtle, "http://example.invalid/");
  for (std::size_t i = 0; i < text.size(); i += 97) REQUIRE(parser.Feed(std::string_view(text).substr(i, 97)).ok());
  auto chunked = parser.Finish();
  REQUIRE(chunked.ok());
  CHECK(chunked->size() == 292);
}

TEST_CASE("malformed RDF is an error naming the line", "[rdf]") {
  auto turtle = ParseRdf("@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n", RdfSyntax::kTurtle, "");
  REQUIRE_FALSE(turtle.ok());
  CHECK_THAT(turtle.error().message, Catch::StartsWith("malformed Turtle"));
  CHECK_THAT(turtle.error().message, Catch::Contains("line"));

  auto xml = ParseRdf("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description>", RdfSyntax::kRdfXml, "");
  CHECK_FALSE(xml.ok());
}

TEST_CASE("RDF/XML external entities are not loaded", "[rdf]") {
  const char* xxe = R"(<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
  <rdf:Description rdf:about="http://e/d"><dct:title>&secret;</dct:title></rdf:Description>
</rdf:RDF>)";
  auto graph = ParseRdf(xxe, RdfSyntax::kRdfXml, "http://e/");
  if (graph.ok()) {
    CHECK(graph->ToNTriples().find("root:") == std::string::npos);
  }
}

TEST_CASE("Turtle literals must be UTF-8", "[rdf]") {
  auto graph = ParseRdf("<http://e/a> <http://e/b> \"\xff\xfe\" .", RdfSyntax::kTurtle, "");
  CHECK_FALSE(graph.ok());
}

TEST_CASE("Describe stops at other datasets", "[rdf]") {
  auto graph = ParseRdf(R"(
    @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
    <http://e/a> a dcat:Dataset ; dct:relation <http://e/b> ; dcat:distribution [ dct:title "d" ] .
    <http://e/b> a dcat:Dataset ; dct:title "other" .)", RdfSyntax::kTurtle, "");
  REQUIRE(graph.ok());
  auto description = graph->Describe(Term::Iri("http://e/a"), "http://www.w3.org/ns/dcat#Dataset");
  CHECK(description.size() == 4);
  CHECK(ToNTriples(description).find("other") == std::string::npos);
}
