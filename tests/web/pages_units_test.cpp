// Page building blocks without a server: snippet sanitising, signed cookies,
// freshness, disclosure-controlled counts, yen formatting and charts.
#include <catch2/catch.hpp>

#include "web/pages/bar_chart.h"
#include "web/pages/freshness.h"
#include "web/pages/html_text.h"
#include "web/pages/page_keys.h"
#include "web/pages/view_text.h"

namespace hdcat::testing {

TEST_CASE("snippets keep only balanced <mark> elements", "[web][pages]") {
  struct Case {
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"糖尿病の<mark>HbA1c</mark>検査", "糖尿病の<mark>HbA1c</mark>検査"},
      {"a &lt;b&gt; &amp; <mark>c</mark>", "a &lt;b&gt; &amp; <mark>c</mark>"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"<mark>open", "<mark>open</mark>"},
      {"x</mark>y", "x&lt;/mark&gt;y"},
      {"<mark>a<mark>b</mark>", "<mark>a&lt;mark&gt;b</mark>"},
      {"<mark onclick=\"x\">a</mark>", "&lt;mark onclick=&quot;x&quot;&gt;a&lt;/mark&gt;"},
      {"R&D & more", "R&amp;D &amp; more"},
      {"&#x3c;&#60;", "&#x3c;&#60;"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(web::SafeSnippetHtml(c.in) == c.out);
  }
  CHECK(web::EscapeHtml("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
}

TEST_CASE("the basket cookie is signed and tampering empties it", "[web][pages]") {
  web::PageKeys keys("test-secret");
  std::vector<std::string> refs = {"mhlw/ndb-open-data", "ncc/national-cancer-registry"};
  std::string cookie = keys.EncodeBasket(refs);
  CHECK(keys.DecodeBasket(cookie) == refs);

  std::string tampered = cookie + "+jcs/jroad";
  CHECK(keys.DecodeBasket(tampered).empty());
  std::string flipped = cookie;
  flipped[0] = flipped[0] == 'a' ? 'b' : 'a';
  CHECK(keys.DecodeBasket(flipped).empty());
  CHECK(web::PageKeys("another-secret").DecodeBasket(cookie).empty());
  CHECK(keys.DecodeBasket("").empty());
  CHECK(keys.DecodeBasket(keys.EncodeBasket({"Not A Ref"})).empty());

  std::string token = keys.NewCsrfToken();
  CHECK(keys.ValidCsrfToken(token));
  CHECK_FALSE(web::PageKeys("another-secret").ValidCsrfToken(token));
  CHECK_FALSE(keys.ValidCsrfToken("0123." + keys.Sign("csrf", "4567")));
  CHECK(keys.NewCsrfToken() != token);
  // Without a configured secret each key set draws its own.
  CHECK_FALSE(web::PageKeys("").ValidCsrfToken(web::PageKeys("").NewCsrfToken()));
}

TEST_CASE("staleness follows the declared frequency and lag", "[web][pages]") {
  using namespace std::chrono;
  const sys_days today = sys_days(year(2025) / November / 1);
  struct Case {
    Json update;
    bool known;
    bool stale;
  };
  const Case cases[] = {
      {{{"frequency", "MONTHLY"}, {"last_updated", "2025-10-15"}}, true, false},
      {{{"frequency", "MONTHLY"}, {"last_updated", "2025-08-01"}}, true, true},
      {{{"frequency", "MONTHLY"}, {"typical_lag", "P6M"}, {"last_updated", "2025-06-01"}}, true, false},
      {{{"frequency", "ANNUAL"}, {"last_updated", "2024"}}, true, false},
      {{{"frequency", "ANNUAL"}, {"last_updated", "2023-03"}}, true, true},
      {{{"frequency", "IRREG"}, {"last_updated", "2001-01-01"}}, false, false},
      {{{"frequency", "CONT"}, {"last_updated", "2001-01-01"}}, false, false},
      {{{"frequency", "WEEKLY"}}, false, false},
      {{{"frequency", "WEEKLY"}, {"last_updated", "2025-13-01"}}, false, false},
  };
  for (const auto& c : cases) {
    INFO(c.update.dump());
    web::Freshness freshness = web::AssessFreshness(c.update, today);
    CHECK(freshness.known == c.known);
    CHECK(freshness.stale == c.stale);
  }
  CHECK(web::DurationDays("P1Y").value() == Approx(365.25));
  CHECK(web::DurationDays("P2W3D").value() == Approx(17));
  CHECK_FALSE(web::DurationDays("P.M").has_value());
  CHECK_FALSE(web::DurationDays("3M").has_value());
}

TEST_CASE("published counts never show a small number", "[web][pages]") {
  struct Case {
    std::int64_t count;
    std::string shown;
  };
  const Case cases[] = {{0, "<10"}, {1, "<10"}, {9, "<10"}, {10, "10"}, {1234567, "1,234,567"}, {-5, "<10"}};
  for (const auto& c : cases) {
    INFO(c.count);
    CHECK(web::PublishedCountText(c.count, 10) == c.shown);
  }
  CHECK(web::FormatJpy(0) == "¥0");
  CHECK(web::FormatJpy(1200000) == "¥1,200,000");
  CHECK(web::FormatNumber(-1234) == "-1,234");
  CHECK(web::DurationText("P6M", "ja") == "6か月");
  CHECK(web::DurationText("P1Y6M", "en") == "1 years 6 months");
  CHECK(web::DurationText("P2W", "en") == "2 weeks");
  CHECK(web::DurationText("PT5H", "en") == "PT5H");
  CHECK(web::DurationText("P6X", "ja") == "P6X");
}

TEST_CASE("charts escape labels and draw suppressed bars without length", "[web][pages]") {
  std::vector<web::ChartBar> bars = {{"<b>東京都</b>", 1200, "1,200"}, {"鳥取県", std::nullopt, "<10"}};
  std::string svg = web::BarChartSvg(bars, "都道府県 & 件数", "chart-x");
  CHECK(svg.find("&lt;b&gt;東京都&lt;/b&gt;") != std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("&lt;10") != std::string::npos);
  CHECK(svg.find("class=\"chart-suppressed\"") != std::string::npos);
  CHECK(svg.find("都道府県 &amp; 件数") != std::string::npos);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
}

}  // namespace hdcat::testing
