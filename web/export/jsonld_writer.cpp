// JSON-LD writer (see rdf_writers.h).
#include <map>
#include <vector>

#include "web/export/rdf_names.h"
#include "web/export/rdf_writers.h"

namespace hdcat::web::exporting {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

// Compact IRI when a prefix covers it; an absolute IRI is read as itself.
std::string Compact(std::string_view iri) {
  if (auto name = detail::SplitIri(iri)) return std::string(name->prefix) + ":" + std::string(name->local);
  return std::string(iri);
}

std::string NodeId(const Term& term) {
  return term.is_blank() ? "_:" + term.value() : term.value();
}

Json ObjectValue(const Term& term) {
  if (!term.is_literal()) return Json{{"@id", NodeId(term)}};
  Json value = {{"@value", term.value()}};
  if (!term.language().empty()) {
    value["@language"] = term.language();
  } else if (!term.datatype().empty()) {
    value["@type"] = Compact(term.datatype());
  }
  return value;
}

}  // namespace

Json JsonLdContext() {
  Json context = Json::object();
  for (const ns::Prefix& p : ns::StandardPrefixes()) context[std::string(p.prefix)] = std::string(p.iri);
  return context;
}

Json WriteJsonLd(const Graph& graph) {
  std::vector<Term> order;
  std::map<Term, Json> nodes;
  for (const Triple& t : graph.triples()) {
    auto [it, inserted] = nodes.try_emplace(t.subject, Json{{"@id", NodeId(t.subject)}});
    if (inserted) order.push_back(t.subject);
    Json& node = it->second;
    if (t.predicate.value() == kRdfType && t.object.is_iri()) {
      node["@type"].push_back(Compact(t.object.value()));
    } else {
      node[Compact(t.predicate.value())].push_back(ObjectValue(t.object));
    }
  }
  Json graph_array = Json::array();
  for (const Term& subject : order) graph_array.push_back(std::move(nodes[subject]));
  return Json{{"@context", JsonLdContext()}, {"@graph", std::move(graph_array)}};
}

}  // namespace hdcat::web::exporting
