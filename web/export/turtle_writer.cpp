// Turtle and N-Triples writers (see rdf_writers.h).
#include <cstdio>
#include <map>
#include <vector>

#include "web/export/rdf_names.h"
#include "web/export/rdf_writers.h"

namespace hdcat::web::exporting {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

// The body of a quoted literal: the ECHAR escapes, \uXXXX for other controls.
void AppendEscapedString(std::string& out, std::string_view text) {
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
          out += buffer;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
}

void AppendIri(std::string& out, std::string_view iri, bool prefixed) {
  if (prefixed) {
    if (auto name = detail::SplitIri(iri)) {
      out.append(name->prefix).append(":").append(name->local);
      return;
    }
  }
  out.append("<").append(iri).append(">");
}

void AppendTerm(std::string& out, const Term& term, bool prefixed) {
  switch (term.kind()) {
    case Term::Kind::kIri: AppendIri(out, term.value(), prefixed); return;
    case Term::Kind::kBlank: out.append("_:").append(term.value()); return;
    case Term::Kind::kLiteral:
      out.push_back('"');
      AppendEscapedString(out, term.value());
      out.push_back('"');
      if (!term.language().empty()) {
        out.append("@").append(term.language());
      } else if (!term.datatype().empty()) {
        out.append("^^");
        AppendIri(out, term.datatype(), prefixed);
      }
      return;
  }
}

}  // namespace

std::string WriteNTriples(const Graph& graph) {
  std::string out;
  for (const Triple& t : graph.triples()) {
    AppendTerm(out, t.subject, false);
    out.push_back(' ');
    AppendTerm(out, t.predicate, false);
    out.push_back(' ');
    AppendTerm(out, t.object, false);
    out.append(" .\n");
  }
  return out;
}

std::string WriteTurtle(const Graph& graph) {
  std::string out;
  for (const ns::Prefix& p : ns::StandardPrefixes()) {
    out.append("@prefix ").append(p.prefix).append(": <").append(p.iri).append("> .\n");
  }
  // Subjects in first-appearance order, each with its predicates in order.
  std::vector<const Term*> subjects;
  std::map<Term, std::vector<const Triple*>> by_subject;
  for (const Triple& t : graph.triples()) {
    auto [it, inserted] = by_subject.try_emplace(t.subject);
    if (inserted) subjects.push_back(&it->first);
    it->second.push_back(&t);
  }
  for (const Term* subject : subjects) {
    out.push_back('\n');
    AppendTerm(out, *subject, true);
    const Term* previous_predicate = nullptr;
    for (const Triple* t : by_subject[*subject]) {
      if (previous_predicate && *previous_predicate == t->predicate) {
        out.append(" ,\n        ");
      } else {
        out.append(previous_predicate ? " ;\n    " : "\n    ");
        if (t->predicate.value() == kRdfType) {
          out.append("a");
        } else {
          AppendTerm(out, t->predicate, true);
        }
        out.push_back(' ');
      }
      AppendTerm(out, t->object, true);
      previous_predicate = &t->predicate;
    }
    out.append(" .\n");
  }
  return out;
}

}  // namespace hdcat::web::exporting
