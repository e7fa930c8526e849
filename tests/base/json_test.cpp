#include <catch2/catch.hpp>

#include "base/json.h"

using hdcat::ErrorKind;
using hdcat::ParseJson;

TEST_CASE("canonical JSON sorts keys and is stable", "[json]") {
  auto a = ParseJson(R"({"b":1,"a":{"y":[1,2],"x":"糖尿病"}})");
  auto b = ParseJson(R"({ "a" : { "x" : "糖尿病", "y" : [1, 2] }, "b" : 1 })");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(hdcat::CanonicalJson(*a) == hdcat::CanonicalJson(*b));
  CHECK(hdcat::CanonicalJson(*a) == R"({"a":{"x":"糖尿病","y":[1,2]},"b":1})");
}

TEST_CASE("malformed JSON reports where", "[json]") {
  auto result = ParseJson(R"({"title": })");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == ErrorKind::kInvalidInput);
  CHECK_THAT(result.error().message, Catch::Contains("byte 11"));
}

TEST_CASE("oversized, too deep and non-UTF-8 documents are refused", "[json]") {
  hdcat::JsonLimits limits;
  limits.max_bytes = 16;
  CHECK(ParseJson(R"({"title": "0123456789"})", limits).error().kind == ErrorKind::kTooLarge);

  std::string deep(100, '[');
  deep += std::string(100, ']');
  auto too_deep = ParseJson(deep);
  REQUIRE_FALSE(too_deep.ok());
  CHECK_THAT(too_deep.error().message, Catch::Contains("nests deeper"));

  auto bad_utf8 = ParseJson("{\"title\": \"\xff\"}");
  REQUIRE_FALSE(bad_utf8.ok());
  CHECK_THAT(bad_utf8.error().message, Catch::Contains("UTF-8"));
}

TEST_CASE("brackets inside strings do not count as nesting", "[json]") {
  std::string text = "{\"a\": \"" + std::string(200, '[') + "\"}";
  CHECK(ParseJson(text).ok());
}
