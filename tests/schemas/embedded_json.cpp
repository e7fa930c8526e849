#include "tests/schemas/embedded_json.h"

#include <catch2/catch.hpp>

#include "schemas/resources.h"

namespace hdcat::testing {

namespace {
constexpr std::string_view kVocabularyDir = "vocabularies/";
constexpr std::string_view kJsonSuffix = ".json";
constexpr std::string_view kSynonymsPath = "vocabularies/synonyms.json";
}  // namespace

Json EmbeddedJson(std::string_view path) {
  auto bytes = hdcat::schemas::Resource(path);
  INFO("embedded file " << path);
  REQUIRE(bytes.has_value());
  auto parsed = hdcat::ParseJson(*bytes);
  if (!parsed.ok()) FAIL(parsed.error().ToString());
  return std::move(parsed).value();
}

std::map<std::string, Json> EmbeddedVocabularies() {
  std::map<std::string, Json> out;
  for (const auto& file : hdcat::schemas::Resources(kVocabularyDir)) {
    if (file.path == kSynonymsPath || !file.path.ends_with(kJsonSuffix)) continue;
    std::string_view stem = file.path.substr(kVocabularyDir.size());
    stem.remove_suffix(kJsonSuffix.size());
    out.emplace(std::string(stem), EmbeddedJson(file.path));
  }
  return out;
}

const Json* FindConcept(const Json& vocabulary, std::string_view code) {
  if (!vocabulary.contains("concepts")) return nullptr;
  for (const auto& concept_json : vocabulary["concepts"]) {
    if (concept_json.value("code", "") == code) return &concept_json;
  }
  return nullptr;
}

}  // namespace hdcat::testing
