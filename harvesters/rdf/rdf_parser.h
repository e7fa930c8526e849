// RdfParser: reads Turtle or RDF/XML into a Graph with raptor2, offline.
//
// The parser never touches the network or the file system: raptor's NO_NET
// and NO_FILE options are set and XML external entities are not loaded, so a
// hostile document cannot make the harvester fetch anything. Input may be fed
// in chunks as it arrives from the HTTP client. The first error raptor reports
// (with its line) is the result of Finish().
//
// Thread-safety: one RdfParser per thread; distinct parsers are independent
// (each owns its raptor world).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "harvesters/rdf/graph.h"

namespace hdcat::harvesters::rdf {

enum class RdfSyntax { kTurtle, kRdfXml };

class RdfParser {
 public:
  // `base_iri` resolves relative IRIs (usually the URL of the page).
  RdfParser(RdfSyntax syntax, std::string base_iri);
  ~RdfParser();
  RdfParser(const RdfParser&) = delete;
  RdfParser& operator=(const RdfParser&) = delete;

  // Parses the next chunk; an error stops parsing and is returned again by Finish().
  Status Feed(std::string_view chunk);
  // Ends the input; returns the graph or the first parse error.
  Result<Graph> Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One-shot convenience.
Result<Graph> ParseRdf(std::string_view text, RdfSyntax syntax, const std::string& base_iri);

}  // namespace hdcat::harvesters::rdf
