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

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "catalog/validation/finding.h"

namespace hdcat::catalog {

// Finding and CompletenessItem are defined in catalog/validation/finding.h.
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

  // Reads a file of schemas/ by its relative path ("dataset.schema.json",
  // "vocabularies/coding-systems.json"); nullopt when there is none.
  using ResourceReader = std::function<std::optional<std::string_view>(std::string_view path)>;
  // Load() with another source of files (tests use small schemas of their own).
  static Result<std::shared_ptr<const Validator>> LoadFrom(const ResourceReader& read);

  ValidationReport Validate(DocumentKind kind, const Json& document) const;

  // Checks the envelope of one harvest feed page against feed.schema.json
  // (`datasets`, `next`, `deleted` …). The descriptions inside it are checked
  // one by one with Validate(). Without an embedded feed schema any object passes.
  ValidationReport ValidateFeedEnvelope(const Json& feed) const;

 private:
  struct Parts;  // compiled schemas and rule data (validator.cpp)
  explicit Validator(std::shared_ptr<const Parts> parts) : parts_(std::move(parts)) {}
  std::shared_ptr<const Parts> parts_;
};

}  // namespace hdcat::catalog
