// A tiny in-memory RDF model: terms, triples and a graph that owns them.
//
// Exports build one Graph and hand it to every writer (Turtle, N-Triples,
// JSON-LD, RDF/XML), so the formats cannot drift apart. The constructors keep
// the invariants the writers rely on:
//   - an IRI never contains a character RDF syntaxes forbid in IRIs (space,
//     < > " { } | \ ^ ` and control characters): they are percent-encoded, so
//     "https://x/a>b" becomes "https://x/a%3Eb";
//   - a literal's text is valid UTF-8 (ill-formed bytes become U+FFFD);
//   - a language tag is BCP 47-shaped ([A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*), or
//     the literal is plain;
//   - blank-node labels are "b<n>", unique within the graph that issued them.
// Triples keep insertion order; duplicates are dropped so the count of a
// graph equals what an RDF parser reads back.
//
// Thread-safety: a Graph is a value; build it on one thread, then share it
// read-only.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace hdcat::web::exporting {

class Term {
 public:
  enum class Kind { kIri, kBlank, kLiteral };

  Term() = default;
  static Term Iri(std::string_view iri);
  static Term Blank(std::string_view label);
  // A plain literal, or a language-tagged one when `language` is a valid tag.
  static Term Literal(std::string_view text, std::string_view language = {});
  static Term Typed(std::string_view text, std::string_view datatype_iri);

  Kind kind() const { return kind_; }
  bool is_iri() const { return kind_ == Kind::kIri; }
  bool is_blank() const { return kind_ == Kind::kBlank; }
  bool is_literal() const { return kind_ == Kind::kLiteral; }
  const std::string& value() const { return value_; }      // IRI, blank label or lexical form
  const std::string& language() const { return language_; }
  const std::string& datatype() const { return datatype_; }  // "" for plain and language-tagged

  friend bool operator==(const Term& a, const Term& b) {
    return std::tie(a.kind_, a.value_, a.language_, a.datatype_) ==
           std::tie(b.kind_, b.value_, b.language_, b.datatype_);
  }
  friend bool operator<(const Term& a, const Term& b) {
    return std::tie(a.kind_, a.value_, a.language_, a.datatype_) <
           std::tie(b.kind_, b.value_, b.language_, b.datatype_);
  }

 private:
  Kind kind_ = Kind::kIri;
  std::string value_;
  std::string language_;
  std::string datatype_;
};

struct Triple {
  Term subject;
  Term predicate;
  Term object;
};

class Graph {
 public:
  // A fresh blank node, never issued before by this graph.
  Term NewBlank();
  // Adds the triple unless it is already there. Subjects must be IRIs or
  // blank nodes and predicates IRIs; anything else is ignored.
  void Add(const Term& subject, const Term& predicate, const Term& object);

  const std::vector<Triple>& triples() const { return triples_; }
  std::size_t size() const { return triples_.size(); }

 private:
  std::vector<Triple> triples_;
  std::set<std::tuple<Term, Term, Term>> seen_;
  std::size_t next_blank_ = 0;
};

// True for an absolute IRI: a scheme ([A-Za-z][A-Za-z0-9+.-]*), ':' and more.
bool IsAbsoluteIri(std::string_view text);
// True for a BCP 47-shaped language tag.
bool IsLanguageTag(std::string_view tag);
// `text` with every character forbidden in RDF IRIs percent-encoded.
std::string EscapeIri(std::string_view text);

}  // namespace hdcat::web::exporting
