// Next-run planning: from the planned time, skipping missed slots, never drifting.
#include <catch2/catch.hpp>

#include "harvesters/scheduler/schedule.h"

namespace hdcat::harvesters {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
// 2024-05-01T00:00:00Z
constexpr std::int64_t kMay1 = 1714521600;

TEST_CASE("next run is planned from the planned time, not the start time", "[schedule]") {
  struct Row {
    const char* schedule;
    std::int64_t planned;
    std::int64_t now;
    std::int64_t expected;
    const char* why;
  };
  const Row rows[] = {
      {"PT6H", kMay1, kMay1 + 17 * 60, kMay1 + 6 * kHour, "a run that started 17 min late does not shift the next"},
      {"PT6H", kMay1, kMay1, kMay1 + 6 * kHour, "on time"},
      {"PT6H", kMay1, kMay1 + 6 * kHour, kMay1 + 12 * kHour, "now exactly on the next slot: that slot is taken now"},
      {"PT6H", kMay1, kMay1 + 20 * kHour, kMay1 + 24 * kHour, "missed slots (6h, 12h, 18h) are skipped"},
      {"PT6H", kMay1, kMay1 - kHour, kMay1 + 6 * kHour, "queued early: still planned + interval"},
      {"PT30M", kMay1, kMay1 + 61 * 60, kMay1 + 90 * 60, "minutes"},
      {"P1D", kMay1 + 3 * kHour, kMay1 + 3 * kHour + 900, kMay1 + kDay + 3 * kHour, "daily interval keeps 03:00"},
      {"P1DT12H", kMay1, kMay1 + 1, kMay1 + kDay + 12 * kHour, "days and hours"},
      {"P1W", kMay1, kMay1 + 8 * kDay, kMay1 + 14 * kDay, "weeks skip a missed week"},
      {"daily@03:00", kMay1 + 3 * kHour, kMay1 + 3 * kHour + 900, kMay1 + kDay + 3 * kHour, "next day 03:00"},
      {"daily@03:00", kMay1 + 3 * kHour, kMay1 + 5 * kDay, kMay1 + 5 * kDay + 3 * kHour, "missed days skipped"},
      {"daily@03:00", kMay1, kMay1 + kHour, kMay1 + 3 * kHour, "first slot after both planned and now"},
      {"daily@23:59", kMay1 + 23 * kHour + 59 * 60, kMay1 + 23 * kHour + 59 * 60, kMay1 + kDay + 23 * kHour + 59 * 60,
       "a slot equal to now is not taken again"},
  };
  for (const auto& row : rows) {
    INFO(row.schedule << ": " << row.why);
    auto schedule = Schedule::Parse(row.schedule);
    REQUIRE(schedule.ok());
    auto next = schedule->NextRun(row.planned, row.now);
    REQUIRE(next.has_value());
    CHECK(*next == row.expected);
    CHECK(*next > row.now);
  }
}

TEST_CASE("repeated planning never drifts however late each run starts", "[schedule]") {
  auto schedule = Schedule::Parse("daily@02:30");
  REQUIRE(schedule.ok());
  std::int64_t planned = kMay1 + 2 * kHour + 30 * 60;
  for (int day = 0; day < 30; ++day) {
    std::int64_t started = planned + 15 * 60;  // every run starts 15 minutes late
    planned = *schedule->NextRun(planned, started);
    CHECK(planned % kDay == 2 * kHour + 30 * 60);
  }
  CHECK(planned == kMay1 + 30 * kDay + 2 * kHour + 30 * 60);
}

TEST_CASE("manual schedules are never planned", "[schedule]") {
  auto schedule = Schedule::Parse("manual");
  REQUIRE(schedule.ok());
  CHECK_FALSE(schedule->NextRun(kMay1, kMay1).has_value());
}

TEST_CASE("malformed schedules are refused", "[schedule]") {
  for (const char* text : {"", "6h", "PT", "P", "PT6", "PT0M", "PT30S", "P1H", "PTD", "daily@3:00", "daily@24:00",
                           "daily@12:60", "weekly", "P1DT", "PT6H6"}) {
    INFO(text);
    auto schedule = Schedule::Parse(text);
    CHECK_FALSE(schedule.ok());
    if (!schedule.ok()) CHECK(schedule.error().kind == ErrorKind::kInvalidInput);
  }
}

}  // namespace
}  // namespace hdcat::harvesters
