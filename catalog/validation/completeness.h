// Completeness score: how much of the recommended metadata a description
// fills in, weighted by the schema's "x-weight" annotations.
//
// Each weighted field (see JsonSchema::weighted_fields) counts when it is
// present, i.e. non-empty: not null, not "", not an empty array or object, and
// for arrays and objects at least one member is itself present. The score is
// 100 * (weight present) / (total weight), 100 when nothing is weighted.
// Grades: A >= 85, B >= 70, C >= 50, D below.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <vector>

#include "base/json.h"
#include "catalog/validation/finding.h"
#include "catalog/validation/json_schema.h"

namespace hdcat::catalog::validation {

bool IsPresent(const Json& value);

struct CompletenessResult {
  double score = 100;
  std::string grade = "A";
  std::vector<CompletenessItem> items;
};

CompletenessResult ScoreCompleteness(const std::vector<WeightedField>& fields, const Json& document);

std::string GradeFor(double score);

}  // namespace hdcat::catalog::validation
