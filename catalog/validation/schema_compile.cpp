// Compiles a JSON Schema document into SchemaNodes (see schema_node.h).
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "catalog/validation/json_schema.h"
#include "catalog/validation/schema_node.h"

namespace hdcat::catalog::validation {
namespace {

constexpr std::string_view kDraft202012 = "https://json-schema.org/draft/2020-12/schema";
constexpr int kMaxWeightedDepth = 8;

std::string Child(const std::string& location, std::string_view token) {
  return location + "/" + JsonPointerToken(token);
}

// Decodes %XX escapes in a URI fragment ("#/$defs/a%20b").
std::string PercentDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

class Compiler {
 public:
  Compiler(std::string_view name, const VocabularyLookup& vocabularies)
      : name_(name), vocabularies_(vocabularies) {}

  Result<std::shared_ptr<const CompiledSchema>> Run(const Json& root) {
    if (!root.is_object() && !root.is_boolean()) return Fail("", "the schema must be an object or a boolean");
    if (root.is_object() && root.contains("$schema")) {
      const Json& declared = root["$schema"];
      if (!declared.is_string() ||
          (declared != kDraft202012 && declared != std::string(kDraft202012) + "#")) {
        return Fail("/$schema", "only JSON Schema draft 2020-12 (" + std::string(kDraft202012) + ") is supported");
      }
    }
    auto root_id = CompileNode(root, "");
    if (!root_id.ok()) return root_id.error();
    HDCAT_TRY(ResolveRefs());
    HDCAT_TRY(RejectInPlaceCycles());
    auto compiled = std::make_shared<CompiledSchema>();
    compiled->name = name_;
    compiled->nodes = std::move(nodes_);
    std::set<std::string> seen;
    CollectWeighted(*compiled, 0, "", 0, seen, compiled->weighted_fields);
    return std::shared_ptr<const CompiledSchema>(std::move(compiled));
  }

 private:
  Error Fail(const std::string& location, const std::string& message) const {
    Error error = InvalidInput(name_ + ": " + message + " (at " + (location.empty() ? "the root" : location) + ")");
    error.pointer = location;
    return error;
  }

  Result<NodeId> CompileNode(const Json& schema, const std::string& location) {
    if (!schema.is_object() && !schema.is_boolean()) return Fail(location, "a schema must be an object or a boolean");
    const NodeId id = static_cast<NodeId>(nodes_.size());
    nodes_.emplace_back();
    by_location_[location] = id;
    SchemaNode node;
    node.location = location;
    if (schema.is_boolean()) {
      node.rejects_everything = !schema.get<bool>();
    } else {
      for (const auto& [keyword, value] : schema.items()) {
        HDCAT_TRY(CompileKeyword(keyword, value, location, node));
      }
    }
    nodes_[id] = std::move(node);
    return id;
  }

  Status SubSchema(const Json& value, const std::string& location, NodeId& out) {
    auto id = CompileNode(value, location);
    if (!id.ok()) return id.error();
    out = *id;
    return Status::Ok();
  }

  Status SchemaList(const Json& value, const std::string& location, std::vector<NodeId>& out) {
    if (!value.is_array() || value.empty()) return Fail(location, "expected a non-empty array of schemas");
    for (std::size_t i = 0; i < value.size(); ++i) {
      NodeId id;
      HDCAT_TRY(SubSchema(value[i], location + "/" + std::to_string(i), id));
      out.push_back(id);
    }
    return Status::Ok();
  }

  Status Count(const Json& value, const std::string& location, std::optional<std::size_t>& out) {
    if (value.is_number_unsigned() || (value.is_number_integer() && value.get<std::int64_t>() >= 0)) {
      out = value.get<std::size_t>();
      return Status::Ok();
    }
    if (value.is_number_float() && value.get<double>() >= 0 && std::floor(value.get<double>()) == value.get<double>()) {
      out = static_cast<std::size_t>(value.get<double>());
      return Status::Ok();
    }
    return Fail(location, "expected a non-negative integer");
  }

  Status Number(const Json& value, const std::string& location, std::optional<double>& out) {
    if (!value.is_number()) return Fail(location, "expected a number");
    out = value.get<double>();
    return Status::Ok();
  }

  Status Strings(const Json& value, const std::string& location, std::vector<std::string>& out) {
    if (!value.is_array()) return Fail(location, "expected an array of strings");
    for (const auto& item : value) {
      if (!item.is_string()) return Fail(location, "expected an array of strings");
      out.push_back(item.get<std::string>());
    }
    return Status::Ok();
  }

  Status Pattern(const Json& value, const std::string& location, CompiledPattern& out) {
    if (!value.is_string()) return Fail(location, "a pattern must be a string");
    out.source = value.get<std::string>();
    try {
      out.regex = std::regex(out.source, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      return Fail(location, "pattern '" + out.source + "' is not a valid regular expression: " + e.what());
    }
    return Status::Ok();
  }

  Status Types(const Json& value, const std::string& location, std::uint8_t& out) {
    auto one = [&](const Json& name) -> Status {
      static const std::pair<std::string_view, TypeBit> kNames[] = {
          {"null", kTypeNull},     {"boolean", kTypeBoolean}, {"object", kTypeObject},   {"array", kTypeArray},
          {"number", kTypeNumber}, {"string", kTypeString},   {"integer", kTypeInteger},
      };
      if (name.is_string()) {
        for (const auto& [type_name, bit] : kNames) {
          if (name == type_name) {
            out |= bit;
            return Status::Ok();
          }
        }
      }
      return Fail(location, "unknown type " + name.dump());
    };
    if (value.is_array()) {
      if (value.empty()) return Fail(location, "\"type\" must not be an empty array");
      for (const auto& name : value) HDCAT_TRY(one(name));
      return Status::Ok();
    }
    return one(value);
  }

  Status CompileKeyword(const std::string& keyword, const Json& value, const std::string& location,
                        SchemaNode& node) {
    const std::string at = Child(location, keyword);
    if (keyword == "$schema") {
      if (!location.empty()) return Fail(at, "$schema is allowed only at the root");
      return Status::Ok();  // checked in Run()
    }
    if (keyword == "$id" || keyword == "$comment") {
      return value.is_string() ? Status::Ok() : Fail(at, keyword + " must be a string");
    }
    if (keyword == "description") {
      if (!value.is_string()) return Fail(at, "description must be a string");
      node.description = value.get<std::string>();
      return Status::Ok();
    }
    if (keyword == "title") {
      if (!value.is_string()) return Fail(at, "title must be a string");
      node.title = value.get<std::string>();
      return Status::Ok();
    }
    if (keyword == "default") return Status::Ok();
    if (keyword == "examples") {
      if (!value.is_array()) return Fail(at, "examples must be an array");
      if (!value.empty()) node.first_example = value[0].is_string() ? value[0].get<std::string>() : value[0].dump();
      return Status::Ok();
    }
    if (keyword == "deprecated") {
      if (!value.is_boolean()) return Fail(at, "deprecated must be a boolean");
      node.deprecated = value.get<bool>();
      return Status::Ok();
    }
    if (keyword == "$defs") {
      if (!value.is_object()) return Fail(at, "$defs must be an object");
      for (const auto& [name, definition] : value.items()) {
        NodeId ignored;
        HDCAT_TRY(SubSchema(definition, Child(at, name), ignored));
      }
      return Status::Ok();
    }
    if (keyword == "$ref") {
      if (!value.is_string() || !value.get<std::string>().starts_with("#")) {
        return Fail(at, "only local references (\"#/$defs/Name\") are supported");
      }
      node.ref = value.get<std::string>();
      return Status::Ok();
    }
    if (keyword == "type") return Types(value, at, node.types);
    if (keyword == "properties") {
      if (!value.is_object()) return Fail(at, "properties must be an object");
      for (const auto& [name, property] : value.items()) {
        NodeId id;
        HDCAT_TRY(SubSchema(property, Child(at, name), id));
        node.properties.emplace(name, id);
      }
      return Status::Ok();
    }
    if (keyword == "required") return Strings(value, at, node.required);
    if (keyword == "additionalProperties") return SubSchema(value, at, node.additional_properties);
    if (keyword == "patternProperties") {
      if (!value.is_object()) return Fail(at, "patternProperties must be an object");
      for (const auto& [source, property] : value.items()) {
        PatternProperty entry;
        HDCAT_TRY(Pattern(Json(source), Child(at, source), entry.pattern));
        HDCAT_TRY(SubSchema(property, Child(at, source), entry.schema));
        node.pattern_properties.push_back(std::move(entry));
      }
      return Status::Ok();
    }
    if (keyword == "propertyNames") return SubSchema(value, at, node.property_names);
    if (keyword == "minProperties") return Count(value, at, node.min_properties);
    if (keyword == "maxProperties") return Count(value, at, node.max_properties);
    if (keyword == "dependentRequired") {
      if (!value.is_object()) return Fail(at, "dependentRequired must be an object");
      for (const auto& [name, dependents] : value.items()) {
        std::vector<std::string> names;
        HDCAT_TRY(Strings(dependents, Child(at, name), names));
        node.dependent_required.emplace_back(name, std::move(names));
      }
      return Status::Ok();
    }
    if (keyword == "items") return SubSchema(value, at, node.items);
    if (keyword == "prefixItems") return SchemaList(value, at, node.prefix_items);
    if (keyword == "minItems") return Count(value, at, node.min_items);
    if (keyword == "maxItems") return Count(value, at, node.max_items);
    if (keyword == "uniqueItems") {
      if (!value.is_boolean()) return Fail(at, "uniqueItems must be a boolean");
      node.unique_items = value.get<bool>();
      return Status::Ok();
    }
    if (keyword == "enum") {
      if (!value.is_array() || value.empty()) return Fail(at, "enum must be a non-empty array");
      node.enum_values = value.get<std::vector<Json>>();
      return Status::Ok();
    }
    if (keyword == "const") {
      node.const_value = value;
      return Status::Ok();
    }
    if (keyword == "pattern") {
      node.pattern.emplace();
      return Pattern(value, at, *node.pattern);
    }
    if (keyword == "minLength") return Count(value, at, node.min_length);
    if (keyword == "maxLength") return Count(value, at, node.max_length);
    if (keyword == "format") {
      auto format = value.is_string() ? ParseFormatName(value.get<std::string>()) : std::nullopt;
      if (!format) return Fail(at, "unsupported format " + value.dump() + " (date, date-time, uri, email, duration)");
      node.format = format;
      return Status::Ok();
    }
    if (keyword == "minimum") return Number(value, at, node.minimum);
    if (keyword == "maximum") return Number(value, at, node.maximum);
    if (keyword == "exclusiveMinimum") return Number(value, at, node.exclusive_minimum);
    if (keyword == "exclusiveMaximum") return Number(value, at, node.exclusive_maximum);
    if (keyword == "multipleOf") {
      HDCAT_TRY(Number(value, at, node.multiple_of));
      return *node.multiple_of > 0 ? Status::Ok() : Fail(at, "multipleOf must be greater than 0");
    }
    if (keyword == "allOf") return SchemaList(value, at, node.all_of);
    if (keyword == "anyOf") return SchemaList(value, at, node.any_of);
    if (keyword == "oneOf") return SchemaList(value, at, node.one_of);
    if (keyword == "not") return SubSchema(value, at, node.not_schema);
    if (keyword == "if") return SubSchema(value, at, node.if_schema);
    if (keyword == "then") return SubSchema(value, at, node.then_schema);
    if (keyword == "else") return SubSchema(value, at, node.else_schema);
    if (keyword == "x-vocabulary") {
      if (!value.is_string()) return Fail(at, "x-vocabulary must name a vocabulary");
      node.vocabulary = vocabularies_ ? vocabularies_(value.get<std::string>()) : nullptr;
      if (!node.vocabulary) return Fail(at, "unknown vocabulary '" + value.get<std::string>() + "'");
      return Status::Ok();
    }
    if (keyword == "x-recommended") return Strings(value, at, node.recommended);
    if (keyword == "x-weight") {
      HDCAT_TRY(Number(value, at, node.weight));
      return *node.weight >= 0 ? Status::Ok() : Fail(at, "x-weight must not be negative");
    }
    return Fail(at, "unsupported keyword '" + keyword + "'; hdcat schemas may use only the keywords listed in "
                    "catalog/validation/json_schema.h");
  }

  Status ResolveRefs() {
    for (auto& node : nodes_) {
      if (node.ref.empty()) continue;
      std::string target = PercentDecode(std::string_view(node.ref).substr(1));
      auto it = by_location_.find(target);
      if (it == by_location_.end()) {
        return Fail(Child(node.location, "$ref"), "$ref '" + node.ref + "' does not point to a schema in this file");
      }
      node.ref_target = it->second;
    }
    return Status::Ok();
  }

  // A $ref/allOf/anyOf/... loop that does not descend into the instance would
  // recurse forever at validation time; refuse it here.
  Status RejectInPlaceCycles() {
    std::vector<int> state(nodes_.size(), 0);  // 0 unvisited, 1 on the stack, 2 done
    for (std::size_t start = 0; start < nodes_.size(); ++start) {
      if (state[start] != 0) continue;
      std::vector<std::pair<NodeId, std::size_t>> stack{{static_cast<NodeId>(start), 0}};
      state[start] = 1;
      while (!stack.empty()) {
        auto& [id, next] = stack.back();
        std::vector<NodeId> edges = InPlaceEdges(nodes_[id]);
        if (next >= edges.size()) {
          state[id] = 2;
          stack.pop_back();
          continue;
        }
        NodeId target = edges[next++];
        if (state[target] == 1) {
          return Fail(nodes_[target].location, "schema refers to itself without descending into the document");
        }
        if (state[target] == 0) {
          state[target] = 1;
          stack.emplace_back(target, 0);
        }
      }
    }
    return Status::Ok();
  }

  static std::vector<NodeId> InPlaceEdges(const SchemaNode& node) {
    std::vector<NodeId> edges(node.all_of);
    edges.insert(edges.end(), node.any_of.begin(), node.any_of.end());
    edges.insert(edges.end(), node.one_of.begin(), node.one_of.end());
    for (NodeId id : {node.ref_target, node.not_schema, node.if_schema, node.then_schema, node.else_schema}) {
      if (id != kNoNode) edges.push_back(id);
    }
    return edges;
  }

  // The weight of a property schema: its own x-weight, else its $ref target's.
  static std::optional<double> WeightOf(const CompiledSchema& schema, NodeId id) {
    for (int hops = 0; id != kNoNode && hops < 16; ++hops) {
      const SchemaNode& node = schema.nodes[id];
      if (node.weight) return node.weight;
      id = node.ref_target;
    }
    return std::nullopt;
  }

  static void CollectWeighted(const CompiledSchema& schema, NodeId id, const std::string& prefix, int depth,
                              std::set<std::string>& seen, std::vector<WeightedField>& out) {
    if (id == kNoNode || depth > kMaxWeightedDepth) return;
    const SchemaNode& node = schema.nodes[id];
    for (const auto& [name, child] : node.properties) {
      std::string pointer = Child(prefix, name);
      if (auto weight = WeightOf(schema, child); weight && seen.insert(pointer).second) {
        out.push_back({pointer, *weight});
      }
      CollectWeighted(schema, child, pointer, depth + 1, seen, out);
    }
    CollectWeighted(schema, node.ref_target, prefix, depth + 1, seen, out);
    for (NodeId part : node.all_of) CollectWeighted(schema, part, prefix, depth + 1, seen, out);
  }

  std::string name_;
  const VocabularyLookup& vocabularies_;
  std::vector<SchemaNode> nodes_;
  std::map<std::string, NodeId> by_location_;
};

}  // namespace

Result<JsonSchema> JsonSchema::Compile(std::string_view name, const Json& schema,
                                       const VocabularyLookup& vocabularies) {
  Compiler compiler(name, vocabularies);
  auto compiled = compiler.Run(schema);
  if (!compiled.ok()) return compiled.error();
  return JsonSchema(std::move(*compiled));
}

bool JsonSchema::Validate(const Json& instance, Findings& findings) const {
  return EvaluateSchema(*compiled_, instance, findings);
}

const std::vector<WeightedField>& JsonSchema::weighted_fields() const { return compiled_->weighted_fields; }

}  // namespace hdcat::catalog::validation
