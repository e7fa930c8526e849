#include "catalog/validation/formats.h"

#include <cctype>
#include <cstddef>

namespace hdcat::catalog::validation {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads exactly `count` digits at `pos` into `out`.
bool Digits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(s[i])) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsFullDate(std::string_view s) {
  int year, month, day;
  return s.size() == 10 && Digits(s, 0, 4, year) && s[4] == '-' && Digits(s, 5, 2, month) && s[7] == '-' &&
         Digits(s, 8, 2, day) && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

}  // namespace

std::optional<Format> ParseFormatName(std::string_view name) {
  if (name == "date") return Format::kDate;
  if (name == "date-time") return Format::kDateTime;
  if (name == "uri") return Format::kUri;
  if (name == "email") return Format::kEmail;
  if (name == "duration") return Format::kDuration;
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kDate: return "date";
    case Format::kDateTime: return "date-time";
    case Format::kUri: return "URI";
    case Format::kEmail: return "e-mail address";
    case Format::kDuration: return "ISO 8601 duration";
  }
  return "value";
}

std::string_view FormatExpectation(Format format) {
  switch (format) {
    case Format::kDate: return "a date YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03-31";
    case Format::kDateTime: return "an RFC 3339 date-time, e.g. 2024-03-31T09:00:00Z";
    case Format::kUri: return "an absolute URI with a scheme, e.g. https://example.jp/page (spaces and non-ASCII percent-encoded)";
    case Format::kEmail: return "an e-mail address, e.g. info@example.jp";
    case Format::kDuration: return "an ISO 8601 duration, e.g. P3M, P1Y, PT12H";
  }
  return "";
}

bool MatchesFormat(Format format, std::string_view value) {
  switch (format) {
    case Format::kDate: return IsValidDate(value);
    case Format::kDateTime: return IsValidDateTime(value);
    case Format::kUri: return IsValidUri(value);
    case Format::kEmail: return IsValidEmail(value);
    case Format::kDuration: return IsValidDuration(value);
  }
  return false;
}

bool IsValidDate(std::string_view s) {
  int year, month;
  if (s.size() == 4) return Digits(s, 0, 4, year);
  if (s.size() == 7) return Digits(s, 0, 4, year) && s[4] == '-' && Digits(s, 5, 2, month) && month >= 1 && month <= 12;
  return IsFullDate(s);
}

bool IsValidDateTime(std::string_view s) {
  if (s.size() < 20 || !IsFullDate(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't')) return false;
  int hour, minute, second;
  if (!Digits(s, 11, 2, hour) || s[13] != ':' || !Digits(s, 14, 2, minute) || s[16] != ':' ||
      !Digits(s, 17, 2, second)) {
    return false;
  }
  if (hour > 23 || minute > 59 || second > 60) return false;  // 60: a leap second
  std::size_t pos = 19;
  if (s[pos] == '.') {
    std::size_t start = ++pos;
    while (pos < s.size() && IsDigit(s[pos])) ++pos;
    if (pos == start) return false;
  }
  if (pos >= s.size()) return false;  // the offset is mandatory in RFC 3339
  if (s[pos] == 'Z' || s[pos] == 'z') return pos + 1 == s.size();
  if (s[pos] != '+' && s[pos] != '-') return false;
  int offset_hour, offset_minute;
  return s.size() == pos + 6 && Digits(s, pos + 1, 2, offset_hour) && s[pos + 3] == ':' &&
         Digits(s, pos + 4, 2, offset_minute) && offset_hour <= 23 && offset_minute <= 59;
}

bool IsValidUri(std::string_view s) {
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':' and a non-empty rest.
  if (s.empty() || !IsAlpha(s[0])) return false;
  std::size_t colon = 1;
  while (colon < s.size() && (IsAlpha(s[colon]) || IsDigit(s[colon]) || s[colon] == '+' || s[colon] == '-' ||
                              s[colon] == '.')) {
    ++colon;
  }
  if (colon >= s.size() || s[colon] != ':' || colon + 1 == s.size()) return false;
  for (std::size_t i = colon + 1; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}') {
      return false;
    }
    if (c == '%' && (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
                     !std::isxdigit(static_cast<unsigned char>(s[i + 2])))) {
      return false;
    }
  }
  // "http:" and "https:" need an authority: "https:/x" is a typo, not a URI anyone can open.
  std::string_view scheme = s.substr(0, colon);
  if ((scheme == "http" || scheme == "https") && (s.substr(colon + 1, 2) != "//" || s.size() <= colon + 3)) {
    return false;
  }
  return true;
}

bool IsValidEmail(std::string_view s) {
  std::size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = s.substr(0, at);
  std::string_view domain = s.substr(at + 1);
  static constexpr std::string_view kLocalSpecials = "!#$%&'*+-/=?^_`{|}~.";
  for (char c : local) {
    if (!IsAlpha(c) && !IsDigit(c) && kLocalSpecials.find(c) == std::string_view::npos) return false;
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  // Domain: dot-separated labels of letters, digits and inner hyphens, at least two labels.
  if (domain.empty() || domain.find('.') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    std::string_view label = domain.substr(start, end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      if (!IsAlpha(c) && !IsDigit(c) && c != '-') return false;
    }
    start = end + 1;
  }
  return true;
}

bool IsValidDuration(std::string_view s) {
  // P[nY][nM][nW][nD][T[nH][nM][n[.f]S]] with at least one component, and a
  // component after T when T is present.
  if (s.size() < 3 || s[0] != 'P') return false;
  static constexpr std::string_view kDateUnits = "YMWD";
  static constexpr std::string_view kTimeUnits = "HMS";
  bool in_time = false;
  bool any = false;
  bool any_time = false;
  std::size_t last_unit = 0;  // enforces unit order within each part
  for (std::size_t pos = 1; pos < s.size();) {
    if (s[pos] == 'T') {
      if (in_time) return false;
      in_time = true;
      last_unit = 0;
      ++pos;
      continue;
    }
    std::size_t start = pos;
    while (pos < s.size() && IsDigit(s[pos])) ++pos;
    if (pos == start) return false;
    bool fraction = false;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      std::size_t fraction_start = ++pos;
      while (pos < s.size() && IsDigit(s[pos])) ++pos;
      if (pos == fraction_start) return false;
      fraction = true;
    }
    if (pos >= s.size()) return false;
    std::string_view units = in_time ? kTimeUnits : kDateUnits;
    std::size_t unit = units.find(s[pos]);
    if (unit == std::string_view::npos || unit + 1 <= last_unit) return false;
    last_unit = unit + 1;
    ++pos;
    if (fraction && pos != s.size()) return false;  // only the smallest unit may have a fraction
    any = true;
    if (in_time) any_time = true;
  }
  return any && (!in_time || any_time);
}

}  // namespace hdcat::catalog::validation
