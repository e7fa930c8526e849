#include "harvesters/scheduler/schedule.h"

#include <cctype>
#include <cstdio>

namespace hdcat::harvesters {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kMinimumInterval = 60;

Error BadSchedule(std::string_view text, std::string why) {
  Error error = InvalidInput("schedule \"" + std::string(text) + "\" " + why);
  error.expected = "an ISO 8601 duration such as PT6H or P1D, daily@HH:MM (UTC), or manual";
  return error;
}

// "P1DT6H30M" -> seconds; nullopt when malformed.
std::optional<std::int64_t> ParseDuration(std::string_view text) {
  if (text.size() < 3 || text[0] != 'P') return std::nullopt;
  std::int64_t total = 0;
  bool in_time = false, any = false;
  std::int64_t number = -1;
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      number = (number < 0 ? 0 : number) * 10 + (c - '0');
      if (number > 10'000'000) return std::nullopt;
      continue;
    }
    if (c == 'T') {
      if (in_time || number >= 0) return std::nullopt;
      in_time = true;
      continue;
    }
    if (number < 0) return std::nullopt;
    std::int64_t unit = 0;
    if (!in_time && c == 'D') unit = kDay;
    else if (!in_time && c == 'W') unit = 7 * kDay;
    else if (in_time && c == 'H') unit = 3600;
    else if (in_time && c == 'M') unit = 60;
    else if (in_time && c == 'S') unit = 1;
    else return std::nullopt;
    total += number * unit;
    number = -1;
    any = true;
  }
  if (!any || number >= 0 || text.back() == 'T') return std::nullopt;
  return total;
}

// Floor division for possibly negative numerators.
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Result<Schedule> Schedule::Parse(std::string_view text) {
  Schedule schedule;
  if (text == "manual") {
    schedule.text_ = "manual";
    return schedule;
  }
  if (text.starts_with("daily@")) {
    std::string_view clock = text.substr(6);
    if (clock.size() != 5 || clock[2] != ':' || !std::isdigit(static_cast<unsigned char>(clock[0])) ||
        !std::isdigit(static_cast<unsigned char>(clock[1])) || !std::isdigit(static_cast<unsigned char>(clock[3])) ||
        !std::isdigit(static_cast<unsigned char>(clock[4]))) {
      return BadSchedule(text, "has a malformed time of day");
    }
    int hour = (clock[0] - '0') * 10 + (clock[1] - '0');
    int minute = (clock[3] - '0') * 10 + (clock[4] - '0');
    if (hour > 23 || minute > 59) return BadSchedule(text, "has a time of day out of range");
    schedule.kind_ = Kind::kDaily;
    schedule.daily_minute_ = hour * 60 + minute;
    schedule.text_ = std::string(text);
    return schedule;
  }
  auto seconds = ParseDuration(text);
  if (!seconds) return BadSchedule(text, "is not understood");
  if (*seconds < kMinimumInterval) return BadSchedule(text, "is shorter than one minute");
  schedule.kind_ = Kind::kInterval;
  schedule.interval_seconds_ = *seconds;
  schedule.text_ = std::string(text);
  return schedule;
}

std::optional<std::int64_t> Schedule::NextRun(std::int64_t planned, std::int64_t now) const {
  switch (kind_) {
    case Kind::kManual:
      return std::nullopt;
    case Kind::kInterval: {
      // Smallest k >= 1 with planned + k * interval > now.
      std::int64_t k = now < planned ? 1 : FloorDiv(now - planned, interval_seconds_) + 1;
      if (k < 1) k = 1;
      return planned + k * interval_seconds_;
    }
    case Kind::kDaily: {
      std::int64_t after = planned > now ? planned : now;
      std::int64_t slot = FloorDiv(after, kDay) * kDay + static_cast<std::int64_t>(daily_minute_) * 60;
      while (slot <= after) slot += kDay;
      return slot;
    }
  }
  return std::nullopt;
}

}  // namespace hdcat::harvesters
