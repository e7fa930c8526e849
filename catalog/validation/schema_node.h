// The compiled form of a JSON Schema: one SchemaNode per subschema, held in a
// vector and linked by index. Internal to the schema compiler and evaluator
// (json_schema.h is the interface).
//
// Thread-safety: immutable once compiled.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "base/json.h"
#include "catalog/validation/formats.h"
#include "catalog/validation/json_schema.h"
#include "catalog/validation/vocabulary.h"

namespace hdcat::catalog::validation {

using NodeId = int;
constexpr NodeId kNoNode = -1;

// Bits of the "type" keyword.
enum TypeBit : std::uint8_t {
  kTypeNull = 1,
  kTypeBoolean = 2,
  kTypeObject = 4,
  kTypeArray = 8,
  kTypeNumber = 16,
  kTypeString = 32,
  kTypeInteger = 64,
};

struct CompiledPattern {
  std::string source;
  std::regex regex;
};

struct PatternProperty {
  CompiledPattern pattern;
  NodeId schema = kNoNode;
};

struct SchemaNode {
  std::string location;  // JSON pointer of this subschema within the schema file
  std::string title;
  std::string description;
  std::string first_example;  // the first of "examples", as text
  bool rejects_everything = false;  // the boolean schema `false`
  bool deprecated = false;

  std::string ref;  // "$ref" as written
  NodeId ref_target = kNoNode;

  std::uint8_t types = 0;  // 0 = any type
  std::map<std::string, NodeId, std::less<>> properties;
  std::vector<std::string> required;
  NodeId additional_properties = kNoNode;
  std::vector<PatternProperty> pattern_properties;
  NodeId property_names = kNoNode;
  std::optional<std::size_t> min_properties, max_properties;
  std::vector<std::pair<std::string, std::vector<std::string>>> dependent_required;

  NodeId items = kNoNode;
  std::vector<NodeId> prefix_items;
  std::optional<std::size_t> min_items, max_items;
  bool unique_items = false;

  std::optional<std::vector<Json>> enum_values;
  std::optional<Json> const_value;

  std::optional<CompiledPattern> pattern;
  std::optional<std::size_t> min_length, max_length;
  std::optional<Format> format;

  std::optional<double> minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of;

  std::vector<NodeId> all_of, any_of, one_of;
  NodeId not_schema = kNoNode;
  NodeId if_schema = kNoNode, then_schema = kNoNode, else_schema = kNoNode;

  std::shared_ptr<const Vocabulary> vocabulary;
  std::vector<std::string> recommended;
  std::optional<double> weight;
};

struct CompiledSchema {
  std::string name;
  std::vector<SchemaNode> nodes;  // nodes[0] is the root
  std::vector<WeightedField> weighted_fields;
};

// Validates `instance` against nodes[0] of `schema`.
bool EvaluateSchema(const CompiledSchema& schema, const Json& instance, Findings& findings);

}  // namespace hdcat::catalog::validation
