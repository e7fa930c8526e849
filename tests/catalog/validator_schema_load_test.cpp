// Schemas that use anything the engine does not implement are refused at
// load time, with the location of the offending part.
#include <catch2/catch.hpp>

#include "tests/catalog/validator_test_helpers.h"

namespace hdcat::catalog::validation {
namespace {

using testing::DefaultLookup;
using testing::MustParse;

struct BadSchema {
  const char* schema;
  const char* pointer;  // of the offending part of the schema
  const char* message;
};

const BadSchema kBadSchemas[] = {
    {R"({"type": "string", "minLenght": 1})", "/minLenght", "unsupported keyword 'minLenght'"},
    {R"({"properties": {"a": {"contains": {"type": "string"}}}})", "/properties/a/contains",
     "unsupported keyword 'contains'"},
    {R"({"$defs": {"X": {"unevaluatedProperties": false}}})", "/$defs/X/unevaluatedProperties",
     "unsupported keyword 'unevaluatedProperties'"},
    {R"({"anyOf": [{"type": "string"}, {"dependentSchemas": {}}]})", "/anyOf/1/dependentSchemas",
     "unsupported keyword"},
    {R"({"format": "ipv4"})", "/format", "unsupported format"},
    {R"({"type": "text"})", "/type", "unknown type"},
    {R"({"$ref": "other.json#/X"})", "/$ref", "only local references"},
    {R"({"$ref": "#/$defs/Missing"})", "/$ref", "does not point to a schema"},
    {R"({"pattern": "([a-z"})", "/pattern", "not a valid regular expression"},
    {R"({"patternProperties": {"(": {}}})", "/patternProperties/(", "not a valid regular expression"},
    {R"({"x-vocabulary": "no-such-vocabulary"})", "/x-vocabulary", "unknown vocabulary 'no-such-vocabulary'"},
    {R"({"$schema": "http://json-schema.org/draft-07/schema#"})", "/$schema", "only JSON Schema draft 2020-12"},
    {R"({"minItems": -1})", "/minItems", "non-negative integer"},
    {R"({"multipleOf": 0})", "/multipleOf", "greater than 0"},
    {R"({"anyOf": []})", "/anyOf", "non-empty array"},
    {R"({"required": "title"})", "/required", "array of strings"},
    {R"({"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"allOf": [{"$ref": "#/$defs/A"}]}}})", "",
     "refers to itself without descending"},
    {R"({"properties": {"a": 3}})", "/properties/a", "a schema must be an object or a boolean"},
    {R"({"x-weight": "high"})", "/x-weight", "expected a number"},
};

TEST_CASE("schemas with unsupported or broken parts fail to load", "[validator][load]") {
  for (const auto& bad : kBadSchemas) {
    INFO(bad.schema);
    auto schema = JsonSchema::Compile("bad.schema.json", MustParse(bad.schema), DefaultLookup());
    REQUIRE_FALSE(schema.ok());
    CHECK_THAT(schema.error().message, Catch::Contains(bad.message));
    CHECK_THAT(schema.error().message, Catch::StartsWith("bad.schema.json: "));
    if (std::string(bad.pointer).size() > 0) CHECK(schema.error().pointer == bad.pointer);
  }
}

TEST_CASE("keywords are recognised only where a schema is expected", "[validator][load]") {
  // Property names that look like keywords are data, not keywords.
  auto schema = JsonSchema::Compile(
      "ok.schema.json", MustParse(R"({"properties": {"contains": {"type": "string"}, "if": {}}, "enum": [{"contains": 1}]})"),
      DefaultLookup());
  INFO((schema.ok() ? "" : schema.error().message));
  CHECK(schema.ok());
}

TEST_CASE("a Validator refuses to load a broken schema file", "[validator][load]") {
  std::map<std::string, std::string> files = {
      {"dataset.schema.json", R"({"type": "object", "propertys": {}})"},
      {"holder.schema.json", R"({"type": "object"})"},
  };
  auto shared = std::make_shared<std::map<std::string, std::string>>(files);
  auto validator = Validator::LoadFrom([shared](std::string_view path) -> std::optional<std::string_view> {
    auto it = shared->find(std::string(path));
    if (it == shared->end()) return std::nullopt;
    return std::string_view(it->second);
  });
  REQUIRE_FALSE(validator.ok());
  CHECK_THAT(validator.error().message, Catch::Contains("dataset.schema.json"));
  CHECK_THAT(validator.error().message, Catch::Contains("propertys"));
}

TEST_CASE("a Validator reports a broken vocabulary file as such", "[validator][load]") {
  auto shared = std::make_shared<std::map<std::string, std::string>>(std::map<std::string, std::string>{
      {"dataset.schema.json", R"({"x-vocabulary": "frequencies"})"},
      {"holder.schema.json", R"({})"},
      {"vocabularies/frequencies.json", R"({"concepts": [{"label": "no code"}]})"},
  });
  auto validator = Validator::LoadFrom([shared](std::string_view path) -> std::optional<std::string_view> {
    auto it = shared->find(std::string(path));
    if (it == shared->end()) return std::nullopt;
    return std::string_view(it->second);
  });
  REQUIRE_FALSE(validator.ok());
  CHECK_THAT(validator.error().message, Catch::Contains("vocabularies/frequencies.json"));
  CHECK_THAT(validator.error().message, Catch::Contains("no \"code\""));
}

}  // namespace
}  // namespace hdcat::catalog::validation
