// Semantic rules: checks on dataset and holder descriptions that JSON Schema
// cannot express, kept as a small table (rules.cpp) so each is easy to find:
//
//   structured-data-has-variables  has_structured_data true ⇒ variables non-empty
//   periods-in-order               temporal / retention_period start <= end
//   age-range-in-order             population.min_typical_age <= max_typical_age
//   coding-systems-declared        every system a variable or code value uses is
//                                  listed in coding_systems (warning, with the fix)
//   codes-match-system-pattern     example_codes, code_values and statistics codes
//                                  follow their system's "code_pattern"
//   statistics-non-negative        counts under statistics are >= 0
//   fees-non-negative              access.fees[].amount_jpy >= 0
//   quality-checks-consistent      a check's value against its threshold agrees
//                                  with `passed` (warning)
//
// Rules never fail on a document of the wrong shape (the schema reports that);
// they skip what they cannot read, and do not repeat an error the schema
// already reported at the same pointer.
//
// Thread-safety: RuleContext is immutable after Build(); ApplyRules is reentrant.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "catalog/validation/finding.h"
#include "catalog/validation/schema_node.h"  // CompiledPattern
#include "catalog/validation/vocabulary.h"
#include "catalog/validator.h"

namespace hdcat::catalog::validation {

struct CodingSystemRule {
  std::string label;  // "ICD-10 (icd10)" for messages
  std::string expected;  // how the codes look, for the "expected" part
  CompiledPattern pattern;
};

class RuleContext {
 public:
  // `coding_systems` may be null (no pattern checks then). Fails when a
  // system's "code_pattern" is not a valid regular expression.
  static Result<RuleContext> Build(std::shared_ptr<const Vocabulary> coding_systems);

  // The code pattern of `system`, or nullptr when it has none or is unknown.
  const CodingSystemRule* system(std::string_view code) const;
  // True when `code` is in coding-systems, or when there is no such vocabulary.
  bool IsKnownSystem(std::string_view code) const;

 private:
  std::shared_ptr<const Vocabulary> coding_systems_;
  std::map<std::string, CodingSystemRule, std::less<>> systems_;
};

struct RuleInfo {
  std::string_view name;
  DocumentKind kind;
};

// Every rule, for documentation and tests.
std::vector<RuleInfo> ListRules();

void ApplyRules(DocumentKind kind, const Json& document, const RuleContext& context, Findings& findings);

}  // namespace hdcat::catalog::validation
