// Findings a holder can act on: exact pointers, suggestions, the closest
// alternative of anyOf/oneOf, and a bounded number of errors.
#include <catch2/catch.hpp>

#include "catalog/validation/suggest.h"
#include "tests/catalog/validator_test_helpers.h"

namespace hdcat::catalog::validation {
namespace {

using testing::Check;
using testing::Dump;
using testing::MustCompile;
using testing::MustVocabulary;

TEST_CASE("pointers name the exact item in nested arrays", "[validator][pointer]") {
  auto schema = MustCompile(R"({
    "properties": {"variables": {"type": "array", "items": {
      "type": "object",
      "properties": {"variables": {"type": "array", "items": {
        "type": "object", "required": ["name"],
        "properties": {"name": {"type": "string"}, "example_codes": {"type": "array", "items": {"type": "string"}}}}}}}}}})");
  auto findings = Check(schema, R"({"variables": [
      {"variables": [{"name": "a"}]},
      {"variables": [{"name": "b"}, {"name": "c", "example_codes": ["x", 7]}, {}]}]})");
  INFO(Dump(findings));
  REQUIRE(findings.errors().size() == 2);
  CHECK(findings.errors()[0].pointer == "/variables/1/variables/1/example_codes/1");
  CHECK(findings.errors()[0].message == "expected a string but found a number");
  CHECK(findings.errors()[1].pointer == "/variables/1/variables/2/name");
  CHECK(findings.errors()[1].message == "missing required property 'name'");
}

TEST_CASE("pointer tokens are escaped as RFC 6901 says", "[validator][pointer]") {
  auto schema = MustCompile(R"({"additionalProperties": {"type": "string"}})");
  auto findings = Check(schema, R"({"a/b": 1, "c~d": 2})");
  REQUIRE(findings.errors().size() == 2);
  CHECK(findings.errors()[0].pointer == "/a~1b");
  CHECK(findings.errors()[1].pointer == "/c~0d");
}

struct SuggestionCase {
  const char* wrong;
  const char* suggestion;  // "" = none
};

TEST_CASE("unknown vocabulary codes get the closest known code", "[validator][suggest]") {
  auto vocabulary = MustVocabulary("coding-systems", testing::kCodingSystems);
  const SuggestionCase cases[] = {
      {"JLAC-10", "jlac10"},       // letters and digits only
      {"ICD-10", "icd10"},         // same, against the code
      {"ICD10", "icd10"},          // case
      {"ICD-10-2013", "icd10"},    // an alias used in place of the code
      {"国際疾病分類", "icd10"},  // a Japanese alias
      {"jlac11", "jlac10"},        // edit distance
      {"YJ", "yj"},
      {"snomed", ""},              // nothing close: no guess
  };
  for (const auto& c : cases) {
    INFO(c.wrong);
    CHECK(vocabulary->Suggest(c.wrong).value_or("") == c.suggestion);
  }
  auto schema = MustCompile(R"({"properties": {"coding_systems": {"items": {"x-vocabulary": "coding-systems"}}}})");
  auto findings = Check(schema, R"({"coding_systems": ["icd10", "JLAC-10"]})");
  REQUIRE(findings.errors().size() == 1);
  CHECK(findings.errors()[0].pointer == "/coding_systems/1");
  CHECK(findings.errors()[0].suggestion == "jlac10");
  CHECK(findings.errors()[0].expected == "one of icd10, jlac10, yj");  // small vocabularies are listed
}

TEST_CASE("a pattern failure explains the form with the schema's description", "[validator][pointer]") {
  auto schema = MustCompile(R"({"$defs": {"Identifier": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,127}$",
      "description": "Lower-case slug.", "examples": ["mhlw-ndb"]}},
      "properties": {"identifier": {"$ref": "#/$defs/Identifier"}, "code": {"pattern": "^[A-Z]+$"}}})");
  auto findings = Check(schema, R"({"identifier": "MHLW NDB", "code": "a1"})");
  REQUIRE(findings.errors().size() == 2);
  CHECK(findings.errors()[0].pointer == "/code");
  CHECK(findings.errors()[0].expected == "text matching ^[A-Z]+$");
  CHECK(findings.errors()[1].pointer == "/identifier");
  CHECK(findings.errors()[1].message == "'MHLW NDB' does not match the pattern ^[a-z0-9][a-z0-9._-]{0,127}$");
  CHECK(findings.errors()[1].expected == "Lower-case slug, e.g. mhlw-ndb");
}

TEST_CASE("misspelt property names get the closest allowed name", "[validator][suggest]") {
  auto schema = MustCompile(R"({"additionalProperties": false, "properties": {
      "title": {}, "description": {}, "access_rights": {}, "temporal": {}, "keywords": {}}})");
  const SuggestionCase cases[] = {
      {"titel", "title"},
      {"Title", "title"},
      {"acess_rights", "access_rights"},
      {"access-rights", "access_rights"},
      {"keyword", "keywords"},
      {"provenance", ""},
  };
  for (const auto& c : cases) {
    INFO(c.wrong);
    auto findings = Check(schema, std::string(R"({")") + c.wrong + R"(": 1})");
    REQUIRE(findings.errors().size() == 1);
    CHECK(findings.errors()[0].pointer == std::string("/") + c.wrong);
    CHECK(findings.errors()[0].suggestion == c.suggestion);
    if (*c.suggestion != '\0') {
      CHECK(findings.errors()[0].message ==
            std::string("unknown property '") + c.wrong + "' — did you mean '" + c.suggestion + "'?");
    } else {
      CHECK(findings.errors()[0].message == std::string("unknown property '") + c.wrong + "'");
    }
  }
}

TEST_CASE("edit distance counts code points", "[validator][suggest]") {
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("", "abc") == 3);
  CHECK(EditDistance("糖尿病", "糖尿") == 1);
  CHECK(EditDistance("same", "same") == 0);
  CHECK(EditDistance("titel", "title") == 1);  // a swap is one edit
  CHECK(EditDistance("abc", "ca") == 3);
}

TEST_CASE("anyOf and oneOf report the alternative that came closest", "[validator][alternatives]") {
  auto schema = MustCompile(R"({"properties": {"routes": {"items": {"oneOf": [
      {"type": "object", "required": ["type", "url"], "additionalProperties": false,
       "properties": {"type": {"const": "remote_analysis"}, "url": {"type": "string", "format": "uri"}}},
      {"type": "object", "required": ["type", "description"], "additionalProperties": false,
       "properties": {"type": {"const": "onsite"}, "description": {"type": "object"}}}
  ]}}}})");
  SECTION("the branch whose discriminator matches") {
    auto findings = Check(schema, R"({"routes": [{"type": "onsite", "description": "a string"}]})");
    INFO(Dump(findings));
    REQUIRE(findings.errors().size() == 1);
    CHECK(findings.errors()[0].pointer == "/routes/0/description");
    CHECK(findings.errors()[0].message == "expected an object but found a string");
  }
  SECTION("a bad URL in the right branch") {
    auto findings = Check(schema, R"({"routes": [{"type": "remote_analysis", "url": "not a url"}]})");
    INFO(Dump(findings));
    REQUIRE(findings.errors().size() == 1);
    CHECK(findings.errors()[0].pointer == "/routes/0/url");
    CHECK(findings.errors()[0].message == "'not a url' is not a valid URI");
  }
  SECTION("a value of the wrong kind for every branch") {
    auto findings = Check(schema, R"({"routes": [42]})");
    INFO(Dump(findings));
    REQUIRE(findings.errors().size() == 1);
    CHECK(findings.errors()[0].pointer == "/routes/0");
    CHECK(findings.errors()[0].message == "expected an object but found a number");
  }
  SECTION("a valid item has no findings") {
    CHECK(Check(schema, R"({"routes": [{"type": "onsite", "description": {}}]})").errors().empty());
  }
}

TEST_CASE("warnings of the matching anyOf branch are kept, others dropped", "[validator][alternatives]") {
  auto schema = MustCompile(R"({"anyOf": [
      {"type": "object", "required": ["email"], "x-recommended": ["name"]},
      {"type": "object", "required": ["url"], "x-recommended": ["telephone"]}]})");
  auto findings = Check(schema, R"({"url": "https://example.jp"})");
  INFO(Dump(findings));
  CHECK(findings.errors().empty());
  REQUIRE(findings.warnings().size() == 1);
  CHECK(findings.warnings()[0].pointer == "/telephone");
}

TEST_CASE("the number of errors is capped", "[validator][limits]") {
  auto schema = MustCompile(R"({"items": {"type": "string"}})");
  std::string many = "[";
  for (int i = 0; i < 5000; ++i) many += (i ? ",1" : "1");
  many += "]";
  Findings findings(200);
  schema.Validate(testing::MustParse(many), findings);
  CHECK(findings.errors().size() == 200);
  CHECK(findings.errors().back().pointer == "/199");
}

TEST_CASE("a Validator report says how many errors were left out", "[validator][limits]") {
  auto validator = testing::MustValidator({
      {"dataset.schema.json", R"({"type": "object", "properties": {"codes": {"items": {"type": "string"}}}})"},
      {"holder.schema.json", R"({"type": "object"})"},
  });
  Json document = {{"codes", Json::array()}};
  for (int i = 0; i < 1000; ++i) document["codes"].push_back(i);
  auto report = validator->Validate(DocumentKind::kDataset, document);
  REQUIRE(report.errors.size() == 201);
  CHECK(report.errors.back().pointer.empty());
  CHECK(report.errors.back().message == "only the first 200 errors are reported; fix them and validate again");
}

TEST_CASE("uniqueItems stays fast on long arrays", "[validator][limits]") {
  auto schema = MustCompile(R"({"uniqueItems": true})");
  Json array = Json::array();
  for (int i = 0; i < 200000; ++i) array.push_back("code-" + std::to_string(i));
  array.push_back("code-7");
  Findings findings;
  CHECK_FALSE(schema.Validate(array, findings));
  REQUIRE(findings.errors().size() == 1);
  CHECK(findings.errors()[0].pointer == "/200000");
  CHECK(findings.errors()[0].message == "duplicate of item 7 ('code-7')");
}

}  // namespace
}  // namespace hdcat::catalog::validation
