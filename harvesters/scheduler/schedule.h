// Schedule: when a source is harvested, and the next planned run.
//
// A schedule is written as
//   - an ISO 8601 duration of days, hours, minutes and seconds: "P1D",
//     "PT6H", "PT30M", "P1DT12H" (at least one minute);
//   - "daily@HH:MM": every day at that time of day, UTC;
//   - "manual": never scheduled, only run on request.
//
// NextRun plans from the PLANNED time of the run that was just queued, never
// from when a run actually started, so runs do not drift: an interval
// schedule gives planned + k * interval for the smallest k >= 1 that lies
// after `now` (slots missed while nothing ran are skipped, not caught up one
// by one); a daily schedule gives the first slot after both `planned` and
// `now`. Times are Unix seconds (UTC).
//
// Thread-safety: plain value type and pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace hdcat::harvesters {

class Schedule {
 public:
  enum class Kind { kInterval, kDaily, kManual };

  static Result<Schedule> Parse(std::string_view text);

  Kind kind() const { return kind_; }
  std::int64_t interval_seconds() const { return interval_seconds_; }
  int daily_minute() const { return daily_minute_; }  // minutes after 00:00 UTC
  // The canonical text ("PT6H", "daily@03:00", "manual").
  const std::string& text() const { return text_; }

  // The next planned run after a run planned at `planned`, as of `now`;
  // nullopt for a manual schedule.
  std::optional<std::int64_t> NextRun(std::int64_t planned, std::int64_t now) const;

 private:
  Kind kind_ = Kind::kManual;
  std::int64_t interval_seconds_ = 0;
  int daily_minute_ = 0;
  std::string text_;
};

}  // namespace hdcat::harvesters
