// Small helpers shared by the validation tests: compile a schema from text,
// run it, build a vocabulary or a whole Validator from in-memory files.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>

#include "base/json.h"
#include "catalog/validation/json_schema.h"
#include "catalog/validation/vocabulary.h"
#include "catalog/validator.h"

namespace hdcat::catalog::validation::testing {

inline Json MustParse(const std::string& text) {
  auto json = ParseJson(text);
  INFO(text);
  REQUIRE(json.ok());
  return *json;
}

inline std::shared_ptr<const Vocabulary> MustVocabulary(const std::string& name, const std::string& text) {
  auto vocabulary = Vocabulary::Parse(name, MustParse(text));
  REQUIRE(vocabulary.ok());
  return std::make_shared<const Vocabulary>(std::move(*vocabulary));
}

// Coding systems with aliases and a code pattern, like the real vocabulary.
inline const char* kCodingSystems = R"({"concepts": [
  {"code": "icd10", "notation": "ICD-10", "aliases": ["ICD-10-2013", "国際疾病分類"],
   "code_pattern": "^[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,2})?$", "examples": [{"code": "E11"}]},
  {"code": "jlac10", "notation": "JLAC10", "aliases": ["臨床検査項目分類コード"],
   "code_pattern": "^[0-9][A-Z0-9]{4}[0-9]{12}$"},
  {"code": "yj", "notation": "YJ", "aliases": ["薬価基準収載医薬品コード"]}
]})";

inline VocabularyLookup LookupWith(std::map<std::string, std::shared_ptr<const Vocabulary>> vocabularies) {
  return [vocabularies](std::string_view name) -> std::shared_ptr<const Vocabulary> {
    auto it = vocabularies.find(std::string(name));
    return it == vocabularies.end() ? nullptr : it->second;
  };
}

inline VocabularyLookup DefaultLookup() {
  return LookupWith({{"coding-systems", MustVocabulary("coding-systems", kCodingSystems)}});
}

inline JsonSchema MustCompile(const std::string& schema_text, const VocabularyLookup& lookup = DefaultLookup()) {
  auto schema = JsonSchema::Compile("test.schema.json", MustParse(schema_text), lookup);
  INFO(schema_text);
  INFO((schema.ok() ? std::string() : schema.error().message));
  REQUIRE(schema.ok());
  return std::move(*schema);
}

inline Findings Check(const JsonSchema& schema, const std::string& instance_text) {
  Findings findings;
  schema.Validate(MustParse(instance_text), findings);
  return findings;
}

inline std::string Dump(const Findings& findings) {
  std::string out;
  for (const auto& e : findings.errors()) {
    out += "error " + e.pointer + ": " + e.message + " (expected " + e.expected + "; suggestion " + e.suggestion + ")\n";
  }
  for (const auto& w : findings.warnings()) out += "warning " + w.pointer + ": " + w.message + "\n";
  return out;
}

// A Validator over in-memory files, named as under schemas/.
inline std::shared_ptr<const Validator> MustValidator(std::map<std::string, std::string> files) {
  auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(files));
  auto validator = Validator::LoadFrom([shared](std::string_view path) -> std::optional<std::string_view> {
    auto it = shared->find(std::string(path));
    if (it == shared->end()) return std::nullopt;
    return std::string_view(it->second);
  });
  INFO((validator.ok() ? std::string() : validator.error().message));
  REQUIRE(validator.ok());
  // The reader (and the map it views) is only used while loading.
  return *validator;
}

}  // namespace hdcat::catalog::validation::testing
