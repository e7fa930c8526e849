#include <catch2/catch.hpp>

#include "base/utf8.h"

using hdcat::FindInvalidUtf8;

TEST_CASE("well-formed UTF-8 is accepted", "[utf8]") {
  CHECK(hdcat::IsValidUtf8(""));
  CHECK(hdcat::IsValidUtf8("ascii"));
  CHECK(hdcat::IsValidUtf8("糖尿病 HbA1c ＨｂＡ１ｃ 𠮷"));
}

TEST_CASE("ill-formed UTF-8 is located", "[utf8]") {
  struct Case {
    std::string text;
    std::size_t offset;
  } cases[] = {
      {"ab\xff", 2},               // never valid
      {"\xc0\xaf", 0},             // overlong '/'
      {"x\xed\xa0\x80", 1},        // UTF-16 surrogate
      {"\xf4\x90\x80\x80", 0},     // above U+10FFFF
      {"ok\xe7\xb3", 2},           // truncated 3-byte sequence
      {"\xe7\xb3\x96\x80", 3},     // stray continuation byte
  };
  for (const auto& c : cases) {
    INFO(c.offset);
    CHECK(FindInvalidUtf8(c.text) == c.offset);
  }
}
