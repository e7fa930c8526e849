// Checks an instance against compiled SchemaNodes and writes findings.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "catalog/validation/completeness.h"
#include "catalog/validation/schema_node.h"
#include "catalog/validation/suggest.h"

namespace hdcat::catalog::validation {
namespace {

// Deeper evaluation means a schema loop the load-time check missed or a
// document deeper than any parser limit; either way stop rather than overflow.
constexpr int kMaxEvaluationDepth = 256;
// libstdc++'s std::regex backtracks recursively; very long input could exhaust
// the stack, so longer text is reported instead of matched.
constexpr std::size_t kMaxRegexInput = 16 * 1024;
constexpr std::size_t kMaxListedValues = 12;

// One step of the path from the document root to the value being checked.
struct PathStep {
  const PathStep* parent;
  std::string_view key;
  std::size_t index;
  bool is_index;
};

std::string PointerOf(const PathStep* step) {
  if (step == nullptr) return "";
  std::string head = PointerOf(step->parent);
  head += '/';
  head += step->is_index ? std::to_string(step->index) : JsonPointerToken(step->key);
  return head;
}

std::size_t CountCodePoints(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// At most `limit` code points of `text`, with an ellipsis when cut.
std::string Shorten(const std::string& text, std::size_t limit = 60) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == limit) return text.substr(0, i) + "…";
  }
  return text;
}

std::string Quote(const Json& value) {
  if (value.is_string()) return "'" + Shorten(value.get<std::string>()) + "'";
  return Shorten(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::string FormatNumber(double value) {
  char buffer[64];
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(value));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
  }
  return buffer;
}

bool IsIntegral(const Json& value) {
  if (value.is_number_integer()) return true;  // signed and unsigned
  if (!value.is_number_float()) return false;
  double number = value.get<double>();
  return std::isfinite(number) && std::floor(number) == number;
}

std::string TypeWithArticle(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    default: return "a number";
  }
}

std::string DescribeTypes(std::uint8_t types) {
  static const std::pair<std::uint8_t, std::string_view> kNames[] = {
      {kTypeString, "a string"},  {kTypeObject, "an object"},    {kTypeArray, "an array"},   {kTypeInteger, "an integer"},
      {kTypeNumber, "a number"},  {kTypeBoolean, "a boolean"},   {kTypeNull, "null"},
  };
  std::vector<std::string_view> names;
  for (const auto& [bit, name] : kNames) {
    if ((types & bit) != 0 && !(bit == kTypeInteger && (types & kTypeNumber) != 0)) names.push_back(name);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

bool MatchesType(std::uint8_t types, const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return (types & kTypeNull) != 0;
    case Json::value_t::boolean: return (types & kTypeBoolean) != 0;
    case Json::value_t::object: return (types & kTypeObject) != 0;
    case Json::value_t::array: return (types & kTypeArray) != 0;
    case Json::value_t::string: return (types & kTypeString) != 0;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return (types & kTypeNumber) != 0 || ((types & kTypeInteger) != 0 && IsIntegral(value));
    default: return false;
  }
}

std::string ListValues(const std::vector<Json>& values) {
  std::string out = "one of ";
  for (std::size_t i = 0; i < values.size() && i < kMaxListedValues; ++i) {
    if (i > 0) out += ", ";
    out += values[i].is_string() ? values[i].get<std::string>() : values[i].dump();
  }
  if (values.size() > kMaxListedValues) out += ", … (" + std::to_string(values.size()) + " values)";
  return out;
}

// Small vocabularies are listed in full; large ones are named.
std::string VocabularyExpectation(const Vocabulary& vocabulary) {
  if (vocabulary.codes().size() <= kMaxListedValues) {
    std::vector<Json> codes(vocabulary.codes().begin(), vocabulary.codes().end());
    return ListValues(codes);
  }
  return "a code from the vocabulary '" + vocabulary.name() + "'";
}

std::string ListNames(const std::map<std::string, NodeId, std::less<>>& properties) {
  std::string out;
  std::size_t i = 0;
  for (const auto& [name, id] : properties) {
    if (i == kMaxListedValues) {
      out += ", …";
      break;
    }
    if (i++ > 0) out += ", ";
    out += name;
  }
  return out;
}

std::size_t RelativeDepth(std::string_view pointer, std::string_view base) {
  if (!pointer.starts_with(base)) return 0;
  auto rest = pointer.substr(base.size());
  return static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '/'));
}

class Evaluator {
 public:
  explicit Evaluator(const CompiledSchema& schema) : schema_(schema) {}

  bool Eval(NodeId id, const Json& value, const PathStep* path, Findings& out, int depth) const {
    const SchemaNode& node = schema_.nodes[id];
    if (depth > kMaxEvaluationDepth) {
      out.AddError({PointerOf(path), "the document nests too deeply to check", "", ""});
      return false;
    }
    if (node.rejects_everything) {
      out.AddError({PointerOf(path), "no value is allowed here", "this member to be absent", ""});
      return false;
    }
    bool valid = true;
    if (node.deprecated) {
      out.AddWarning({PointerOf(path), node.title.empty() ? "this field is deprecated" : node.title + " is deprecated",
                      "", ""});
    }
    if (node.ref_target != kNoNode) valid &= Eval(node.ref_target, value, path, out, depth + 1);
    if (node.types != 0 && !MatchesType(node.types, value)) {
      std::string expected = DescribeTypes(node.types);
      std::string found = TypeWithArticle(value);
      if (value.is_number() && (node.types & kTypeInteger) != 0) found = "a number with a fraction (" + value.dump() + ")";
      out.AddError({PointerOf(path), "expected " + expected + " but found " + found, expected, ""},
                   Findings::Mismatch::kType);
      valid = false;
    }
    if (node.const_value && value != *node.const_value) {
      out.AddError({PointerOf(path), "expected " + Quote(*node.const_value) + " but found " + Quote(value),
                    "the value " + Quote(*node.const_value), ""},
                   Findings::Mismatch::kValue);
      valid = false;
    }
    if (node.enum_values && std::find(node.enum_values->begin(), node.enum_values->end(), value) == node.enum_values->end()) {
      valid &= EnumError(node, value, path, out);
    }
    if (out.full()) return false;
    if (value.is_object()) valid &= CheckObject(node, value, path, out, depth);
    if (value.is_array()) valid &= CheckArray(node, value, path, out, depth);
    if (value.is_string()) valid &= CheckString(node, value.get_ref<const std::string&>(), path, out);
    if (value.is_number()) valid &= CheckNumber(node, value, path, out);
    if (out.full()) return false;
    valid &= CheckCombinators(node, value, path, out, depth);
    return valid;
  }

 private:
  bool EnumError(const SchemaNode& node, const Json& value, const PathStep* path, Findings& out) const {
    std::string suggestion;
    if (value.is_string()) {
      std::vector<std::string> candidates;
      for (const auto& allowed : *node.enum_values) {
        if (allowed.is_string()) candidates.push_back(allowed.get<std::string>());
      }
      suggestion = Closest(value.get<std::string>(), candidates).value_or("");
    }
    std::string message = Quote(value) + " is not one of the allowed values";
    if (!suggestion.empty()) message += " — did you mean '" + suggestion + "'?";
    out.AddError({PointerOf(path), message, ListValues(*node.enum_values), suggestion}, Findings::Mismatch::kValue);
    return false;
  }

  bool CheckObject(const SchemaNode& node, const Json& object, const PathStep* path, Findings& out, int depth) const {
    bool valid = true;
    for (const auto& [key, member] : object.items()) {
      if (out.full()) return false;
      PathStep step{path, key, 0, false};
      bool known = false;
      if (auto it = node.properties.find(key); it != node.properties.end()) {
        known = true;
        valid &= Eval(it->second, member, &step, out, depth + 1);
      }
      for (const auto& entry : node.pattern_properties) {
        if (key.size() <= kMaxRegexInput && std::regex_search(key, entry.pattern.regex)) {
          known = true;
          valid &= Eval(entry.schema, member, &step, out, depth + 1);
        }
      }
      if (!known && node.additional_properties != kNoNode) {
        if (schema_.nodes[node.additional_properties].rejects_everything) {
          valid = false;
          UnknownProperty(node, key, &step, out);
        } else {
          valid &= Eval(node.additional_properties, member, &step, out, depth + 1);
        }
      }
      if (node.property_names != kNoNode) valid &= CheckPropertyName(node.property_names, key, &step, out, depth);
    }
    for (const auto& name : node.required) {
      if (!object.contains(name)) {
        valid = false;
        PathStep step{path, name, 0, false};
        out.AddError({PointerOf(&step), "missing required property '" + name + "'", ExpectedFor(node, name), ""});
      }
    }
    for (const auto& [name, dependents] : node.dependent_required) {
      if (!object.contains(name)) continue;
      for (const auto& dependent : dependents) {
        if (object.contains(dependent)) continue;
        valid = false;
        PathStep step{path, dependent, 0, false};
        out.AddError({PointerOf(&step), "property '" + dependent + "' is required when '" + name + "' is present",
                      ExpectedFor(node, dependent), ""});
      }
    }
    if (node.min_properties && object.size() < *node.min_properties) {
      valid = false;
      out.AddError({PointerOf(path),
                    "object has " + std::to_string(object.size()) + " properties; at least " +
                        std::to_string(*node.min_properties) + " required",
                    "at least " + std::to_string(*node.min_properties) + " properties", ""});
    }
    if (node.max_properties && object.size() > *node.max_properties) {
      valid = false;
      out.AddError({PointerOf(path),
                    "object has " + std::to_string(object.size()) + " properties; at most " +
                        std::to_string(*node.max_properties) + " allowed",
                    "at most " + std::to_string(*node.max_properties) + " properties", ""});
    }
    for (const auto& name : node.recommended) {
      auto it = object.find(name);
      if (it != object.end() && IsPresent(*it)) continue;
      PathStep step{path, name, 0, false};
      out.AddWarning({PointerOf(&step),
                      it == object.end() ? "missing recommended property '" + name + "'"
                                         : "recommended property '" + name + "' is empty",
                      ExpectedFor(node, name), ""});
    }
    return valid;
  }

  void UnknownProperty(const SchemaNode& node, const std::string& key, const PathStep* step, Findings& out) const {
    std::vector<std::string> names;
    for (const auto& [name, id] : node.properties) names.push_back(name);
    std::string suggestion = Closest(key, names).value_or("");
    std::string message = "unknown property '" + Shorten(key) + "'";
    if (!suggestion.empty()) message += " — did you mean '" + suggestion + "'?";
    std::string expected = names.empty() ? "no other properties" : "one of the known properties: " + ListNames(node.properties);
    out.AddError({PointerOf(step), message, expected, suggestion});
  }

  bool CheckPropertyName(NodeId names_schema, const std::string& key, const PathStep* step, Findings& out,
                         int depth) const {
    Findings scratch(out.limit());
    if (Eval(names_schema, Json(key), step, scratch, depth + 1)) return true;
    for (auto finding : scratch.TakeErrors()) {
      finding.message = "property name '" + Shorten(key) + "': " + finding.message;
      out.AddError(std::move(finding));
    }
    return false;
  }

  // What a property of `node` should hold, for the "expected" part of a finding.
  std::string ExpectedFor(const SchemaNode& node, const std::string& name) const {
    auto it = node.properties.find(name);
    if (it == node.properties.end()) return "";
    NodeId id = it->second;
    for (int hops = 0; id != kNoNode && hops < 16; ++hops) {
      const SchemaNode& target = schema_.nodes[id];
      if (target.enum_values) return ListValues(*target.enum_values);
      if (target.vocabulary) return VocabularyExpectation(*target.vocabulary);
      if (target.types != 0) return DescribeTypes(target.types);
      id = target.ref_target;
    }
    return "";
  }

  bool CheckArray(const SchemaNode& node, const Json& array, const PathStep* path, Findings& out, int depth) const {
    bool valid = true;
    for (std::size_t i = 0; i < array.size() && !out.full(); ++i) {
      PathStep step{path, {}, i, true};
      if (i < node.prefix_items.size()) {
        valid &= Eval(node.prefix_items[i], array[i], &step, out, depth + 1);
      } else if (node.items != kNoNode) {
        if (schema_.nodes[node.items].rejects_everything) {
          out.AddError({PointerOf(&step), "unexpected item: at most " + std::to_string(node.prefix_items.size()) +
                                              " items are allowed",
                        "at most " + std::to_string(node.prefix_items.size()) + " items", ""});
          return false;
        }
        valid &= Eval(node.items, array[i], &step, out, depth + 1);
      }
    }
    if (node.min_items && array.size() < *node.min_items) {
      valid = false;
      out.AddError({PointerOf(path),
                    "array has " + std::to_string(array.size()) + " items; at least " +
                        std::to_string(*node.min_items) + " required",
                    "at least " + std::to_string(*node.min_items) + (*node.min_items == 1 ? " item" : " items"), ""});
    }
    if (node.max_items && array.size() > *node.max_items) {
      valid = false;
      out.AddError({PointerOf(path),
                    "array has " + std::to_string(array.size()) + " items; at most " +
                        std::to_string(*node.max_items) + " allowed",
                    "at most " + std::to_string(*node.max_items) + (*node.max_items == 1 ? " item" : " items"), ""});
    }
    if (node.unique_items && array.size() > 1) valid &= CheckUnique(array, path, out);
    return valid;
  }

  // Sorting indices keeps this O(n log n) for hostile, long arrays.
  static bool CheckUnique(const Json& array, const PathStep* path, Findings& out) {
    std::vector<std::size_t> order(array.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return array[a] < array[b]; });
    std::vector<std::pair<std::size_t, std::size_t>> duplicates;  // (later index, first index)
    std::size_t first = order[0];
    for (std::size_t k = 1; k < order.size(); ++k) {
      if (array[order[k]] == array[first]) {
        duplicates.emplace_back(order[k], first);
      } else {
        first = order[k];
      }
    }
    std::sort(duplicates.begin(), duplicates.end());
    for (const auto& [later, earlier] : duplicates) {
      PathStep step{path, {}, later, true};
      out.AddError({PointerOf(&step), "duplicate of item " + std::to_string(earlier) + " (" + Quote(array[later]) + ")",
                    "unique items", ""});
    }
    return duplicates.empty();
  }

  bool CheckString(const SchemaNode& node, const std::string& text, const PathStep* path, Findings& out) const {
    bool valid = true;
    if (node.min_length || node.max_length) {
      std::size_t length = CountCodePoints(text);
      if (node.min_length && length < *node.min_length) {
        valid = false;
        out.AddError({PointerOf(path),
                      length == 0 ? "text is empty; at least " + std::to_string(*node.min_length) + " characters required"
                                  : "text is " + std::to_string(length) + " characters long; at least " +
                                        std::to_string(*node.min_length) + " required",
                      "at least " + std::to_string(*node.min_length) + " characters", ""});
      }
      if (node.max_length && length > *node.max_length) {
        valid = false;
        out.AddError({PointerOf(path),
                      "text is " + std::to_string(length) + " characters long; at most " +
                          std::to_string(*node.max_length) + " allowed",
                      "at most " + std::to_string(*node.max_length) + " characters", ""});
      }
    }
    if (node.pattern) {
      if (text.size() > kMaxRegexInput) {
        valid = false;
        out.AddError({PointerOf(path), "text is too long to check against the pattern " + node.pattern->source,
                      "text matching " + node.pattern->source, ""});
      } else if (!std::regex_search(text, node.pattern->regex)) {
        valid = false;
        out.AddError({PointerOf(path), Quote(Json(text)) + " does not match the pattern " + node.pattern->source,
                      PatternExpectation(node), ""});
      }
    }
    if (node.format && !MatchesFormat(*node.format, text)) {
      valid = false;
      out.AddError({PointerOf(path), Quote(Json(text)) + " is not a valid " + std::string(FormatName(*node.format)),
                    std::string(FormatExpectation(*node.format)), ""});
    }
    if (node.vocabulary && !node.vocabulary->Contains(text)) {
      valid = false;
      std::string suggestion = node.vocabulary->Suggest(text).value_or("");
      std::string message = "unknown code " + Quote(Json(text)) + " in vocabulary '" + node.vocabulary->name() + "'";
      if (!suggestion.empty()) message += " — did you mean '" + suggestion + "'?";
      out.AddError({PointerOf(path), message, VocabularyExpectation(*node.vocabulary), suggestion},
                   Findings::Mismatch::kValue);
    }
    return valid;
  }

  // The schema's own description of the form says more to a holder than the
  // regular expression, which the message already shows.
  static std::string PatternExpectation(const SchemaNode& node) {
    std::string expected = node.description.empty() ? "text matching " + node.pattern->source : node.description;
    if (!node.first_example.empty()) {
      while (!expected.empty() && expected.back() == '.') expected.pop_back();
      expected += ", e.g. " + node.first_example;
    }
    return expected;
  }

  static bool CheckNumber(const SchemaNode& node, const Json& value, const PathStep* path, Findings& out) {
    const double number = value.get<double>();
    const std::string shown = value.dump();
    bool valid = true;
    auto fail = [&](std::string message, std::string expected) {
      valid = false;
      out.AddError({PointerOf(path), std::move(message), std::move(expected), ""});
    };
    if (node.minimum && number < *node.minimum) {
      fail(shown + " is less than the minimum " + FormatNumber(*node.minimum), "at least " + FormatNumber(*node.minimum));
    }
    if (node.maximum && number > *node.maximum) {
      fail(shown + " is greater than the maximum " + FormatNumber(*node.maximum),
           "at most " + FormatNumber(*node.maximum));
    }
    if (node.exclusive_minimum && number <= *node.exclusive_minimum) {
      fail(shown + " must be greater than " + FormatNumber(*node.exclusive_minimum),
           "more than " + FormatNumber(*node.exclusive_minimum));
    }
    if (node.exclusive_maximum && number >= *node.exclusive_maximum) {
      fail(shown + " must be less than " + FormatNumber(*node.exclusive_maximum),
           "less than " + FormatNumber(*node.exclusive_maximum));
    }
    if (node.multiple_of && !IsMultiple(value, *node.multiple_of)) {
      fail(shown + " is not a multiple of " + FormatNumber(*node.multiple_of),
           "a multiple of " + FormatNumber(*node.multiple_of));
    }
    return valid;
  }

  static bool IsMultiple(const Json& value, double divisor) {
    if (value.is_number_integer() && std::floor(divisor) == divisor && divisor < 9e15) {
      const auto d = static_cast<long long>(divisor);
      return value.is_number_unsigned() ? value.get<unsigned long long>() % static_cast<unsigned long long>(d) == 0
                                        : value.get<long long>() % d == 0;
    }
    const double quotient = value.get<double>() / divisor;
    if (!std::isfinite(quotient)) return false;
    return std::fabs(quotient - std::round(quotient)) <= 1e-9 * std::max(1.0, std::fabs(quotient));
  }

  bool CheckCombinators(const SchemaNode& node, const Json& value, const PathStep* path, Findings& out,
                        int depth) const {
    bool valid = true;
    for (NodeId part : node.all_of) valid &= Eval(part, value, path, out, depth + 1);
    if (!node.any_of.empty()) valid &= Alternatives(node.any_of, false, value, path, out, depth);
    if (!node.one_of.empty()) valid &= Alternatives(node.one_of, true, value, path, out, depth);
    if (node.not_schema != kNoNode) {
      Findings scratch(out.limit());
      if (Eval(node.not_schema, value, path, scratch, depth + 1)) {
        valid = false;
        const std::string& title = schema_.nodes[node.not_schema].title;
        out.AddError({PointerOf(path),
                      title.empty() ? "value matches a form that is not allowed here" : "value must not be " + title,
                      "", ""});
      }
    }
    if (node.if_schema != kNoNode) {
      Findings scratch(out.limit());
      NodeId branch = Eval(node.if_schema, value, path, scratch, depth + 1) ? node.then_schema : node.else_schema;
      if (branch != kNoNode) valid &= Eval(branch, value, path, out, depth + 1);
    }
    return valid;
  }

  // anyOf / oneOf: on failure, report the alternative that came closest.
  bool Alternatives(const std::vector<NodeId>& branches, bool exactly_one, const Json& value, const PathStep* path,
                    Findings& out, int depth) const {
    std::vector<Findings> results;
    std::vector<std::size_t> passed;
    results.reserve(branches.size());
    for (std::size_t i = 0; i < branches.size(); ++i) {
      results.emplace_back(out.limit());
      if (Eval(branches[i], value, path, results.back(), depth + 1)) {
        passed.push_back(i);
        if (!exactly_one) break;
      }
    }
    if (passed.size() == 1 || (!exactly_one && !passed.empty())) {
      out.MergeWarnings(std::move(results[passed.front()]));
      return true;
    }
    const std::string here = PointerOf(path);
    if (passed.size() > 1) {
      out.AddError({here,
                    "value matches " + std::to_string(passed.size()) + " of the alternatives (" +
                        std::to_string(passed[0] + 1) + " and " + std::to_string(passed[1] + 1) +
                        "); it must match exactly one",
                    "exactly one of the alternatives", ""});
      return false;
    }
    // Every alternative failed. When each one wants a different kind of value
    // at this very place, say so in one sentence.
    std::vector<std::string> wanted;
    bool all_mismatch_here = true;
    for (const auto& result : results) {
      bool found = false;
      for (std::size_t e = 0; e < result.errors().size(); ++e) {
        if (result.mismatch(e) != Findings::Mismatch::kNone && result.errors()[e].pointer == here) {
          found = true;
          const std::string& expected = result.errors()[e].expected;
          if (std::find(wanted.begin(), wanted.end(), expected) == wanted.end()) wanted.push_back(expected);
          break;
        }
      }
      all_mismatch_here &= found;
    }
    if (all_mismatch_here) {
      std::string joined;
      for (std::size_t i = 0; i < wanted.size(); ++i) joined += (i == 0 ? "" : " or ") + wanted[i];
      out.AddError({here, "expected " + joined + " but found " + (value.is_string() ? Quote(value) : TypeWithArticle(value)),
                    joined, ""},
                   Findings::Mismatch::kType);
      return false;
    }
    // Otherwise the closest alternative is the one with the fewest signs of
    // being meant for another kind of value (a wrong type here, a wrong
    // constant or code here or in a direct member), then the fewest errors.
    std::size_t best = 0;
    std::pair<std::size_t, std::size_t> best_score{SIZE_MAX, SIZE_MAX};
    for (std::size_t i = 0; i < results.size(); ++i) {
      std::size_t near_mismatches = 0;
      for (std::size_t e = 0; e < results[i].errors().size(); ++e) {
        const auto mismatch = results[i].mismatch(e);
        const std::size_t depth_below = RelativeDepth(results[i].errors()[e].pointer, here);
        if ((mismatch == Findings::Mismatch::kType && depth_below == 0) ||
            (mismatch == Findings::Mismatch::kValue && depth_below <= 1)) {
          ++near_mismatches;
        }
      }
      std::pair<std::size_t, std::size_t> score{near_mismatches,
                                                results[i].errors().size() + results[i].dropped_errors()};
      if (score < best_score) {
        best_score = score;
        best = i;
      }
    }
    out.Merge(std::move(results[best]));
    return false;
  }

  const CompiledSchema& schema_;
};

}  // namespace

bool EvaluateSchema(const CompiledSchema& schema, const Json& instance, Findings& findings) {
  return Evaluator(schema).Eval(0, instance, nullptr, findings, 0);
}

}  // namespace hdcat::catalog::validation
