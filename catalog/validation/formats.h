// The string formats the metadata schemas use ("format" keyword).
//
//   date      YYYY, YYYY-MM or YYYY-MM-DD, checked against the calendar
//             (2023-02-29 is rejected, 2024-02-29 accepted)
//   date-time RFC 3339: 2024-03-31T09:00:00Z, fractions and offsets allowed
//   uri       absolute URI with a scheme (https://…, urn:…), ASCII, no spaces
//   email     local@domain.tld (addr-spec without quoted or comment forms)
//   duration  ISO 8601 duration: P3M, P1Y2M, PT36H, P2W, P1DT12H
//
// Thread-safety: free functions without shared state.
#pragma once

#include <optional>
#include <string_view>

namespace hdcat::catalog::validation {

enum class Format { kDate, kDateTime, kUri, kEmail, kDuration };

// nullopt when `name` is not one of the formats above.
std::optional<Format> ParseFormatName(std::string_view name);
std::string_view FormatName(Format format);
// How to write a valid value, for the "expected" part of a finding.
std::string_view FormatExpectation(Format format);

bool MatchesFormat(Format format, std::string_view value);

bool IsValidDate(std::string_view value);
bool IsValidDateTime(std::string_view value);
bool IsValidUri(std::string_view value);
bool IsValidEmail(std::string_view value);
bool IsValidDuration(std::string_view value);

}  // namespace hdcat::catalog::validation
