#include "web/export/export_vocabularies.h"

#include <array>
#include <cctype>
#include <span>

#include "schemas/resources.h"
#include "web/export/namespaces.h"

namespace hdcat::web::exporting {
namespace {

struct SchemeInfo {
  Scheme scheme;
  std::string_view vocabulary;  // schemas/vocabularies/<vocabulary>.json
  std::string_view base;        // authority base
  std::string_view path;        // path under the base
};

constexpr std::array<SchemeInfo, 11> kSchemes = {{
    {Scheme::kAccessRight, "access-rights", ns::kEuAuthority, "access-right/"},
    {Scheme::kCountry, "countries", ns::kEuAuthority, "country/"},
    {Scheme::kDataTheme, "data-themes", ns::kEuAuthority, "data-theme/"},
    {Scheme::kDatasetType, "dataset-types", ns::kEuAuthority, "dataset-type/"},
    {Scheme::kFileType, "file-types", ns::kEuAuthority, "file-type/"},
    {Scheme::kFrequency, "frequencies", ns::kEuAuthority, "frequency/"},
    {Scheme::kLanguage, "languages", ns::kEuAuthority, "language/"},
    {Scheme::kHealthActivity, "health-activities", ns::kHealthAuthority, "health-activity/"},
    {Scheme::kHealthCategory, "health-categories", ns::kHealthAuthority, "healthcategories/"},
    {Scheme::kHealthTheme, "health-themes", ns::kHealthAuthority, "health-theme/"},
    {Scheme::kPublisherType, "publisher-types", ns::kHealthAuthority, "publisher-type/"},
}};

// Well-known systems of the EU coding-system and standard vocabularies, by
// the model's code reduced to lower-case letters and digits. Used only for
// vocabulary entries that carry no IRI of their own.
struct KnownEu {
  std::string_view squeezed_code;
  std::string_view eu_code;
};
constexpr KnownEu kEuCodingSystems[] = {
    {"icd10", "ICD-10"},   {"icd102013", "ICD-10"}, {"icd11", "ICD-11"}, {"icdo", "ICD-O"},
    {"icdo3", "ICD-O"},    {"snomedct", "SNOMED-CT"}, {"loinc", "LOINC"}, {"atc", "ATC"},
    {"ucum", "UCUM"},      {"meddra", "MEDDRA"},    {"omop", "OHDSI-VOCAB"}, {"ohdsivocab", "OHDSI-VOCAB"},
    {"orphacode", "ORPHACODE"}, {"hpo", "HPO"},     {"icf", "ICF"},      {"mesh", "MESH"},
    {"rxnorm", "RXNORM"},  {"icd9cm", "ICD-9-CM"},  {"hgnc", "HGNC"},    {"ncit", "NCIT"},
};
constexpr KnownEu kEuStandards[] = {
    {"fhir", "FHIR"},         {"hl7fhir", "FHIR"},     {"dicom", "DICOM"},     {"omopcdm", "OMOP-CDM"},
    {"hl7", "HL7"},           {"hl7v2", "HL7"},        {"hl7v25", "HL7"},      {"cdiscsdtm", "CDISC-SDTM"},
    {"openehr", "OPENEHR"},   {"cda", "CDA"},          {"hl7cda", "CDA"},      {"miabis", "MIABIS"},
    {"iso13606", "ISO-13606-1"}, {"idmp", "IDMP"},     {"beacon", "BEACON"},
};

std::string Squeeze(std::string_view code) {
  std::string out;
  for (unsigned char c : code) {
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

std::string StringMember(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

ExportVocabularies ExportVocabularies::Load() {
  ExportVocabularies vocabularies;
  constexpr std::string_view kPrefix = "vocabularies/";
  for (const schemas::EmbeddedFile& file : schemas::Resources(kPrefix)) {
    std::string_view name = file.path.substr(kPrefix.size());
    if (!name.ends_with(".json")) continue;
    name.remove_suffix(5);
    Json parsed = Json::parse(file.bytes, nullptr, /*allow_exceptions=*/false);
    const Json* list = parsed.is_array() ? &parsed : nullptr;
    if (parsed.is_object() && parsed.contains("concepts")) list = &parsed["concepts"];
    if (!list || !list->is_array()) continue;
    auto& codes = vocabularies.concepts_[std::string(name)];
    for (const Json& entry : *list) {
      if (entry.is_object() && entry.contains("code") && entry["code"].is_string()) {
        codes[entry["code"].get<std::string>()] = entry;
      }
    }
  }
  return vocabularies;
}

const Json* ExportVocabularies::Concept(std::string_view vocabulary, std::string_view code) const {
  auto file = concepts_.find(vocabulary);
  if (file == concepts_.end()) return nullptr;
  auto entry = file->second.find(code);
  return entry == file->second.end() ? nullptr : &entry->second;
}

std::string ExportVocabularies::ConceptIri(Scheme scheme, std::string_view code) const {
  for (const SchemeInfo& info : kSchemes) {
    if (info.scheme != scheme) continue;
    std::string prefix = std::string(info.base) + std::string(info.path);
    if (const Json* entry = Concept(info.vocabulary, code)) {
      // Only an IRI inside the scheme's own authority is the entry's EU IRI.
      for (const char* key : {"eu_uri", "uri"}) {
        std::string iri = StringMember(*entry, key);
        if (iri.starts_with(prefix)) return iri;
      }
    }
    return prefix + std::string(code);
  }
  return std::string(code);
}

Json ExportVocabularies::Label(std::string_view vocabulary, std::string_view code) const {
  const Json* entry = Concept(vocabulary, code);
  if (!entry) return nullptr;
  for (const char* key : {"label", "labels", "name", "prefLabel"}) {
    auto it = entry->find(key);
    if (it != entry->end() && it->is_object()) return *it;
  }
  return nullptr;
}

std::string ExportVocabularies::Attribute(std::string_view vocabulary, std::string_view code,
                                          std::string_view key) const {
  const Json* entry = Concept(vocabulary, code);
  if (!entry) return "";
  auto it = entry->find(key);
  return it != entry->end() && it->is_string() ? it->get<std::string>() : "";
}

SystemIri ExportVocabularies::System(std::string_view vocabulary, std::string_view eu_path,
                                     std::string_view code) const {
  std::string eu_prefix = std::string(ns::kHealthAuthority) + std::string(eu_path);
  SystemIri result;
  result.label = Label(vocabulary, code);
  std::string own_iri;
  if (const Json* entry = Concept(vocabulary, code)) {
    for (const char* key : {"eu_uri", "uri"}) {
      std::string iri = StringMember(*entry, key);
      if (iri.starts_with(eu_prefix)) {
        result.iri = iri;
        result.eu_listed = true;
        return result;
      }
    }
    own_iri = StringMember(*entry, "uri");
  }
  if (own_iri.empty()) {
    const auto& known = eu_path == "coding-system/" ? std::span<const KnownEu>(kEuCodingSystems)
                                                    : std::span<const KnownEu>(kEuStandards);
    std::string squeezed = Squeeze(code);
    for (const KnownEu& k : known) {
      if (k.squeezed_code == squeezed) {
        result.iri = eu_prefix + std::string(k.eu_code);
        result.eu_listed = true;
        return result;
      }
    }
    // hdcat's own identifier for a system no one else names.
    own_iri = "https://hdcat.jp/id/" + std::string(vocabulary) + "/" + std::string(code);
  }
  result.iri = own_iri;
  return result;
}

SystemIri ExportVocabularies::CodingSystem(std::string_view code) const {
  return System("coding-systems", "coding-system/", code);
}

SystemIri ExportVocabularies::Standard(std::string_view code) const {
  return System("standards", "standard/", code);
}

}  // namespace hdcat::web::exporting
