// Disclosure control for published counts.
//
// Every count the catalog shows or exports (records, individuals, age-band ×
// sex cells, prefecture cells, counts per code, per year) passes through
// PublishableCount. A count below the threshold could single out a person, so
// it is suppressed: the caller shows "suppressed" (or "< threshold") and never
// the number itself. Counts at or above the threshold are published as given.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>

namespace hdcat::catalog {

// The threshold used when the operator configures none.
inline constexpr std::int64_t kDefaultDisclosureThreshold = 10;

// The count when it may be published, nullopt when it must be suppressed.
// Negative counts are nonsense and are suppressed too. A threshold below 1 is
// treated as 1, so zero is never published as an exact value either.
std::optional<std::int64_t> PublishableCount(std::int64_t count,
                                             std::int64_t threshold = kDefaultDisclosureThreshold);

}  // namespace hdcat::catalog
