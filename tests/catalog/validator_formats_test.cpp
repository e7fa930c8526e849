// The "format" values the metadata schemas use.
#include <catch2/catch.hpp>

#include "catalog/validation/formats.h"

namespace hdcat::catalog::validation {
namespace {

struct FormatCase {
  Format format;
  const char* value;
  bool valid;
};

const FormatCase kCases[] = {
    {Format::kDate, "2024", true},
    {Format::kDate, "2024-03", true},
    {Format::kDate, "2024-03-31", true},
    {Format::kDate, "2024-02-29", true},   // leap year
    {Format::kDate, "2000-02-29", true},   // divisible by 400
    {Format::kDate, "2023-02-29", false},
    {Format::kDate, "1900-02-29", false},  // divisible by 100 only
    {Format::kDate, "2024-04-31", false},
    {Format::kDate, "2024-13-01", false},
    {Format::kDate, "2024-00", false},
    {Format::kDate, "2024-3-1", false},
    {Format::kDate, "24", false},
    {Format::kDate, "2024/03/31", false},
    {Format::kDate, "2024-03-31T00:00:00Z", false},
    {Format::kDate, "令和6年", false},
    {Format::kDateTime, "2024-03-31T09:00:00Z", true},
    {Format::kDateTime, "2024-03-31T09:00:00.123+09:00", true},
    {Format::kDateTime, "2024-03-31t09:00:00z", true},
    {Format::kDateTime, "2016-12-31T23:59:60Z", true},  // leap second
    {Format::kDateTime, "2024-03-31T09:00:00", false},  // offset is mandatory
    {Format::kDateTime, "2024-03-31 09:00:00Z", false},
    {Format::kDateTime, "2024-03-31T24:00:00Z", false},
    {Format::kDateTime, "2024-02-30T09:00:00Z", false},
    {Format::kDateTime, "2024-03-31T09:00:00+0900", false},
    {Format::kDateTime, "2024-03-31T09:00:00.Z", false},
    {Format::kUri, "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000135460.html", true},
    {Format::kUri, "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", true},
    {Format::kUri, "https://doi.org/10.1000/182", true},
    {Format::kUri, "mailto:info@example.jp", true},
    {Format::kUri, "https://example.jp/%E7%B3%96", true},
    {Format::kUri, "www.example.jp", false},        // no scheme
    {Format::kUri, "/relative/path", false},
    {Format::kUri, "https://example.jp/a b", false}, // space
    {Format::kUri, "https://example.jp/糖尿病", false},  // IRI, not URI
    {Format::kUri, "https:/example.jp", false},
    {Format::kUri, "https://", false},
    {Format::kUri, "1http://x", false},
    {Format::kUri, "https://example.jp/%zz", false},
    {Format::kEmail, "info@example.jp", true},
    {Format::kEmail, "first.last+tag@sub.example.go.jp", true},
    {Format::kEmail, "info@example", false},
    {Format::kEmail, "info.example.jp", false},
    {Format::kEmail, "a@@example.jp", false},
    {Format::kEmail, ".a@example.jp", false},
    {Format::kEmail, "a b@example.jp", false},
    {Format::kEmail, "a@-example.jp", false},
    {Format::kEmail, "a@example..jp", false},
    {Format::kDuration, "P3M", true},
    {Format::kDuration, "P1Y2M10D", true},
    {Format::kDuration, "PT36H", true},
    {Format::kDuration, "P2W", true},
    {Format::kDuration, "P1DT12H30M5.5S", true},
    {Format::kDuration, "P0.5Y", true},
    {Format::kDuration, "P", false},
    {Format::kDuration, "PT", false},
    {Format::kDuration, "P1DT", false},
    {Format::kDuration, "3M", false},
    {Format::kDuration, "P3", false},
    {Format::kDuration, "PM3", false},
    {Format::kDuration, "P1M1Y", false},   // units out of order
    {Format::kDuration, "P1H", false},     // hours need T
    {Format::kDuration, "P0.5Y1M", false}, // only the last unit may have a fraction
    {Format::kDuration, "p3m", false},
};

TEST_CASE("formats accept and reject as specified", "[validator][formats]") {
  for (const auto& c : kCases) {
    INFO(FormatName(c.format) << " " << c.value);
    CHECK(MatchesFormat(c.format, c.value) == c.valid);
  }
}

TEST_CASE("format names", "[validator][formats]") {
  CHECK(ParseFormatName("date") == Format::kDate);
  CHECK(ParseFormatName("date-time") == Format::kDateTime);
  CHECK(ParseFormatName("uri") == Format::kUri);
  CHECK(ParseFormatName("email") == Format::kEmail);
  CHECK(ParseFormatName("duration") == Format::kDuration);
  CHECK_FALSE(ParseFormatName("uri-reference").has_value());
  CHECK_FALSE(ParseFormatName("time").has_value());
}

}  // namespace
}  // namespace hdcat::catalog::validation
