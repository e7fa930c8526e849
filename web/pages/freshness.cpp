#include "web/pages/freshness.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>

namespace hdcat::web {
namespace {

constexpr double kDaysPerMonth = 30.44;
constexpr double kDaysPerYear = 365.25;
constexpr double kMinimumGraceDays = 7;

std::optional<int> Digits(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<std::chrono::sys_days> LastDayOf(std::string_view date) {
  using namespace std::chrono;
  auto year = Digits(date.substr(0, 4));
  if (!year || date.size() < 4) return std::nullopt;
  if (date.size() == 4) return sys_days(std::chrono::year(*year) / December / 31);
  if (date.size() < 7 || date[4] != '-') return std::nullopt;
  auto month = Digits(date.substr(5, 2));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (date.size() == 7) return sys_days(std::chrono::year(*year) / std::chrono::month(*month) / last);
  if (date.size() < 10 || date[7] != '-') return std::nullopt;
  auto day = Digits(date.substr(8, 2));
  if (!day) return std::nullopt;
  year_month_day ymd{std::chrono::year(*year), std::chrono::month(*month), std::chrono::day(*day)};
  if (!ymd.ok()) return std::nullopt;
  return sys_days(ymd);
}

std::optional<double> DurationDays(std::string_view duration) {
  if (duration.size() < 3 || duration[0] != 'P') return std::nullopt;
  double days = 0;
  std::string number;
  bool any = false;
  for (std::size_t i = 1; i < duration.size(); ++i) {
    char c = duration[i];
    if (c == 'T') break;
    if ((c >= '0' && c <= '9') || c == '.') {
      number += c;
      continue;
    }
    double value = 0;
    auto parsed = std::from_chars(number.data(), number.data() + number.size(), value);
    if (number.empty() || number.size() > 9 || parsed.ec != std::errc() || parsed.ptr != number.data() + number.size()) {
      return std::nullopt;
    }
    number.clear();
    switch (c) {
      case 'Y': days += value * kDaysPerYear; break;
      case 'M': days += value * kDaysPerMonth; break;
      case 'W': days += value * 7; break;
      case 'D': days += value; break;
      default: return std::nullopt;
    }
    any = true;
  }
  if (!number.empty() || !any) return std::nullopt;
  return days;
}

std::optional<double> FrequencyDays(std::string_view frequency) {
  static constexpr std::array<std::pair<std::string_view, double>, 22> kIntervals = {{
      {"HOURLY", 1},       {"BIHOURLY", 1},    {"TRIHOURLY", 1},    {"12HRS", 1},
      {"DAILY_2", 1},      {"DAILY", 1},       {"WEEKLY_5", 7},     {"WEEKLY_3", 7},
      {"WEEKLY_2", 7},     {"WEEKLY", 7},      {"BIWEEKLY", 14},    {"MONTHLY_3", 30.44},
      {"MONTHLY_2", 30.44}, {"MONTHLY", 30.44}, {"BIMONTHLY", 60.88}, {"QUARTERLY", 91.31},
      {"ANNUAL_3", 182.63}, {"ANNUAL_2", 182.63}, {"ANNUAL", 365.25}, {"BIENNIAL", 730.5},
      {"TRIENNIAL", 1095.75}, {"QUINQUENNIAL", 1826.25},
  }};
  for (const auto& [code, days] : kIntervals) {
    if (code == frequency) return days;
  }
  if (frequency == "QUADRENNIAL") return 4 * kDaysPerYear;
  return std::nullopt;
}

Freshness AssessFreshness(const Json& update, std::chrono::sys_days today) {
  Freshness freshness;
  if (!update.is_object()) return freshness;
  auto last = LastDayOf(update.value("last_updated", ""));
  auto interval = FrequencyDays(update.value("frequency", ""));
  if (!last || !interval) return freshness;
  double lag = DurationDays(update.value("typical_lag", "")).value_or(0);
  double grace = std::max(kMinimumGraceDays, *interval / 4);
  freshness.known = true;
  freshness.days_since_update = static_cast<long>((today - *last).count());
  freshness.expected_within_days = static_cast<long>(std::ceil(*interval + lag + grace));
  freshness.stale = freshness.days_since_update > freshness.expected_within_days;
  return freshness;
}

}  // namespace hdcat::web
