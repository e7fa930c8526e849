// Each supported JSON Schema keyword, passing and failing, with the pointer and
// message of the failure.
#include <catch2/catch.hpp>

#include "tests/catalog/validator_test_helpers.h"

namespace hdcat::catalog::validation {
namespace {

using testing::Check;
using testing::Dump;
using testing::MustCompile;

struct KeywordCase {
  const char* keyword;
  const char* schema;
  const char* instance;
  bool valid;
  const char* pointer;  // of the first error when invalid
  const char* message;  // a part of the first error's message
};

const KeywordCase kCases[] = {
    {"type", R"({"type": "string"})", R"("x")", true, "", ""},
    {"type", R"({"type": "string"})", R"(3)", false, "", "expected a string but found a number"},
    {"type", R"({"type": ["string", "null"]})", R"(null)", true, "", ""},
    {"type", R"({"type": ["string", "null"]})", R"([])", false, "", "expected a string or null but found an array"},
    {"type", R"({"type": "integer"})", R"(3.0)", true, "", ""},
    {"type", R"({"type": "integer"})", R"(3.5)", false, "", "expected an integer but found a number with a fraction"},
    {"type", R"({"type": "number"})", R"(true)", false, "", "found a boolean"},
    {"type", R"({"type": "object"})", R"({})", true, "", ""},
    {"properties", R"({"properties": {"a": {"type": "string"}}})", R"({"a": "x", "b": 1})", true, "", ""},
    {"properties", R"({"properties": {"a": {"type": "string"}}})", R"({"a": 1})", false, "/a", "expected a string"},
    {"required", R"({"required": ["access_rights"]})", R"({"a": 1})", false, "/access_rights",
     "missing required property 'access_rights'"},
    {"required", R"({"required": ["a"]})", R"({"a": null})", true, "", ""},
    {"additionalProperties", R"({"properties": {"title": {}}, "additionalProperties": false})", R"({"title": 1})", true,
     "", ""},
    {"additionalProperties", R"({"properties": {"title": {}}, "additionalProperties": false})", R"({"titel": 1})", false,
     "/titel", "unknown property 'titel' — did you mean 'title'?"},
    {"additionalProperties", R"({"additionalProperties": {"type": "integer"}})", R"({"x": "y"})", false, "/x",
     "expected an integer"},
    {"patternProperties", R"({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false})",
     R"({"x-a": "ok"})", true, "", ""},
    {"patternProperties", R"({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false})",
     R"({"x-a": 1})", false, "/x-a", "expected a string"},
    {"patternProperties", R"({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false})",
     R"({"y": "a"})", false, "/y", "unknown property 'y'"},
    {"propertyNames", R"({"propertyNames": {"pattern": "^[a-z]+$"}})", R"({"abc": 1})", true, "", ""},
    {"propertyNames", R"({"propertyNames": {"pattern": "^[a-z]+$"}})", R"({"aBc": 1})", false, "/aBc",
     "property name 'aBc'"},
    {"minProperties", R"({"minProperties": 1})", R"({})", false, "", "object has 0 properties; at least 1 required"},
    {"minProperties", R"({"minProperties": 1})", R"({"a": 1})", true, "", ""},
    {"maxProperties", R"({"maxProperties": 1})", R"({"a": 1, "b": 2})", false, "", "at most 1 allowed"},
    {"dependentRequired", R"({"dependentRequired": {"amount": ["unit"]}})", R"({"amount": 1})", false, "/unit",
     "property 'unit' is required when 'amount' is present"},
    {"dependentRequired", R"({"dependentRequired": {"amount": ["unit"]}})", R"({"unit": "x"})", true, "", ""},
    {"items", R"({"items": {"type": "integer"}})", R"([1, 2, 3])", true, "", ""},
    {"items", R"({"items": {"type": "integer"}})", R"([1, "2", 3])", false, "/1", "expected an integer"},
    {"prefixItems", R"({"prefixItems": [{"type": "string"}, {"type": "integer"}]})", R"(["a", 1, null])", true, "", ""},
    {"prefixItems", R"({"prefixItems": [{"type": "string"}, {"type": "integer"}]})", R"(["a", "b"])", false, "/1",
     "expected an integer"},
    {"prefixItems", R"({"prefixItems": [{"type": "string"}], "items": false})", R"(["a", "b"])", false, "/1",
     "at most 1 items are allowed"},
    {"minItems", R"({"minItems": 1})", R"([])", false, "", "array has 0 items; at least 1 required"},
    {"maxItems", R"({"maxItems": 2})", R"([1, 2, 3])", false, "", "array has 3 items; at most 2 allowed"},
    {"maxItems", R"({"maxItems": 2})", R"([1, 2])", true, "", ""},
    {"uniqueItems", R"({"uniqueItems": true})", R"([1, "1", {"a": 1}, {"a": 2}])", true, "", ""},
    {"uniqueItems", R"({"uniqueItems": true})", R"(["b", "a", "c", "a"])", false, "/3", "duplicate of item 1"},
    {"uniqueItems", R"({"uniqueItems": true})", R"([1, 1.0])", false, "/1", "duplicate of item 0"},
    {"enum", R"({"enum": ["PUBLIC", "RESTRICTED", "NON_PUBLIC"]})", R"("PUBLIC")", true, "", ""},
    {"enum", R"({"enum": ["PUBLIC", "RESTRICTED", "NON_PUBLIC"]})", R"("PUBLIK")", false, "",
     "'PUBLIK' is not one of the allowed values — did you mean 'PUBLIC'?"},
    {"const", R"({"const": "remote_analysis"})", R"("remote_analysis")", true, "", ""},
    {"const", R"({"const": "remote_analysis"})", R"("onsite")", false, "",
     "expected 'remote_analysis' but found 'onsite'"},
    {"pattern", R"({"pattern": "^[a-z0-9][a-z0-9._-]{0,127}$"})", R"("mhlw-ndb")", true, "", ""},
    {"pattern", R"({"pattern": "^[a-z0-9][a-z0-9._-]{0,127}$"})", R"("MHLW NDB")", false, "",
     "'MHLW NDB' does not match the pattern"},
    {"pattern", R"({"pattern": "ndb"})", R"("mhlw-ndb-2")", true, "", ""},  // unanchored, as in ECMA-262
    {"minLength", R"({"minLength": 3})", R"("糖尿病")", true, "", ""},       // 3 code points, 9 bytes
    {"minLength", R"({"minLength": 4})", R"("糖尿病")", false, "", "text is 3 characters long; at least 4 required"},
    {"minLength", R"({"minLength": 1})", R"("")", false, "", "text is empty"},
    {"maxLength", R"({"maxLength": 3})", R"("糖尿病")", true, "", ""},
    {"maxLength", R"({"maxLength": 2})", R"("糖尿病")", false, "", "at most 2 allowed"},
    {"minimum", R"({"minimum": 0})", R"(0)", true, "", ""},
    {"minimum", R"({"minimum": 0})", R"(-1)", false, "", "-1 is less than the minimum 0"},
    {"maximum", R"({"maximum": 1})", R"(1.5)", false, "", "1.5 is greater than the maximum 1"},
    {"exclusiveMinimum", R"({"exclusiveMinimum": 0})", R"(0)", false, "", "0 must be greater than 0"},
    {"exclusiveMinimum", R"({"exclusiveMinimum": 0})", R"(0.001)", true, "", ""},
    {"exclusiveMaximum", R"({"exclusiveMaximum": 1})", R"(1)", false, "", "1 must be less than 1"},
    {"multipleOf", R"({"multipleOf": 5})", R"(15)", true, "", ""},
    {"multipleOf", R"({"multipleOf": 5})", R"(16)", false, "", "16 is not a multiple of 5"},
    {"multipleOf", R"({"multipleOf": 0.1})", R"(0.3)", true, "", ""},
    {"multipleOf", R"({"multipleOf": 0.1})", R"(0.35)", false, "", "not a multiple of 0.1"},
    {"format", R"({"format": "date"})", R"("2024-02-29")", true, "", ""},
    {"format", R"({"format": "date"})", R"("2024-13-01")", false, "", "'2024-13-01' is not a valid date"},
    {"format", R"({"format": "date-time"})", R"("2024-03-31T09:00:00Z")", true, "", ""},
    {"format", R"({"format": "uri"})", R"("www.example.jp")", false, "", "is not a valid URI"},
    {"format", R"({"format": "email"})", R"("info@example")", false, "", "is not a valid e-mail address"},
    {"format", R"({"format": "duration"})", R"("3 months")", false, "", "is not a valid ISO 8601 duration"},
    {"format", R"({"format": "date"})", R"(2024)", true, "", ""},  // formats apply to strings only
    {"allOf", R"({"allOf": [{"minimum": 1}, {"maximum": 3}]})", R"(2)", true, "", ""},
    {"allOf", R"({"allOf": [{"minimum": 1}, {"maximum": 3}]})", R"(4)", false, "", "greater than the maximum 3"},
    {"anyOf", R"({"anyOf": [{"type": "string"}, {"type": "integer"}]})", R"(1)", true, "", ""},
    {"anyOf", R"({"anyOf": [{"type": "string"}, {"type": "object"}]})", R"(1)", false, "",
     "expected a string or an object but found a number"},
    {"oneOf", R"({"oneOf": [{"type": "integer"}, {"minimum": 10}]})", R"(5)", true, "", ""},
    {"oneOf", R"({"oneOf": [{"type": "integer"}, {"minimum": 10}]})", R"(20)", false, "",
     "value matches 2 of the alternatives (1 and 2); it must match exactly one"},
    {"not", R"({"not": {"type": "null", "title": "null"}})", R"(1)", true, "", ""},
    {"not", R"({"not": {"type": "null", "title": "null"}})", R"(null)", false, "", "value must not be null"},
    {"if/then/else", R"({"if": {"properties": {"kind": {"const": "fee"}}}, "then": {"required": ["amount"]},
                        "else": {"required": ["note"]}})",
     R"({"kind": "fee"})", false, "/amount", "missing required property 'amount'"},
    {"if/then/else", R"({"if": {"properties": {"kind": {"const": "fee"}}}, "then": {"required": ["amount"]},
                        "else": {"required": ["note"]}})",
     R"({"kind": "other"})", false, "/note", "missing required property 'note'"},
    {"if/then/else", R"({"if": {"properties": {"kind": {"const": "fee"}}}, "then": {"required": ["amount"]},
                        "else": {"required": ["note"]}})",
     R"({"kind": "fee", "amount": 3})", true, "", ""},
    {"$ref", R"({"$defs": {"Id": {"type": "string", "minLength": 1}}, "properties": {"id": {"$ref": "#/$defs/Id"}}})",
     R"({"id": ""})", false, "/id", "text is empty"},
    {"$ref", R"({"$defs": {"Id": {"type": "string"}}, "properties": {"id": {"$ref": "#/$defs/Id", "maxLength": 2}}})",
     R"({"id": "abc"})", false, "/id", "at most 2 allowed"},  // siblings of $ref apply too
    {"$ref", R"({"$defs": {"Node": {"properties": {"child": {"$ref": "#/$defs/Node"}, "v": {"type": "integer"}}}},
                "$ref": "#/$defs/Node"})",
     R"({"child": {"child": {"v": "x"}}})", false, "/child/child/v", "expected an integer"},
    {"boolean schema", R"({"properties": {"old": false}})", R"({"old": 1})", false, "/old", "no value is allowed here"},
    {"annotations", R"({"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://hdcat.jp/s",
                        "$comment": "c", "title": "t", "description": "d", "default": 1, "examples": [1],
                        "type": "integer"})",
     R"(2)", true, "", ""},
    {"x-vocabulary", R"({"x-vocabulary": "coding-systems"})", R"("jlac10")", true, "", ""},
    {"x-vocabulary", R"({"x-vocabulary": "coding-systems"})", R"("JLAC-10")", false, "",
     "unknown code 'JLAC-10' in vocabulary 'coding-systems' — did you mean 'jlac10'?"},
};

TEST_CASE("every keyword passes and fails as specified", "[validator][keywords]") {
  for (const auto& c : kCases) {
    INFO(c.keyword << ": schema " << c.schema << " instance " << c.instance);
    auto schema = MustCompile(c.schema);
    auto findings = Check(schema, c.instance);
    INFO(Dump(findings));
    CHECK(findings.errors().empty() == c.valid);
    if (!c.valid && !findings.errors().empty()) {
      CHECK(findings.errors()[0].pointer == c.pointer);
      CHECK_THAT(findings.errors()[0].message, Catch::Contains(c.message));
    }
  }
}

TEST_CASE("x-recommended warns without failing", "[validator][keywords]") {
  auto schema = MustCompile(R"({"x-recommended": ["keywords", "themes"], "properties": {"keywords": {"type": "array"}}})");
  auto findings = Check(schema, R"({"keywords": []})");
  INFO(Dump(findings));
  CHECK(findings.errors().empty());
  REQUIRE(findings.warnings().size() == 2);
  CHECK(findings.warnings()[0].pointer == "/keywords");
  CHECK(findings.warnings()[0].message == "recommended property 'keywords' is empty");
  CHECK(findings.warnings()[1].pointer == "/themes");
  CHECK(findings.warnings()[1].message == "missing recommended property 'themes'");
  CHECK(Check(schema, R"({"keywords": ["a"], "themes": "x"})").warnings().empty());
}

TEST_CASE("deprecated fields give a warning", "[validator][keywords]") {
  auto schema = MustCompile(R"({"properties": {"old": {"deprecated": true, "title": "old"}}})");
  auto findings = Check(schema, R"({"old": 1})");
  CHECK(findings.errors().empty());
  REQUIRE(findings.warnings().size() == 1);
  CHECK(findings.warnings()[0].pointer == "/old");
  CHECK(Check(schema, R"({})").warnings().empty());
}

TEST_CASE("enum and required say what is expected", "[validator][keywords]") {
  auto schema = MustCompile(R"({"required": ["access_rights"],
      "properties": {"access_rights": {"enum": ["PUBLIC", "RESTRICTED", "NON_PUBLIC"]}}})");
  auto missing = Check(schema, R"({})");
  REQUIRE(missing.errors().size() == 1);
  CHECK(missing.errors()[0].expected == "one of PUBLIC, RESTRICTED, NON_PUBLIC");
  auto wrong = Check(schema, R"({"access_rights": "public"})");
  REQUIRE(wrong.errors().size() == 1);
  CHECK(wrong.errors()[0].expected == "one of PUBLIC, RESTRICTED, NON_PUBLIC");
  CHECK(wrong.errors()[0].suggestion == "PUBLIC");
}

}  // namespace
}  // namespace hdcat::catalog::validation
