#include <catch2/catch.hpp>

#include "harvesters/rdf/jsonld.h"
#include "harvesters/rdf/rdf_parser.h"
#include "tests/harvesters/rdf_test_util.h"
#include "tests/support/paths.h"

using namespace hdcat::harvesters::rdf;
using hdcat::Json;
using hdcat::testing::NormalisedNTriples;
using hdcat::testing::ReadFile;
using hdcat::testing::SourcePath;

namespace {

std::string Data(const std::string& name) { return ReadFile(SourcePath("tests/harvesters/data/" + name)); }

Graph Parse(const std::string& text, std::vector<std::string>* dropped = nullptr) {
  ExpandOptions options;
  options.base_iri = "https://holder.example.jp/catalog";
  auto graph = ParseJsonLd(text, ContextCache::Builtin(), options, dropped);
  if (!graph.ok()) FAIL(graph.error().ToString());
  return std::move(graph.value());
}

}  // namespace

TEST_CASE("JSON-LD of the official hasVariables example gives the same triples as its Turtle", "[jsonld]") {
  Graph from_jsonld = Parse(Data("healthdcataphasVariables.jsonld"));
  // The expected triples were produced from the official Turtle with
  // `rapper -i turtle -o ntriples` and checked by hand.
  CHECK(NormalisedNTriples(from_jsonld.ToNTriples()) == NormalisedNTriples(Data("healthdcataphasVariables.nt")));
}

TEST_CASE("DCAT-AP type-scoped terms, coercions and hydra paging", "[jsonld]") {
  std::vector<std::string> dropped;
  Graph graph = Parse(Data("dcatap-dataset-page1.jsonld"), &dropped);
  CHECK(NormalisedNTriples(graph.ToNTriples()) == NormalisedNTriples(Data("dcatap-dataset-page1.nt")));
  // "keyword" is a Dataset term: the Distribution's scope does not inherit it.
  REQUIRE(dropped.size() == 1);
  CHECK_THAT(dropped[0], Catch::EndsWith("/keyword"));
}

TEST_CASE("JSON-LD expansion rules", "[jsonld]") {
  struct Row {
    const char* name;
    const char* document;
    const char* expected_ntriples;
  };
  const Row rows[] = {
      {"vocab and base",
       R"({"@context": {"@vocab": "http://v.example/", "@base": "http://b.example/dir/"}, "@id": "x", "p": "v"})",
       "<http://b.example/dir/x> <http://v.example/p> \"v\" .\n"},
      {"default language and a term with no language",
       R"({"@context": {"@language": "ja", "t": "http://v.example/t", "n": {"@id": "http://v.example/n", "@language": null}},
           "@id": "http://s.example/", "t": "題", "n": "plain"})",
       "<http://s.example/> <http://v.example/n> \"plain\" .\n<http://s.example/> <http://v.example/t> \"題\"@ja .\n"},
      {"language map",
       R"({"@context": {"t": {"@id": "http://v.example/t", "@container": "@language"}},
           "@id": "http://s.example/", "t": {"ja": "日本", "EN": ["Japan"]}})",
       "<http://s.example/> <http://v.example/t> \"Japan\"@en .\n<http://s.example/> <http://v.example/t> \"日本\"@ja .\n"},
      {"native numbers and booleans",
       R"({"@context": {"@vocab": "http://v.example/"}, "@id": "http://s.example/", "i": 5, "d": 1.5, "b": true})",
       "<http://s.example/> <http://v.example/b> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n"
       "<http://s.example/> <http://v.example/d> \"1.5E0\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"
       "<http://s.example/> <http://v.example/i> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"},
      {"list",
       R"({"@context": {"l": {"@id": "http://v.example/l", "@container": "@list"}}, "@id": "http://s.example/", "l": ["a"]})",
       "<http://s.example/> <http://v.example/l> _:b0 .\n"
       "_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"a\" .\n"
       "_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n"},
      {"reverse property",
       R"({"@context": {"isPartOf": {"@reverse": "http://v.example/hasPart"}}, "@id": "http://child.example/",
           "isPartOf": {"@id": "http://parent.example/"}})",
       "<http://parent.example/> <http://v.example/hasPart> <http://child.example/> .\n"},
      {"compact IRIs and blank node ids",
       R"({"@context": {"ex": "http://v.example/"}, "@id": "_:x", "ex:p": {"@id": "_:y"}, "@type": "ex:T"})",
       "_:b0 <http://v.example/p> _:b1 .\n_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://v.example/T> .\n"},
  };
  for (const auto& row : rows) {
    SECTION(row.name) {
      Graph graph = Parse(row.document);
      CHECK(NormalisedNTriples(graph.ToNTriples()) == NormalisedNTriples(row.expected_ntriples));
    }
  }
}

TEST_CASE("JSON-LD contexts are never fetched", "[jsonld]") {
  ExpandOptions options;
  auto graph = ParseJsonLd(R"({"@context": "https://evil.example/context.jsonld", "@id": "http://s/", "p": 1})",
                           ContextCache::Builtin(), options);
  REQUIRE_FALSE(graph.ok());
  CHECK_THAT(graph.error().message, Catch::Contains("https://evil.example/context.jsonld"));
  CHECK_THAT(graph.error().message, Catch::Contains("never fetches"));
  CHECK_THAT(graph.error().expected, Catch::Contains(std::string(kDcatApContextUrl)));
}

TEST_CASE("JSON-LD errors are values", "[jsonld]") {
  const char* bad[] = {
      R"({"@context": {"a": "b:c", "b": "a:d"}, "a": 1})",                       // cyclic
      R"({"@context": {"@import": "x"}, "@id": "http://s/"})",                  // unsupported
      R"({"@context": 5})",                                                     // not a context
      R"({"@context": {"ex": "http://v/"}, "@id": 7})",                         // @id not a string
      R"([{"@context": ["https://hdcat.jp/contexts/healthdcat-ap.jsonld", {"x": {"@id": "http://v/x", "@container": "@id"}}]}])",
  };
  for (const char* document : bad) {
    auto graph = ParseJsonLd(document, ContextCache::Builtin(), ExpandOptions{});
    CHECK_FALSE(graph.ok());
  }
}

TEST_CASE("a term in the form of an IRI must map to that IRI", "[jsonld]") {
  // Found by the comparison with jsonld.js (harvest_jsonld_oracle): the published DCAT-AP
  // 3.0.1 context maps "Xsd:string" to xsd:string, which JSON-LD 1.1 refuses.
  ExpandOptions options;
  options.base_iri = "https://holder.example.jp/catalog";
  const ContextCache contexts = ContextCache::Builtin();
  auto refused = ParseJsonLd(R"({"@context": {"xsd": "http://www.w3.org/2001/XMLSchema#",
    "Xsd:string": "http://www.w3.org/2001/XMLSchema#string"}, "@id": "https://e/x"})", contexts, options);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error().message, Catch::Contains("invalid IRI mapping"));
  CHECK_THAT(refused.error().message, Catch::Contains("Xsd:string"));
  auto slash = ParseJsonLd(R"({"@context": {"a/b": "https://e/other"}, "@id": "https://e/x"})", contexts, options);
  CHECK_FALSE(slash.ok());
  auto consistent = ParseJsonLd(R"({"@context": {"xsd": "http://www.w3.org/2001/XMLSchema#",
    "xsd:string": {"@id": "http://www.w3.org/2001/XMLSchema#string"}, "https://e/p": {"@id": "https://e/p"}},
    "@id": "https://e/x", "xsd:string": "s"})", contexts, options);
  REQUIRE(consistent.ok());
  CHECK(consistent->size() == 1);
}

TEST_CASE("ResolveIri follows RFC 3986", "[jsonld]") {
  const std::string base = "http://a/b/c/d;p?q";
  struct Row {
    const char* reference;
    const char* expected;
  };
  const Row rows[] = {{"g", "http://a/b/c/g"},     {"./g", "http://a/b/c/g"},   {"g/", "http://a/b/c/g/"},
                      {"/g", "http://a/g"},        {"//g", "http://g"},         {"?y", "http://a/b/c/d;p?y"},
                      {"#s", "http://a/b/c/d;p?q#s"}, {"../g", "http://a/b/g"}, {"../..", "http://a/"},
                      {"https://x/y", "https://x/y"}};
  for (const auto& row : rows) CHECK(ResolveIri(base, row.reference) == row.expected);
}
