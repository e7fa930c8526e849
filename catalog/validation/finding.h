// Finding and Findings: what the validator reports, and the bounded list that
// collects it while a document is checked; CompletenessItem: one scored field.
//
// A Finding names the JSON pointer (RFC 6901) of the offending value, says in
// one sentence what is wrong, what would be accepted there, and the closest
// valid value when one can be computed. Findings caps how many errors and
// warnings it keeps, so a hostile document with millions of bad values cannot
// make the validator use unbounded memory; once the cap is reached further
// findings are counted but dropped and `full()` tells the checks to stop.
//
// Thread-safety: plain value types; one Findings per validation run.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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

namespace validation {

class Findings {
 public:
  static constexpr std::size_t kDefaultLimit = 200;

  explicit Findings(std::size_t limit = kDefaultLimit) : limit_(limit) {}

  // Errors that say a value is of another kind than the schema describes;
  // anyOf and oneOf use them to pick the alternative that came closest.
  enum class Mismatch : unsigned char {
    kNone,
    kType,   // wrong JSON type
    kValue,  // not the constant, enumerated or vocabulary value (a discriminator)
  };
  void AddError(Finding finding, Mismatch mismatch = Mismatch::kNone);
  void AddWarning(Finding finding);

  // Moves the other collector's findings into this one, within the cap.
  void Merge(Findings&& other);
  void MergeWarnings(Findings&& other);

  bool full() const { return errors_.size() >= limit_; }
  bool HasErrorAt(std::string_view pointer) const;
  std::size_t dropped_errors() const { return dropped_errors_; }
  std::size_t dropped_warnings() const { return dropped_warnings_; }
  std::size_t limit() const { return limit_; }

  const std::vector<Finding>& errors() const { return errors_; }
  const std::vector<Finding>& warnings() const { return warnings_; }
  Mismatch mismatch(std::size_t error_index) const { return mismatch_[error_index]; }

  std::vector<Finding> TakeErrors() { return std::move(errors_); }
  std::vector<Finding> TakeWarnings() { return std::move(warnings_); }

 private:
  std::size_t limit_;
  std::vector<Finding> errors_;
  std::vector<Mismatch> mismatch_;  // parallel to errors_
  std::vector<Finding> warnings_;
  std::size_t dropped_errors_ = 0;
  std::size_t dropped_warnings_ = 0;
};

}  // namespace validation
}  // namespace hdcat::catalog
