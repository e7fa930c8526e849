// Graph: an in-memory set of RDF triples for one fetched page of a source.
//
// Harvesters parse one page (Turtle, RDF/XML or JSON-LD) into a Graph, map
// the datasets it describes, then drop it, so a Graph never holds more than
// one page. Lookups by subject are indexed; duplicate triples are kept once.
//
// Thread-safety: not synchronised; a built Graph may be read from several threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace hdcat::harvesters::rdf {

inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kRdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

struct Term {
  enum class Kind { kIri, kBlank, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;     // IRI, blank node label (without "_:") or lexical form
  std::string language;  // literals only, lower case
  std::string datatype;  // literals only; empty = xsd:string (or rdf:langString with a language)

  static Term Iri(std::string iri) { return Term{Kind::kIri, std::move(iri), {}, {}}; }
  static Term Blank(std::string label) { return Term{Kind::kBlank, std::move(label), {}, {}}; }
  static Term Literal(std::string lexical, std::string language = {}, std::string datatype = {});

  bool is_iri() const { return kind == Kind::kIri; }
  bool is_blank() const { return kind == Kind::kBlank; }
  bool is_literal() const { return kind == Kind::kLiteral; }
  bool is_node() const { return kind != Kind::kLiteral; }

  // N-Triples form: <iri>, _:label, "lexical"@lang, "lexical"^^<dt>.
  std::string ToNTriples() const;
  // A key unique per distinct term, for indexes.
  std::string Key() const;

  bool operator==(const Term& other) const = default;
};

struct Triple {
  Term subject;
  Term predicate;
  Term object;
  std::string ToNTriples() const;  // one line without the newline
};

class Graph {
 public:
  void Add(Triple triple);
  const std::vector<Triple>& triples() const { return triples_; }
  std::size_t size() const { return triples_.size(); }

  // Triples whose subject is `subject`, in insertion order.
  std::vector<const Triple*> Outgoing(const Term& subject) const;
  // Objects of (subject, predicate, ?).
  std::vector<const Term*> Objects(const Term& subject, std::string_view predicate) const;
  const Term* FirstObject(const Term& subject, std::string_view predicate) const;
  // Subjects having rdf:type `class_iri`, in first-seen order.
  std::vector<Term> SubjectsOfType(std::string_view class_iri) const;
  bool HasType(const Term& subject, std::string_view class_iri) const;

  // The node's triples plus, recursively, those of blank nodes it reaches and
  // of IRI nodes it reaches that are not themselves of `stop_type` (so one
  // dataset's description does not swallow another dataset's).
  std::vector<const Triple*> Describe(const Term& node, std::string_view stop_type) const;

  // Sorted N-Triples lines, newline-terminated: a canonical dump for tests
  // (blank node labels as parsed).
  std::string ToNTriples() const;

 private:
  std::vector<Triple> triples_;
  // Hash of a triple's N-Triples form -> its index, to drop duplicates
  // without keeping a second copy of every triple's text.
  std::unordered_multimap<std::size_t, std::size_t> by_hash_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_subject_;
};

// Lines of N-Triples from a list of triples (in the given order).
std::string ToNTriples(const std::vector<const Triple*>& triples);

}  // namespace hdcat::harvesters::rdf
