#include "harvesters/rdf/graph.h"

#include <algorithm>
#include <cstdio>

namespace hdcat::harvesters::rdf {
namespace {

void AppendEscaped(std::string& out, std::string_view text) {
  for (unsigned char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

}  // namespace

Term Term::Literal(std::string lexical, std::string language, std::string datatype) {
  std::transform(language.begin(), language.end(), language.begin(), [](unsigned char c) { return std::tolower(c); });
  if (datatype == kXsdString) datatype.clear();
  if (!language.empty()) datatype.clear();
  return Term{Kind::kLiteral, std::move(lexical), std::move(language), std::move(datatype)};
}

std::string Term::ToNTriples() const {
  std::string out;
  switch (kind) {
    case Kind::kIri:
      out = "<" + value + ">";
      break;
    case Kind::kBlank:
      out = "_:" + value;
      break;
    case Kind::kLiteral:
      out = "\"";
      AppendEscaped(out, value);
      out += "\"";
      if (!language.empty()) {
        out += "@" + language;
      } else if (!datatype.empty()) {
        out += "^^<" + datatype + ">";
      }
      break;
  }
  return out;
}

std::string Term::Key() const { return ToNTriples(); }

std::string Triple::ToNTriples() const {
  return subject.ToNTriples() + " " + predicate.ToNTriples() + " " + object.ToNTriples() + " .";
}

void Graph::Add(Triple triple) {
  std::size_t hash = std::hash<std::string>{}(triple.ToNTriples());
  auto [begin, end] = by_hash_.equal_range(hash);
  for (auto it = begin; it != end; ++it) {
    const Triple& existing = triples_[it->second];
    if (existing.subject == triple.subject && existing.predicate == triple.predicate && existing.object == triple.object) {
      return;
    }
  }
  by_hash_.emplace(hash, triples_.size());
  by_subject_[triple.subject.Key()].push_back(triples_.size());
  triples_.push_back(std::move(triple));
}

std::vector<const Triple*> Graph::Outgoing(const Term& subject) const {
  std::vector<const Triple*> out;
  auto it = by_subject_.find(subject.Key());
  if (it == by_subject_.end()) return out;
  for (std::size_t i : it->second) out.push_back(&triples_[i]);
  return out;
}

std::vector<const Term*> Graph::Objects(const Term& subject, std::string_view predicate) const {
  std::vector<const Term*> out;
  auto it = by_subject_.find(subject.Key());
  if (it == by_subject_.end()) return out;
  for (std::size_t i : it->second) {
    if (triples_[i].predicate.value == predicate) out.push_back(&triples_[i].object);
  }
  return out;
}

const Term* Graph::FirstObject(const Term& subject, std::string_view predicate) const {
  auto objects = Objects(subject, predicate);
  return objects.empty() ? nullptr : objects.front();
}

std::vector<Term> Graph::SubjectsOfType(std::string_view class_iri) const {
  std::vector<Term> out;
  std::unordered_set<std::string> seen;
  for (const auto& t : triples_) {
    if (t.predicate.value == kRdfType && t.object.is_iri() && t.object.value == class_iri &&
        seen.insert(t.subject.Key()).second) {
      out.push_back(t.subject);
    }
  }
  return out;
}

bool Graph::HasType(const Term& subject, std::string_view class_iri) const {
  for (const Term* type : Objects(subject, kRdfType)) {
    if (type->is_iri() && type->value == class_iri) return true;
  }
  return false;
}

std::vector<const Triple*> Graph::Describe(const Term& node, std::string_view stop_type) const {
  std::vector<const Triple*> out;
  std::unordered_set<std::string> visited{node.Key()};
  std::vector<Term> pending{node};
  while (!pending.empty()) {
    Term current = std::move(pending.back());
    pending.pop_back();
    for (const Triple* t : Outgoing(current)) {
      out.push_back(t);
      const Term& object = t->object;
      if (!object.is_node() || t->predicate.value == kRdfType) continue;
      if (object.is_iri() && HasType(object, stop_type)) continue;
      if (visited.insert(object.Key()).second) pending.push_back(object);
    }
  }
  return out;
}

std::string Graph::ToNTriples() const {
  std::vector<std::string> lines;
  lines.reserve(triples_.size());
  for (const auto& t : triples_) lines.push_back(t.ToNTriples());
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

std::string ToNTriples(const std::vector<const Triple*>& triples) {
  std::string out;
  for (const Triple* t : triples) out += t->ToNTriples() + "\n";
  return out;
}

}  // namespace hdcat::harvesters::rdf
