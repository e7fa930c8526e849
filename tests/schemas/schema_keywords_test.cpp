// The three JSON Schemas use only the keywords the catalog validator supports,
// every local $ref resolves, every x-vocabulary names an embedded vocabulary,
// and the example documents agree with the schemas' property lists.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "tests/schemas/embedded_json.h"

using hdcat::Json;
using hdcat::testing::EmbeddedJson;
using hdcat::testing::EmbeddedVocabularies;

namespace {

const std::set<std::string>& AllowedKeywords() {
  static const std::set<std::string> keywords = {
      "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "default", "examples", "deprecated",
      "type", "properties", "required", "additionalProperties", "patternProperties", "propertyNames", "items",
      "prefixItems", "minItems", "maxItems", "uniqueItems", "enum", "const", "pattern", "minLength", "maxLength",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format", "minProperties",
      "maxProperties", "anyOf", "oneOf", "allOf", "not", "if", "then", "else", "dependentRequired",
      "x-vocabulary", "x-recommended", "x-weight"};
  return keywords;
}

const std::set<std::string>& SupportedFormats() {
  static const std::set<std::string> formats = {"date", "date-time", "uri", "email", "duration"};
  return formats;
}

// Walks one schema node and records every problem as "pointer: what".
class SchemaWalker {
 public:
  SchemaWalker(const Json& root, std::set<std::string> vocabularies)
      : root_(root), vocabularies_(std::move(vocabularies)) {}

  void Walk(const Json& schema, const std::string& pointer) {
    if (schema.is_boolean()) return;
    if (!schema.is_object()) return Problem(pointer, "a schema must be an object or a boolean");
    for (const auto& [keyword, value] : schema.items()) {
      const std::string at = pointer + "/" + keyword;
      if (AllowedKeywords().count(keyword) == 0) Problem(at, "keyword not supported by the validator");
      if (keyword == "properties" || keyword == "patternProperties" || keyword == "$defs") {
        for (const auto& [name, sub] : value.items()) Walk(sub, at + "/" + name);
      } else if (keyword == "items" || keyword == "additionalProperties" || keyword == "propertyNames" ||
                 keyword == "not" || keyword == "if" || keyword == "then" || keyword == "else") {
        Walk(value, at);
      } else if (keyword == "prefixItems" || keyword == "anyOf" || keyword == "oneOf" || keyword == "allOf") {
        if (!value.is_array() || value.empty()) Problem(at, "must be a non-empty array of schemas");
        for (std::size_t i = 0; i < value.size(); ++i) Walk(value[i], at + "/" + std::to_string(i));
      } else if (keyword == "$ref") {
        CheckRef(value, at);
      } else if (keyword == "x-vocabulary") {
        if (!value.is_string() || vocabularies_.count(value.get<std::string>()) == 0) {
          Problem(at, "names no vocabulary file: " + value.dump());
        }
        ++vocabulary_references_;
      } else if (keyword == "x-recommended") {
        CheckNamesExist(schema, value, at);
      } else if (keyword == "required") {
        CheckNamesExist(schema, value, at);
      } else if (keyword == "x-weight") {
        if (!value.is_number() || value.get<double>() <= 0) Problem(at, "must be a positive number");
        ++weighted_properties_;
      } else if (keyword == "format") {
        if (!value.is_string() || SupportedFormats().count(value.get<std::string>()) == 0) {
          Problem(at, "format not supported: " + value.dump());
        }
      } else if (keyword == "type") {
        CheckType(value, at);
      }
    }
  }

  const std::vector<std::string>& problems() const { return problems_; }
  int vocabulary_references() const { return vocabulary_references_; }
  int weighted_properties() const { return weighted_properties_; }

 private:
  void Problem(const std::string& pointer, const std::string& what) { problems_.push_back(pointer + ": " + what); }

  void CheckRef(const Json& value, const std::string& at) {
    const std::string prefix = "#/$defs/";
    if (!value.is_string() || !value.get<std::string>().starts_with(prefix)) {
      return Problem(at, "only local #/$defs/Name references are supported");
    }
    const std::string name = value.get<std::string>().substr(prefix.size());
    if (!root_.contains("$defs") || !root_["$defs"].contains(name)) Problem(at, "unresolved reference " + name);
  }

  // `required` and `x-recommended` inside a conditional (if/then) may name
  // properties declared by the enclosing schema, so only check where the same
  // object declares properties.
  void CheckNamesExist(const Json& schema, const Json& names, const std::string& at) {
    if (!names.is_array()) return Problem(at, "must be an array of property names");
    if (!schema.contains("properties")) return;
    for (const auto& name : names) {
      if (!name.is_string() || !schema["properties"].contains(name.get<std::string>())) {
        Problem(at, "names an undeclared property " + name.dump());
      }
    }
  }

  void CheckType(const Json& value, const std::string& at) {
    static const std::set<std::string> types = {"object", "array", "string", "number", "integer", "boolean", "null"};
    std::vector<Json> listed = value.is_array() ? value.get<std::vector<Json>>() : std::vector<Json>{value};
    for (const auto& t : listed) {
      if (!t.is_string() || types.count(t.get<std::string>()) == 0) Problem(at, "unknown type " + t.dump());
    }
  }

  const Json& root_;
  std::set<std::string> vocabularies_;
  std::vector<std::string> problems_;
  int vocabulary_references_ = 0;
  int weighted_properties_ = 0;
};

std::set<std::string> VocabularyNames() {
  std::set<std::string> names;
  for (const auto& [stem, vocabulary] : EmbeddedVocabularies()) names.insert(stem);
  return names;
}

}  // namespace

TEST_CASE("schemas use only supported keywords and resolvable references", "[schemas]") {
  const auto vocabularies = VocabularyNames();
  for (const char* path : {"dataset.schema.json", "holder.schema.json", "feed.schema.json"}) {
    INFO(path);
    Json schema = EmbeddedJson(path);
    CHECK(schema.value("$schema", "") == "https://json-schema.org/draft/2020-12/schema");
    SchemaWalker walker(schema, vocabularies);
    walker.Walk(schema, "");
    for (const auto& problem : walker.problems()) FAIL_CHECK(problem);
    CHECK(walker.problems().empty());
  }
}

TEST_CASE("the walker itself catches unsupported keywords and broken references", "[schemas]") {
  Json bad = Json::parse(R"({
    "type": "object",
    "properties": {
      "a": {"$ref": "#/$defs/Missing"},
      "b": {"type": "string", "contains": {"const": 1}},
      "c": {"type": "string", "x-vocabulary": "no-such-list"},
      "d": {"$ref": "other.json#/x"},
      "e": {"type": "string", "format": "hostname"}
    },
    "required": ["a", "zz"],
    "$defs": {}
  })");
  SchemaWalker walker(bad, VocabularyNames());
  walker.Walk(bad, "");
  CHECK(walker.problems().size() == 6);
}

TEST_CASE("dataset schema declares the model's required fields, weights and vocabularies", "[schemas]") {
  Json schema = EmbeddedJson("dataset.schema.json");
  const std::set<std::string> required = schema["required"].get<std::set<std::string>>();
  for (const char* field : {"identifier", "holder", "title", "description", "access_rights", "health_categories",
                            "access", "has_structured_data"}) {
    INFO(field);
    CHECK(required.count(field) == 1);
  }
  CHECK(schema["additionalProperties"] == false);
  CHECK(schema["properties"]["extensions"]["type"] == "object");
  // has_structured_data = true makes variables mandatory.
  CHECK(schema["then"]["required"] == Json::array({"variables"}));

  SchemaWalker walker(schema, VocabularyNames());
  walker.Walk(schema, "");
  CHECK(walker.vocabulary_references() >= 20);
  // The fields researchers rely on weigh at least as much as the title.
  const double title_weight = schema["properties"]["title"]["x-weight"].get<double>();
  for (const char* heavy : {"variables", "coding_systems", "statistics", "quality"}) {
    INFO(heavy);
    CHECK(schema["properties"][heavy]["x-weight"].get<double>() > title_weight);
  }
}

TEST_CASE("example documents only use declared fields and agree with each other", "[schemas][examples]") {
  Json dataset_schema = EmbeddedJson("dataset.schema.json");
  Json holder_schema = EmbeddedJson("holder.schema.json");
  Json dataset = EmbeddedJson("examples/dataset-example.json");
  Json holder = EmbeddedJson("examples/holder-example.json");

  for (const auto& [field, value] : dataset.items()) {
    INFO("dataset field " << field);
    CHECK(dataset_schema["properties"].contains(field));
  }
  for (const auto& [field, value] : holder.items()) {
    INFO("holder field " << field);
    CHECK(holder_schema["properties"].contains(field));
  }
  for (const auto& field : dataset_schema["required"]) CHECK(dataset.contains(field.get<std::string>()));
  for (const auto& field : holder_schema["required"]) CHECK(holder.contains(field.get<std::string>()));
  CHECK(dataset["holder"] == holder["identifier"]);
  CHECK(dataset["has_structured_data"] == true);
  CHECK_FALSE(dataset["variables"].empty());

  // Every coding system used by a variable is also declared at dataset level.
  const auto declared = dataset["coding_systems"].get<std::set<std::string>>();
  for (const auto& table : dataset["variables"]) {
    for (const auto& variable : table["variables"]) {
      if (!variable.contains("coding_system")) continue;
      const auto system = variable["coding_system"].get<std::string>();
      INFO(system);
      CHECK(declared.count(system) == 1);
    }
  }
}
