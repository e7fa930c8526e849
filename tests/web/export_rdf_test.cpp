// The RDF model and its writers: IRI and literal escaping, language tags, and
// round trips through raptor2 (Turtle, N-Triples, RDF/XML) that must give
// back exactly the terms that were written.
#include <raptor2.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "web/export/namespaces.h"
#include "web/export/rdf_graph.h"
#include "web/export/rdf_writers.h"

namespace ex = hdcat::web::exporting;

namespace {

// A triple as raptor2 reads it, in N-Triples-like text for comparison.
struct Parsed {
  std::vector<std::string> literals;  // every literal object's lexical value
  std::size_t count = 0;
};

void OnStatement(void* user_data, raptor_statement* statement) {
  auto* parsed = static_cast<Parsed*>(user_data);
  ++parsed->count;
  if (statement->object->type == RAPTOR_TERM_TYPE_LITERAL) {
    const auto& literal = statement->object->value.literal;
    parsed->literals.emplace_back(reinterpret_cast<const char*>(literal.string), literal.string_len);
  }
}

Parsed ParseWithRaptor(const std::string& bytes, const char* syntax) {
  Parsed parsed;
  raptor_world* world = raptor_new_world();
  raptor_parser* parser = raptor_new_parser(world, syntax);
  raptor_parser_set_statement_handler(parser, &parsed, OnStatement);
  raptor_uri* base = raptor_new_uri(world, reinterpret_cast<const unsigned char*>("http://example.org/base"));
  raptor_parser_parse_start(parser, base);
  int failed = raptor_parser_parse_chunk(parser, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 1);
  raptor_free_uri(base);
  raptor_free_parser(parser);
  raptor_free_world(world);
  if (failed) parsed.count = static_cast<std::size_t>(-1);
  return parsed;
}

const std::vector<std::string> kTrickyTexts = {
    "plain",
    "with \"double\" quotes and 'single'",
    "line one\nline two\r\nline three",
    "back\\slash and \\n that is not a newline",
    "tab\there",
    "日本語の説明（ＨｂＡ１ｃ、糖尿病）",
    "markup <script>alert(1)</script> & entities &amp;",
    "\"\"\" triple quotes \"\"\"",
    "ends with a backslash \\",
};

ex::Graph TrickyGraph() {
  ex::Graph graph;
  ex::Term subject = ex::Term::Iri("https://hdcat.jp/dataset/ds-1");
  ex::Term title = ex::Term::Iri(std::string(ex::ns::kDct) + "title");
  for (const std::string& text : kTrickyTexts) {
    graph.Add(subject, title, ex::Term::Literal(text, "ja"));
    graph.Add(subject, ex::Term::Iri(std::string(ex::ns::kDct) + "description"), ex::Term::Literal(text));
  }
  graph.Add(subject, ex::Term::Iri(std::string(ex::ns::kDcat) + "startDate"),
            ex::Term::Typed("2024-03", std::string(ex::ns::kXsd) + "gYearMonth"));
  ex::Term blank = graph.NewBlank();
  graph.Add(subject, ex::Term::Iri(std::string(ex::ns::kDct) + "temporal"), blank);
  graph.Add(blank, ex::Term::Iri(std::string(ex::ns::kRdf) + "type"),
            ex::Term::Iri(std::string(ex::ns::kDct) + "PeriodOfTime"));
  graph.Add(subject, ex::Term::Iri(std::string(ex::ns::kDcat) + "landingPage"), ex::Term::Iri("https://x.example/a>b c"));
  return graph;
}

}  // namespace

TEST_CASE("IRIs never carry characters RDF syntaxes forbid") {
  struct Case {
    std::string in, out;
  };
  const std::vector<Case> cases = {
      {"https://example.org/a", "https://example.org/a"},
      {"https://example.org/a>b", "https://example.org/a%3Eb"},
      {"https://example.org/a b", "https://example.org/a%20b"},
      {"https://example.org/<x>\"{}|\\^`", "https://example.org/%3Cx%3E%22%7B%7D%7C%5C%5E%60"},
      {"https://example.org/\n", "https://example.org/%0A"},
      {"https://例え.jp/データ", "https://例え.jp/データ"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(ex::Term::Iri(c.in).value() == c.out);
  }
}

TEST_CASE("absolute IRIs and language tags are recognised") {
  CHECK(ex::IsAbsoluteIri("https://a"));
  CHECK(ex::IsAbsoluteIri("mailto:x@example.org"));
  CHECK(ex::IsAbsoluteIri("urn:x"));
  CHECK_FALSE(ex::IsAbsoluteIri("/relative/path"));
  CHECK_FALSE(ex::IsAbsoluteIri("example.org"));
  CHECK_FALSE(ex::IsAbsoluteIri("1http://x"));
  CHECK_FALSE(ex::IsAbsoluteIri("https:"));
  CHECK(ex::IsLanguageTag("ja"));
  CHECK(ex::IsLanguageTag("ja-Kana"));
  CHECK(ex::IsLanguageTag("en-GB-oed"));
  CHECK_FALSE(ex::IsLanguageTag(""));
  CHECK_FALSE(ex::IsLanguageTag("ja_JP"));
  CHECK_FALSE(ex::IsLanguageTag("ja-"));
  CHECK_FALSE(ex::IsLanguageTag("toolonglanguage"));
  // An invalid tag makes a plain literal rather than a broken document.
  CHECK(ex::Term::Literal("x", "ja JP").language().empty());
  // Ill-formed UTF-8 is replaced, never passed to a writer.
  CHECK(ex::Term::Literal("a\xff" "b").value() == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("a graph drops duplicate triples and ill-formed ones") {
  ex::Graph graph;
  ex::Term s = ex::Term::Iri("https://a/s");
  ex::Term p = ex::Term::Iri("https://a/p");
  graph.Add(s, p, ex::Term::Literal("x"));
  graph.Add(s, p, ex::Term::Literal("x"));
  graph.Add(s, p, ex::Term::Literal("x", "en"));
  graph.Add(ex::Term::Literal("not a subject"), p, s);
  graph.Add(s, ex::Term::Literal("not a predicate"), s);
  CHECK(graph.size() == 2);
  CHECK(graph.NewBlank().value() != graph.NewBlank().value());
}

TEST_CASE("Turtle and N-Triples escape literals") {
  struct Case {
    std::string text, escaped;
  };
  const std::vector<Case> cases = {
      {"a\"b", "\"a\\\"b\""},
      {"a\\b", "\"a\\\\b\""},
      {"a\nb", "\"a\\nb\""},
      {"a\rb", "\"a\\rb\""},
      {"a\tb", "\"a\\tb\""},
      {std::string("a\x01" "b"), "\"a\\u0001b\""},
      {"日本語", "\"日本語\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    ex::Graph graph;
    graph.Add(ex::Term::Iri("https://a/s"), ex::Term::Iri("https://a/p"), ex::Term::Literal(c.text));
    CHECK(ex::WriteNTriples(graph) == "<https://a/s> <https://a/p> " + c.escaped + " .\n");
    CHECK(ex::WriteTurtle(graph).find(c.escaped) != std::string::npos);
  }
}

TEST_CASE("Turtle uses prefixed names only for plain local names") {
  ex::Graph graph;
  ex::Term s = ex::Term::Iri("https://a/s");
  graph.Add(s, ex::Term::Iri(std::string(ex::ns::kDct) + "title"), ex::Term::Literal("t"));
  graph.Add(s, ex::Term::Iri(std::string(ex::ns::kRdf) + "type"), ex::Term::Iri(std::string(ex::ns::kDcat) + "Dataset"));
  graph.Add(s, ex::Term::Iri(std::string(ex::ns::kDct) + "relation"), ex::Term::Iri(std::string(ex::ns::kDct) + "a/b.c"));
  std::string turtle = ex::WriteTurtle(graph);
  CHECK(turtle.find("dct:title \"t\"") != std::string::npos);
  CHECK(turtle.find("a dcat:Dataset") != std::string::npos);
  CHECK(turtle.find("<http://purl.org/dc/terms/a/b.c>") != std::string::npos);
}

TEST_CASE("every syntax reads back through raptor2 with identical literals") {
  ex::Graph graph = TrickyGraph();
  std::multiset<std::string> expected;
  for (const ex::Triple& t : graph.triples()) {
    if (t.object.is_literal()) expected.insert(t.object.value());
  }
  struct Syntax {
    const char* raptor_name;
    std::string bytes;
  };
  auto rdfxml = ex::WriteRdfXml(graph);
  REQUIRE(rdfxml.ok());
  const std::vector<Syntax> syntaxes = {
      {"turtle", ex::WriteTurtle(graph)}, {"ntriples", ex::WriteNTriples(graph)}, {"rdfxml", *rdfxml}};
  for (const Syntax& syntax : syntaxes) {
    CAPTURE(syntax.raptor_name, syntax.bytes);
    Parsed parsed = ParseWithRaptor(syntax.bytes, syntax.raptor_name);
    CHECK(parsed.count == graph.size());
    CHECK(std::multiset<std::string>(parsed.literals.begin(), parsed.literals.end()) == expected);
  }
}

TEST_CASE("RDF/XML escapes markup and refuses unnameable predicates") {
  ex::Graph graph;
  ex::Term s = ex::Term::Iri("https://a/s?x=1&y=2");
  graph.Add(s, ex::Term::Iri(std::string(ex::ns::kDct) + "title"), ex::Term::Literal("<b>&</b>"));
  auto xml = ex::WriteRdfXml(graph);
  REQUIRE(xml.ok());
  CHECK(xml->find("&lt;b&gt;&amp;&lt;/b&gt;") != std::string::npos);
  CHECK(xml->find("rdf:about=\"https://a/s?x=1&amp;y=2\"") != std::string::npos);
  graph.Add(s, ex::Term::Iri("https://a/p/"), ex::Term::Literal("x"));
  CHECK_FALSE(ex::WriteRdfXml(graph).ok());
}

TEST_CASE("JSON-LD is compact, with an inline context and one node per subject") {
  ex::Graph graph = TrickyGraph();
  hdcat::Json doc = ex::WriteJsonLd(graph);
  REQUIRE(doc["@context"]["dct"] == std::string(ex::ns::kDct));
  REQUIRE(doc["@context"]["healthdcatap"] == std::string(ex::ns::kHealthDcatAp));
  REQUIRE(doc["@graph"].size() == 2);
  const hdcat::Json& dataset = doc["@graph"][0];
  CHECK(dataset["@id"] == "https://hdcat.jp/dataset/ds-1");
  CHECK(dataset["dct:title"][0] == hdcat::Json({{"@value", "plain"}, {"@language", "ja"}}));
  CHECK(dataset["dcat:startDate"][0] == hdcat::Json({{"@value", "2024-03"}, {"@type", "xsd:gYearMonth"}}));
  CHECK(dataset["dct:temporal"][0]["@id"] == "_:b1");
  CHECK(doc["@graph"][1]["@type"] == hdcat::Json::array({"dct:PeriodOfTime"}));
  // Every triple appears exactly once among the node objects.
  std::size_t values = 0;
  for (const hdcat::Json& node : doc["@graph"]) {
    for (const auto& [key, list] : node.items()) {
      if (key != "@id") values += list.size();
    }
  }
  CHECK(values == graph.size());
  // The tricky texts survive JSON text and back unchanged.
  hdcat::Json reread = hdcat::Json::parse(doc.dump(1));
  std::multiset<std::string> expected, got;
  for (const ex::Triple& t : graph.triples()) {
    if (t.object.is_literal()) expected.insert(t.object.value());
  }
  for (const hdcat::Json& node : reread["@graph"]) {
    for (const auto& [key, list] : node.items()) {
      if (!list.is_array()) continue;
      for (const hdcat::Json& value : list) {
        if (value.is_object() && value.contains("@value")) got.insert(value["@value"].get<std::string>());
      }
    }
  }
  CHECK(got == expected);
}

TEST_CASE("formats are chosen by extension and by Accept header") {
  CHECK(*ex::RdfFormatFromExtension("ttl") == ex::RdfFormat::kTurtle);
  CHECK(*ex::RdfFormatFromExtension("JSONLD") == ex::RdfFormat::kJsonLd);
  CHECK(*ex::RdfFormatFromExtension("rdf") == ex::RdfFormat::kRdfXml);
  CHECK_FALSE(ex::RdfFormatFromExtension("html").ok());
  struct Case {
    std::string accept;
    ex::RdfFormat format;
  };
  const std::vector<Case> cases = {
      {"", ex::RdfFormat::kTurtle},
      {"application/ld+json", ex::RdfFormat::kJsonLd},
      {"text/html;q=0.9, application/rdf+xml", ex::RdfFormat::kRdfXml},
      {"text/turtle;q=0.5, application/ld+json;q=0.8", ex::RdfFormat::kJsonLd},
      {"application/n-triples", ex::RdfFormat::kNTriples},
      {"*/*", ex::RdfFormat::kTurtle},
  };
  for (const Case& c : cases) {
    CAPTURE(c.accept);
    auto format = ex::RdfFormatFromAccept(c.accept);
    REQUIRE(format.ok());
    CHECK(*format == c.format);
  }
  CHECK_FALSE(ex::RdfFormatFromAccept("text/html, image/png").ok());
  CHECK(ex::RdfFormatMediaType(ex::RdfFormat::kJsonLd) == "application/ld+json");
}
