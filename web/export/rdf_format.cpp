// Format names, media types and content negotiation (see rdf_writers.h).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

#include "web/export/rdf_writers.h"

namespace hdcat::web::exporting {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

struct MediaRange {
  std::string_view type;
  RdfFormat format;
};

constexpr MediaRange kMediaRanges[] = {
    {"text/turtle", RdfFormat::kTurtle},
    {"application/x-turtle", RdfFormat::kTurtle},
    {"application/n-triples", RdfFormat::kNTriples},
    {"application/ld+json", RdfFormat::kJsonLd},
    {"application/json", RdfFormat::kJsonLd},
    {"application/rdf+xml", RdfFormat::kRdfXml},
    {"application/xml", RdfFormat::kRdfXml},
    {"text/xml", RdfFormat::kRdfXml},
};

}  // namespace

Result<RdfFormat> RdfFormatFromExtension(std::string_view extension) {
  std::string ext = Lower(extension);
  if (ext == "ttl") return RdfFormat::kTurtle;
  if (ext == "nt") return RdfFormat::kNTriples;
  if (ext == "jsonld") return RdfFormat::kJsonLd;
  if (ext == "rdf" || ext == "xml") return RdfFormat::kRdfXml;
  Error error = InvalidInput("unknown RDF format '" + std::string(extension) + "'");
  error.expected = "ttl, nt, jsonld or rdf";
  return error;
}

std::string_view RdfFormatExtension(RdfFormat format) {
  switch (format) {
    case RdfFormat::kTurtle: return "ttl";
    case RdfFormat::kNTriples: return "nt";
    case RdfFormat::kJsonLd: return "jsonld";
    case RdfFormat::kRdfXml: return "rdf";
  }
  return "ttl";
}

std::string_view RdfFormatMediaType(RdfFormat format) {
  switch (format) {
    case RdfFormat::kTurtle: return "text/turtle";
    case RdfFormat::kNTriples: return "application/n-triples";
    case RdfFormat::kJsonLd: return "application/ld+json";
    case RdfFormat::kRdfXml: return "application/rdf+xml";
  }
  return "text/turtle";
}

Result<RdfFormat> RdfFormatFromAccept(std::string_view accept) {
  if (Trim(accept).empty()) return RdfFormat::kTurtle;
  double best_q = 0;
  std::optional<RdfFormat> best;
  while (!accept.empty()) {
    std::size_t comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    std::size_t semicolon = item.find(';');
    std::string type = Lower(Trim(item.substr(0, semicolon)));
    double q = 1.0;
    if (semicolon != std::string_view::npos) {
      std::string params = Lower(item.substr(semicolon + 1));
      std::size_t at = params.find("q=");
      if (at != std::string::npos) q = std::strtod(params.c_str() + at + 2, nullptr);
    }
    std::optional<RdfFormat> format;
    if (type == "*/*" || type == "text/*") format = RdfFormat::kTurtle;
    for (const MediaRange& range : kMediaRanges) {
      if (type == range.type) format = range.format;
    }
    // Ties keep the earlier entry: clients list their preference first.
    if (format && q > best_q) {
      best_q = q;
      best = format;
    }
  }
  if (!best) {
    Error error = InvalidInput("none of the requested media types can be produced");
    error.expected = "text/turtle, application/n-triples, application/ld+json or application/rdf+xml";
    return error;
  }
  return *best;
}

Result<std::string> Serialize(const Graph& graph, RdfFormat format) {
  switch (format) {
    case RdfFormat::kTurtle: return WriteTurtle(graph);
    case RdfFormat::kNTriples: return WriteNTriples(graph);
    case RdfFormat::kJsonLd: return WriteJsonLd(graph).dump(1);
    case RdfFormat::kRdfXml: return WriteRdfXml(graph);
  }
  return Internal("unknown RDF format");
}

}  // namespace hdcat::web::exporting
