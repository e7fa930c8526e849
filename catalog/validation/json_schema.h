// JsonSchema: a compiled JSON Schema (draft 2020-12 subset) that checks
// nlohmann::json documents and reports actionable findings.
//
// Supported keywords, and nothing else: $schema $id $defs $ref $comment title
// description default examples deprecated type properties required
// additionalProperties patternProperties propertyNames items prefixItems
// minItems maxItems uniqueItems enum const pattern minLength maxLength minimum
// maximum exclusiveMinimum exclusiveMaximum multipleOf format minProperties
// maxProperties anyOf oneOf allOf not if then else dependentRequired, plus the
// hdcat annotations:
//   "x-vocabulary": "<name>"  the string must be a code of that vocabulary
//   "x-recommended": [names]  a missing (or empty) property is a warning
//   "x-weight": number        the property's weight in the completeness score
// Compile() rejects a schema that uses any other keyword, an unknown format, a
// $ref that is not a local JSON pointer ("#/$defs/Agent") or does not resolve,
// an unknown vocabulary or a regex std::regex cannot compile, so that no part
// of a schema is ever silently ignored. Regexes are compiled once, here.
//
// Findings: a missing required property is reported at the pointer the
// property would have ("/access_rights"); for anyOf/oneOf the errors of the
// alternative that came closest are reported rather than "no match".
// minLength/maxLength count Unicode code points.
//
// Thread-safety: immutable after Compile(); Validate() may run concurrently.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "catalog/validation/finding.h"
#include "catalog/validation/vocabulary.h"

namespace hdcat::catalog::validation {

// Finds the vocabulary a schema names in "x-vocabulary"; nullptr when unknown.
using VocabularyLookup = std::function<std::shared_ptr<const Vocabulary>(std::string_view name)>;

// A property annotated with "x-weight", reachable from the root through
// "properties" (following $ref and allOf).
struct WeightedField {
  std::string pointer;  // e.g. "/statistics" or "/update/frequency"
  double weight;
};

struct CompiledSchema;  // defined in schema_node.h

class JsonSchema {
 public:
  // `name` labels load errors ("dataset.schema.json: unsupported keyword ...").
  static Result<JsonSchema> Compile(std::string_view name, const Json& schema, const VocabularyLookup& vocabularies);

  // Appends every finding about `instance` to `findings`; returns true when
  // the instance is valid (no error, whether or not the cap dropped it).
  bool Validate(const Json& instance, Findings& findings) const;

  const std::vector<WeightedField>& weighted_fields() const;

 private:
  explicit JsonSchema(std::shared_ptr<const CompiledSchema> compiled) : compiled_(std::move(compiled)) {}
  std::shared_ptr<const CompiledSchema> compiled_;
};

}  // namespace hdcat::catalog::validation
