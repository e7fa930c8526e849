// RDF/XML writer (see rdf_writers.h).
#include <map>
#include <set>
#include <vector>

#include "web/export/rdf_names.h"
#include "web/export/rdf_writers.h"

namespace hdcat::web::exporting {
namespace {

// XML 1.0 has no way to carry C0 controls other than tab, LF and CR.
bool XmlForbidden(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

void AppendXmlEscaped(std::string& out, std::string_view text, bool attribute) {
  for (unsigned char c : text) {
    if (XmlForbidden(c)) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      // Parsers normalise a raw CR (and, in attributes, tab and LF) away.
      case '\r': out += "&#13;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default: out.push_back(static_cast<char>(c));
    }
  }
}

void AppendNodeAttribute(std::string& out, std::string_view name_iri, std::string_view name_blank, const Term& t) {
  out.append(" ").append(t.is_blank() ? name_blank : name_iri).append("=\"");
  AppendXmlEscaped(out, t.value(), true);
  out.append("\"");
}

}  // namespace

Result<std::string> WriteRdfXml(const Graph& graph) {
  // Every predicate becomes an element name, so each must be a prefixed name.
  std::vector<Term> order;
  std::map<Term, std::vector<const Triple*>> by_subject;
  for (const Triple& t : graph.triples()) {
    if (!detail::SplitIri(t.predicate.value())) {
      return InvalidInput("RDF/XML cannot name the predicate <" + t.predicate.value() + ">");
    }
    auto [it, inserted] = by_subject.try_emplace(t.subject);
    if (inserted) order.push_back(t.subject);
    it->second.push_back(&t);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF";
  for (const ns::Prefix& p : ns::StandardPrefixes()) {
    out.append("\n    xmlns:").append(p.prefix).append("=\"").append(p.iri).append("\"");
  }
  out.append(">\n");
  for (const Term& subject : order) {
    out.append("  <rdf:Description");
    AppendNodeAttribute(out, "rdf:about", "rdf:nodeID", subject);
    out.append(">\n");
    for (const Triple* t : by_subject[subject]) {
      auto name = detail::SplitIri(t->predicate.value());
      std::string element = std::string(name->prefix) + ":" + std::string(name->local);
      out.append("    <").append(element);
      if (!t->object.is_literal()) {
        AppendNodeAttribute(out, "rdf:resource", "rdf:nodeID", t->object);
        out.append("/>\n");
        continue;
      }
      if (!t->object.language().empty()) {
        out.append(" xml:lang=\"").append(t->object.language()).append("\"");
      } else if (!t->object.datatype().empty()) {
        out.append(" rdf:datatype=\"");
        AppendXmlEscaped(out, t->object.datatype(), true);
        out.append("\"");
      }
      out.append(">");
      AppendXmlEscaped(out, t->object.value(), false);
      out.append("</").append(element).append(">\n");
    }
    out.append("  </rdf:Description>\n");
  }
  out.append("</rdf:RDF>\n");
  return out;
}

}  // namespace hdcat::web::exporting
