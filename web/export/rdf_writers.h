// Serialisations of one Graph: Turtle, N-Triples, JSON-LD and RDF/XML.
//
// Every writer emits exactly the triples of the graph, no more and no fewer,
// so a conforming parser reads the same graph back from any of them (the
// tests check the triple counts with raptor2 and the JSON-LD processor of the
// SHACL tool). Prefixes come from ns::StandardPrefixes().
//   - Turtle groups triples by subject in first-appearance order, uses
//     prefixed names where the local part is plainly safe, full <IRIs>
//     otherwise, and escapes literals (\" \\ \n \r \t, \uXXXX for the other
//     control characters). Non-ASCII text is written as UTF-8.
//   - JSON-LD is JSON-LD 1.1 in compact form: an inline @context with the
//     prefixes, and a @graph of node objects. No remote context is needed.
//   - RDF/XML uses rdf:Description elements with rdf:about / rdf:nodeID.
//     Characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR)
//     become U+FFFD; that is the only lossy case and it cannot come from a
//     validated document. It fails when a predicate IRI cannot be split into
//     namespace + XML name (never for the predicates hdcat itself emits).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"
#include "base/result.h"
#include "web/export/rdf_graph.h"

namespace hdcat::web::exporting {

std::string WriteTurtle(const Graph& graph);
std::string WriteNTriples(const Graph& graph);
// The JSON-LD document as a value; dump() it with indentation of choice.
Json WriteJsonLd(const Graph& graph);
Result<std::string> WriteRdfXml(const Graph& graph);

// The @context every JSON-LD export carries (prefix -> namespace IRI). It is
// also fine to serve on its own, e.g. as /ns/context.jsonld.
Json JsonLdContext();

enum class RdfFormat { kTurtle, kNTriples, kJsonLd, kRdfXml };

// File extensions ("ttl", "nt", "jsonld", "rdf"; "xml" also reads as RDF/XML)
// and media types of each format. An unknown extension is an InvalidInput.
Result<RdfFormat> RdfFormatFromExtension(std::string_view extension);
std::string_view RdfFormatExtension(RdfFormat format);
std::string_view RdfFormatMediaType(RdfFormat format);
// Picks the format for an HTTP Accept header (q-values honoured; "*/*" and an
// empty header give Turtle). InvalidInput when nothing acceptable is offered.
// Browsers send "text/html, …, */*;q=0.8": a dataset URL that also serves
// HTML should check for text/html before asking this.
Result<RdfFormat> RdfFormatFromAccept(std::string_view accept);

// One call for the server: the bytes of `graph` in `format`.
Result<std::string> Serialize(const Graph& graph, RdfFormat format);

}  // namespace hdcat::web::exporting
