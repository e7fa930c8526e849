// ExportVocabularies: turns the model's vocabulary codes into the IRIs an
// export must use.
//
// The codes' IRIs come from schemas/vocabularies/<name>.json (each concept's
// "eu_uri" or "uri"). When a file or a concept has no IRI, the EU authority
// pattern of the scheme is used (e.g. frequency "MONTHLY" ->
// http://publications.europa.eu/resource/authority/frequency/MONTHLY), which
// is what those codes are by the model's definition.
//
// Coding systems and standards are split in two: a system listed in the EU
// coding-system (or standard) vocabulary is "EU-listed" and goes to
// healthdcatap:hasCodingSystem (dct:conformsTo); every other system (JLAC10,
// MEDIS, the receipt-computer masters, YJ, HOT, DPC, SS-MIX2 …) goes to the
// hdcat extension properties, because R8 closes those properties to the EU
// lists. A system is EU-listed when its vocabulary entry names an IRI in the
// EU vocabulary, or, for entries without IRIs, when its code is one of the
// well-known EU-listed systems.
//
// Thread-safety: immutable after Load(); share freely.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/json.h"

namespace hdcat::web::exporting {

enum class Scheme {
  kAccessRight,
  kCountry,
  kDataTheme,
  kDatasetType,
  kFileType,
  kFrequency,
  kLanguage,
  kHealthActivity,
  kHealthCategory,
  kHealthTheme,
  kPublisherType,
};

struct SystemIri {
  std::string iri;
  bool eu_listed = false;
  Json label;  // LangText from the vocabulary, or null
};

class ExportVocabularies {
 public:
  // Reads the embedded vocabulary files; missing or unreadable files only
  // mean the built-in patterns are used.
  static ExportVocabularies Load();

  std::string ConceptIri(Scheme scheme, std::string_view code) const;
  SystemIri CodingSystem(std::string_view code) const;
  SystemIri Standard(std::string_view code) const;
  // The vocabulary label of `code` in `vocabulary` (LangText), or null.
  Json Label(std::string_view vocabulary, std::string_view code) const;
  // A string member of the concept (e.g. holder-types' "eu_publisher_type"), or "".
  std::string Attribute(std::string_view vocabulary, std::string_view code, std::string_view key) const;

 private:
  // vocabulary file name (without .json) -> code -> concept object
  std::map<std::string, std::map<std::string, Json, std::less<>>, std::less<>> concepts_;

  const Json* Concept(std::string_view vocabulary, std::string_view code) const;
  SystemIri System(std::string_view vocabulary, std::string_view eu_path, std::string_view code) const;
};

}  // namespace hdcat::web::exporting
