// DcatMapping: one dcat:Dataset of an RDF graph (DCAT-AP 3 / HealthDCAT-AP R8,
// from Turtle, RDF/XML or JSON-LD alike) -> an hdcat dataset document
// (schemas/MODEL.md).
//
// The mapping is a table (DcatFieldRules): predicate IRI -> JSON pointer in
// the document + converter. Converters turn language-tagged literals into
// LangText, vocabulary IRIs into hdcat codes (schemas/vocabularies/*.json:
// uri / eu_uri / alt_uris), typed literals into numbers, booleans, dates and
// durations, and nested nodes (agents, contact points, periods,
// distributions, csvw TableGroup/Table/Column, quality certificates,
// purposes, activities) into the model's objects. Coding systems come from
// both healthdcatap:hasCodingSystem (EU IRIs) and the hdcat extension
// property https://hdcat.jp/ns#codingSystem (Japanese systems). The R5-era
// forms healthdcatap:publisherType / publisherNote / trustedDataHolder are
// accepted: the type goes to the publisher, the note to extensions, the
// trusted-holder flag to the holder patch.
//
// Nothing is dropped silently: every predicate of the dataset (and of its
// distributions, agents and columns) without a rule, and every value a
// converter could not read, is listed in `unmapped` as "prefix:local" or
// "path/prefix:local (reason)". The caller keeps the raw triples.
//
// RDF values have no order, so every list in the document is sorted (tables
// and variables by name): the same graph always gives the same document.
//
// Code values come from hdcat:codeValue skos:Concepts (notation, inScheme ->
// system, prefLabel -> label) and, for codes no concept names, from the bare
// healthdcatap:hasCodeValues literals (without a system).
//
// hdcat's own exports carry the whole description as canonical JSON in
// hdcat:document (web/export/README.md). When that literal is a JSON object it
// is the document (the table still runs for holder_patch; its `unmapped` is
// cleared since the triples only repeat the document, and `notes` says so):
// export -> harvest is then lossless except for counts the exporter
// suppressed. A literal that is not a JSON object is reported in `unmapped`
// and the table's document is kept.
//
// When the source gives no hdcat access route, one route per distribution
// access URL is derived (open_download when access rights are PUBLIC, else
// data_delivery) and the derivation is listed in `notes`.
//
// Thread-safety: a DcatMapper is immutable after construction; share freely.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "harvesters/mapping/vocabulary_codes.h"
#include "harvesters/rdf/graph.h"

namespace hdcat::harvesters::mapping {

namespace ns {
inline constexpr std::string_view kDcat = "http://www.w3.org/ns/dcat#";
inline constexpr std::string_view kDct = "http://purl.org/dc/terms/";
inline constexpr std::string_view kDcatAp = "http://data.europa.eu/r5r/";
// The R8 namespace is provisional (the shapes say it will change): this is
// the only place that names it.
inline constexpr std::string_view kHealthDcatAp = "http://healthdataportal.eu/ns/health#";
inline constexpr std::string_view kHdcat = "https://hdcat.jp/ns#";
inline constexpr std::string_view kFoaf = "http://xmlns.com/foaf/0.1/";
inline constexpr std::string_view kVcard = "http://www.w3.org/2006/vcard/ns#";
inline constexpr std::string_view kCv = "http://data.europa.eu/m8g/";
inline constexpr std::string_view kCsvw = "http://www.w3.org/ns/csvw#";
inline constexpr std::string_view kDpv = "https://w3id.org/dpv#";
inline constexpr std::string_view kDqv = "http://www.w3.org/ns/dqv#";
inline constexpr std::string_view kOa = "http://www.w3.org/ns/oa#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kAdms = "http://www.w3.org/ns/adms#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kGeoDcatAp = "http://data.europa.eu/930/";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kHydra = "http://www.w3.org/ns/hydra/core#";
inline constexpr std::string_view kSchema = "http://schema.org/";
}  // namespace ns

// "http://www.w3.org/ns/dcat#keyword" -> "dcat:keyword" (full IRI when no prefix fits).
std::string CompactIri(std::string_view iri);

struct DcatMappingOptions {
  std::string holder;                  // the holder identifier of the source
  std::string default_language = "ja"; // for literals without a language tag
};

struct DcatMapped {
  Json document;                     // the dataset document (may fail validation later)
  Json holder_patch;                 // holder fields found in the dataset (object, maybe empty)
  std::vector<std::string> unmapped; // what the table does not cover, never silently dropped
  std::vector<std::string> notes;    // derivations made (e.g. access routes)
};

enum class DcatConverter {
  kLangText, kLangTextList, kLangWords, kString, kIri, kIriList, kCode, kCodeList, kBool, kCount, kDate,
  kDuration, kLegislation, kAgent, kContactPoints, kPeriod, kProvenance, kPurposes, kLegalBasis,
  kActivities, kDistributions, kVariables, kCodingSystems, kCodeConcepts, kCodeValues, kJsonObject, kQuality, kSpatial, kLegacyPublisherType,
  kLegacyPublisherNote, kLegacyTrustedHolder, kIgnore,
};

struct DcatFieldRule {
  std::string_view predicate;   // full IRI
  std::string_view pointer;     // JSON pointer in the dataset document
  DcatConverter converter;
  std::string_view vocabulary;  // for code converters
};

// The mapping table, in the order the rules apply.
const std::vector<DcatFieldRule>& DcatFieldRules();

class DcatMapper {
 public:
  explicit DcatMapper(DcatMappingOptions options);

  // Maps `dataset` (a node of `graph`). Fails only when no identifier can be
  // derived; every other problem is reported in `unmapped`.
  Result<DcatMapped> MapDataset(const rdf::Graph& graph, const rdf::Term& dataset) const;

  const VocabularyCodes& vocabulary(std::string_view name) const;

 private:
  DcatMappingOptions options_;
  std::map<std::string, VocabularyCodes, std::less<>> vocabularies_;
  VocabularyCodes empty_;
};

}  // namespace hdcat::harvesters::mapping
