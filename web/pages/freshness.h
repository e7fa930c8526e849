// Freshness of a dataset: whether its last update is older than its declared
// update frequency lets one expect.
//
// A dataset is stale when today is later than last_updated + one frequency
// interval + the typical lag (the time between the period's end and the
// release) + a grace of a quarter interval (at least seven days). Frequencies
// without a regular interval (IRREG, NEVER, UNKNOWN, continuous updates) are
// never flagged. Dates may be "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a partial
// date counts from its last day); durations are ISO 8601 (P1Y2M10D, P6W),
// months counted as 30.44 days.
//
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <optional>

#include "base/json.h"

namespace hdcat::web {

// The last day a partial or full ISO date covers, or nullopt when unreadable.
std::optional<std::chrono::sys_days> LastDayOf(std::string_view date);

// Days in an ISO 8601 duration (date part; time part ignored), nullopt when unreadable.
std::optional<double> DurationDays(std::string_view duration);

// The regular interval of an EU frequency code in days, nullopt when irregular.
std::optional<double> FrequencyDays(std::string_view frequency);

struct Freshness {
  bool known = false;  // last_updated and a regular frequency are both given
  bool stale = false;
  long days_since_update = 0;
  long expected_within_days = 0;  // interval + lag + grace
};

// `update` is the model's update object; `today` the current date.
Freshness AssessFreshness(const Json& update, std::chrono::sys_days today);

}  // namespace hdcat::web
