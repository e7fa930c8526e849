#include <cmath>
#include <cstdio>
#include <map>

#include "harvesters/rdf/jsonld.h"

namespace hdcat::harvesters::rdf {
namespace {

constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

// xsd:double canonical form as JSON-LD produces it: "1.5E0", "-2.0E3".
std::string CanonicalDouble(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15E", value);
  std::string text(buffer);
  auto e = text.find('E');
  std::string mantissa = text.substr(0, e);
  int exponent = std::stoi(text.substr(e + 1));
  while (mantissa.size() > 1 && mantissa.back() == '0' && mantissa[mantissa.size() - 2] != '.') mantissa.pop_back();
  return mantissa + "E" + std::to_string(exponent);
}

class RdfWriter {
 public:
  Result<Graph> Run(const Json& expanded) {
    for (const auto& node : expanded) HDCAT_TRY(Node(node).status);
    return std::move(graph_);
  }

 private:
  struct NodeResult {
    Status status;
    std::optional<Term> term;
  };

  Term Blank(const std::string& label) {
    auto [it, inserted] = blank_labels_.emplace(label, "");
    if (inserted) it->second = "b" + std::to_string(blank_labels_.size() - 1);
    return Term::Blank(it->second);
  }

  Term Fresh() { return Blank("_:hdcat-fresh-" + std::to_string(fresh_++)); }

  std::optional<Term> IdTerm(const std::string& id) {
    if (id.rfind("_:", 0) == 0) return Blank(id);
    if (id.find(':') == std::string::npos) return std::nullopt;  // relative IRI: not representable
    return Term::Iri(id);
  }

  NodeResult Node(const Json& node) {
    if (!node.is_object()) return {InvalidInput("expanded JSON-LD node is not an object"), std::nullopt};
    Term subject = Fresh();
    if (auto it = node.find("@id"); it != node.end() && it->is_string()) {
      auto term = IdTerm(it->get<std::string>());
      if (!term) return {Status::Ok(), std::nullopt};
      subject = *term;
    }
    for (const auto& [key, values] : node.items()) {
      if (key == "@type") {
        for (const auto& type : values) {
          if (!type.is_string()) continue;
          auto term = IdTerm(type.get<std::string>());
          if (term) graph_.Add(Triple{subject, Term::Iri(std::string(kRdfType)), *term});
        }
        continue;
      }
      if (key == "@graph" || key == "@included") {
        for (const auto& inner : values) {
          auto nested = Node(inner);
          if (!nested.status.ok()) return nested;
        }
        continue;
      }
      if (key == "@reverse") {
        for (const auto& [property, items] : values.items()) {
          for (const auto& item : items) {
            auto object = Node(item);
            if (!object.status.ok()) return object;
            if (object.term && !object.term->is_literal()) {
              graph_.Add(Triple{*object.term, Term::Iri(property), subject});
            }
          }
        }
        continue;
      }
      if (key[0] == '@' || key.rfind("_:", 0) == 0 || key.find(':') == std::string::npos) continue;
      for (const auto& item : values) {
        auto object = Object(item);
        if (!object.status.ok()) return object;
        if (object.term) graph_.Add(Triple{subject, Term::Iri(key), *object.term});
      }
    }
    return {Status::Ok(), subject};
  }

  NodeResult Object(const Json& item) {
    if (item.contains("@value")) return {Status::Ok(), Literal(item)};
    if (item.contains("@list")) return List(item["@list"]);
    return Node(item);
  }

  NodeResult List(const Json& items) {
    if (items.empty()) return {Status::Ok(), Term::Iri(std::string(kRdf) + "nil")};
    std::vector<Term> nodes;
    for (std::size_t i = 0; i < items.size(); ++i) nodes.push_back(Fresh());
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto value = Object(items[i]);
      if (!value.status.ok()) return value;
      if (value.term) graph_.Add(Triple{nodes[i], Term::Iri(std::string(kRdf) + "first"), *value.term});
      Term rest = i + 1 < items.size() ? nodes[i + 1] : Term::Iri(std::string(kRdf) + "nil");
      graph_.Add(Triple{nodes[i], Term::Iri(std::string(kRdf) + "rest"), rest});
    }
    return {Status::Ok(), nodes.front()};
  }

  std::optional<Term> Literal(const Json& item) {
    const Json& value = item["@value"];
    std::string datatype = item.contains("@type") && item["@type"].is_string() ? item["@type"].get<std::string>() : "";
    std::string language = item.contains("@language") ? item["@language"].get<std::string>() : "";
    if (value.is_boolean()) {
      return Term::Literal(value.get<bool>() ? "true" : "false", "",
                           datatype.empty() ? std::string(kXsd) + "boolean" : datatype);
    }
    if (value.is_number_integer() || value.is_number_unsigned()) {
      if (datatype.empty() || datatype == std::string(kXsd) + "integer") {
        return Term::Literal(value.dump(), "", std::string(kXsd) + "integer");
      }
      if (datatype == std::string(kXsd) + "double") {
        return Term::Literal(CanonicalDouble(value.get<double>()), "", datatype);
      }
      return Term::Literal(value.dump(), "", datatype);
    }
    if (value.is_number_float()) {
      double d = value.get<double>();
      bool integral = std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e21;
      if (integral && (datatype.empty() || datatype == std::string(kXsd) + "integer")) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.0f", d);
        return Term::Literal(buffer, "", std::string(kXsd) + "integer");
      }
      return Term::Literal(CanonicalDouble(d), "", datatype.empty() ? std::string(kXsd) + "double" : datatype);
    }
    if (!value.is_string()) return std::nullopt;
    return Term::Literal(value.get<std::string>(), language, datatype);
  }

  Graph graph_;
  std::map<std::string, std::string> blank_labels_;
  int fresh_ = 0;
};

}  // namespace

Result<Graph> ExpandedToRdf(const Json& expanded) {
  if (!expanded.is_array()) return InvalidInput("expanded JSON-LD must be an array");
  try {
    RdfWriter writer;
    return writer.Run(expanded);
  } catch (const std::exception& e) {
    return InvalidInput(std::string("JSON-LD to RDF failed: ") + e.what());
  }
}

Result<Graph> ParseJsonLd(std::string_view text, const ContextCache& contexts, const ExpandOptions& options,
                          std::vector<std::string>* dropped_keys, std::size_t max_bytes) {
  JsonLimits limits;
  limits.max_bytes = max_bytes;
  auto document = ParseJson(text, limits);
  if (!document.ok()) return document.error();
  auto expansion = ExpandJsonLd(*document, contexts, options);
  if (!expansion.ok()) return expansion.error();
  if (dropped_keys) *dropped_keys = expansion->dropped_keys;
  return ExpandedToRdf(expansion->expanded);
}

}  // namespace hdcat::harvesters::rdf
