#include "catalog/validation/finding.h"

#include <utility>

namespace hdcat::catalog::validation {

void Findings::AddError(Finding finding, Mismatch mismatch) {
  if (errors_.size() >= limit_) {
    ++dropped_errors_;
    return;
  }
  errors_.push_back(std::move(finding));
  mismatch_.push_back(mismatch);
}

void Findings::AddWarning(Finding finding) {
  if (warnings_.size() >= limit_) {
    ++dropped_warnings_;
    return;
  }
  warnings_.push_back(std::move(finding));
}

void Findings::Merge(Findings&& other) {
  for (std::size_t i = 0; i < other.errors_.size(); ++i) AddError(std::move(other.errors_[i]), other.mismatch_[i]);
  dropped_errors_ += other.dropped_errors_;
  MergeWarnings(std::move(other));
  other.errors_.clear();
  other.mismatch_.clear();
}

void Findings::MergeWarnings(Findings&& other) {
  for (auto& warning : other.warnings_) AddWarning(std::move(warning));
  dropped_warnings_ += other.dropped_warnings_;
  other.warnings_.clear();
}

bool Findings::HasErrorAt(std::string_view pointer) const {
  for (const auto& error : errors_) {
    if (error.pointer == pointer) return true;
  }
  return false;
}

}  // namespace hdcat::catalog::validation
