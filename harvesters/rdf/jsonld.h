// JSON-LD 1.1 expansion and conversion to RDF, for the subset DCAT catalogs use.
//
// Supported: inline, array and remote contexts (remote ones ONLY from the
// local ContextCache: an unknown context URL is an error, never a fetch),
// @vocab, @base, @language, compact IRIs, term definitions with @id, @type
// (@id, @vocab, datatypes), @container (@set, @list, @language, @index),
// @language, @reverse, property- and type-scoped contexts (type-scoped ones
// do not propagate, as in JSON-LD 1.1), @graph (flattened into one default
// graph), @list, value objects. Not supported, reported as errors: @import,
// @nest, @id/@type maps, @json literals.
//
// Keys that expand to no IRI are dropped by JSON-LD; Expand() reports them
// (as "path/key") so that the harvester can list what it did not understand.
//
// Thread-safety: a ContextCache is immutable once built and may be shared;
// the functions keep no state between calls.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "harvesters/rdf/graph.h"

namespace hdcat::harvesters::rdf {

// Context documents by URL, loaded from the files compiled into the binary
// (schemas/contexts/) or added by tests.
class ContextCache {
 public:
  // The contexts shipped in schemas/contexts/ under their published URLs.
  static ContextCache Builtin();

  void Add(std::string url, Json document);
  // The document for `url`, or an error naming the URL and the known ones.
  Result<const Json*> Find(std::string_view url) const;
  // Every URL the cache answers, in order (e.g. to give another processor the same contexts).
  std::vector<std::string> Urls() const;

 private:
  std::map<std::string, Json, std::less<>> documents_;
};

inline constexpr std::string_view kDcatApContextUrl =
    "https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld";
inline constexpr std::string_view kHealthDcatApContextUrl = "https://hdcat.jp/contexts/healthdcat-ap.jsonld";

struct ExpandOptions {
  std::string base_iri;  // the document URL, for relative IRIs
  int max_context_depth = 16;
};

struct Expansion {
  Json expanded;                           // always an array of node objects
  std::vector<std::string> dropped_keys;   // keys that had no IRI mapping
};

Result<Expansion> ExpandJsonLd(const Json& document, const ContextCache& contexts, const ExpandOptions& options);

// Triples of an expanded document. Blank node labels are renamed to
// "b0", "b1", ... in order of first use.
Result<Graph> ExpandedToRdf(const Json& expanded);

// Parse + expand + convert.
Result<Graph> ParseJsonLd(std::string_view text, const ContextCache& contexts, const ExpandOptions& options,
                          std::vector<std::string>* dropped_keys = nullptr, std::size_t max_bytes = 64u << 20);

// RFC 3986 reference resolution (enough for JSON-LD @id and @base values).
std::string ResolveIri(std::string_view base, std::string_view reference);

}  // namespace hdcat::harvesters::rdf
