// NormalizeText and NormalizeCode: the folds that make variant spellings meet.
#include <catch2/catch.hpp>

#include "base/utf8.h"
#include "search/text_normalizer.h"
#include "search/text_runs.h"

namespace hdcat::search {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

TEST_CASE("NormalizeText folds width, case, numerals and long vowels", "[search][normalize]") {
  const Case cases[] = {
      {"ＨｂＡ１ｃ", "hba1c"},
      {"HbA1c", "hba1c"},
      {"ＨｂＡ１ｃ（ＮＧＳＰ）", "hba1c(ngsp)"},
      {"２型糖尿病", "2型糖尿病"},
      {"Ⅱ型糖尿病", "2型糖尿病"},
      {"II型糖尿病", "2型糖尿病"},
      {"ii型", "2型"},
      {"二型糖尿病", "2型糖尿病"},
      {"第二期", "第2期"},
      {"Ⅻ期", "12期"},
      {"十二期", "12期"},
      {"ステージⅣ", "ステージiv"},  // no suffix: stays a word
      {"type II diabetes", "type 2 diabetes"},
      {"Stage IV cancer", "stage 4 cancer"},
      {"Louis XIV", "louis xiv"},
      {"vitamin D and iv drip", "vitamin d and iv drip"},
      {"a vivid xi", "a vivid xi"},
      {"統一型", "統一型"},
      {"ﾚｾﾌﾟﾄ", "レセプト"},
      {"ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン"},
      {"コンピューター", "コンピュータ"},
      {"サーバー", "サーバ"},
      {"コピー", "コピー"},
      {"データベース", "データベース"},  // ー is not trailing
      {"ヴァイタル", "バイタル"},
      {"ヴィ ヴ ヴェ ヴォ", "ビ ブ ベ ボ"},
      {"Ｅ１１．９", "e11.9"},
      {"髙橋", "高橋"},
      {"〜", "~"},
      {"−‐–", "---"},
      {"①型", "1型"},
      {"がん ガン 癌", "がん ガン 癌"},  // kana stay distinct: synonyms, not folds
      {"東京\u3000都", "東京 都"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(NormalizeText(c.input) == c.expected);
  }
}

TEST_CASE("NormalizeText can keep small kana variants apart", "[search][normalize]") {
  NormalizeOptions options;
  options.fold_small_kana_variants = false;
  CHECK(NormalizeText("ヴァイオリン", options) == "ヴァイオリン");
}

TEST_CASE("NormalizeText always returns valid UTF-8", "[search][normalize]") {
  const std::string inputs[] = {std::string("abc\xff\xfe"), std::string("\xe3\x81"), std::string("糖尿\xe7\xb3")};
  for (const std::string& input : inputs) CHECK(IsValidUtf8(NormalizeText(input)));
}

TEST_CASE("NormalizeCode gives one canonical code form", "[search][normalize]") {
  const Case cases[] = {
      {"E11.9", "E119"}, {"Ｅ１１．９", "E119"}, {"e11", "E11"}, {"K549-2", "K5492"},
      {"050030xx9900xx", "050030XX9900XX"}, {" 3D046000001906202 ", "3D046000001906202"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(NormalizeCode(c.input) == c.expected);
  }
}

TEST_CASE("SplitRuns separates CJK runs as Xapian does", "[search][normalize]") {
  auto runs = SplitRuns("東北メディカル・メガバンク hba1c値 e11.9");
  REQUIRE(runs.size() == 5);
  CHECK(runs[0].text == "東北メディカル");
  CHECK(runs[0].cjk);
  CHECK(runs[1].text == "メガバンク");
  CHECK(runs[2].text == "hba1c");
  CHECK_FALSE(runs[2].cjk);
  CHECK(runs[3].text == "値");
  CHECK(runs[4].text == "e11.9");
}

TEST_CASE("TruncateUtf8 never cuts a character", "[search][normalize]") {
  std::string text = "糖尿病";  // 9 bytes
  for (std::size_t limit = 0; limit <= text.size(); ++limit) {
    std::string cut = TruncateUtf8(text, limit);
    CHECK(IsValidUtf8(cut));
    CHECK(cut.size() <= limit);
    CHECK(cut.size() % 3 == 0);
  }
}

}  // namespace
}  // namespace hdcat::search
