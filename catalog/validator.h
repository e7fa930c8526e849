// Validator: checks dataset and holder descriptions against the JSON Schemas
// in schemas/ and the controlled vocabularies, and scores their completeness.
//
// One validator is used everywhere: `hdcat validate`, loading, harvesting and
// the web API all call it, so a holder sees the same messages in every place.
// Every finding names the JSON pointer of the offending value, what was
// expected there and, where one can be computed, a suggestion (an unknown
// coding system -> the closest known one).
//
// Contract: a document with no errors may be stored; warnings (missing
// recommended fields) never block. The completeness score is in [0, 100] and
// the grade is one of A (>= 85), B (>= 70), C (>= 50), D (< 50).
//
// Thread-safety: a loaded Validator is immutable; share it across threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/result.h"

namespace hdcat::catalog {

struct Finding {
  std::string pointer;     // JSON pointer into the document ("" = the whole document)
  std::string message;     // what is wrong, in one sentence
  std::string expected;    // what would be accepted there
  std::string suggestion;  // closest valid value, when there is one
};

struct CompletenessItem {
  std::string field;  // JSON pointer of a scored field
  double weight;
  bool present;
};

struct ValidationReport {
  std::vector<Finding> errors;
  std::vector<Finding> warnings;
  double completeness = 0;  // weighted share of scored fields present, 0..100
  std::string grade;        // A/B/C/D
  std::vector<CompletenessItem> items;

  bool ok() const { return errors.empty(); }
};

enum class DocumentKind { kDataset, kHolder };

class Validator {
 public:
  // Loads the embedded schemas and vocabularies. Fails only if they are broken,
  // which the tests rule out.
  static Result<std::shared_ptr<const Validator>> Load();

  ValidationReport Validate(DocumentKind kind, const Json& document) const;

  virtual ~Validator() = default;

 protected:
  Validator() = default;
};

}  // namespace hdcat::catalog
