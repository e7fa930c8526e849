// The pages against a real server: bilingual rendering from the samples,
// disclosure control, escaping, comparison limits and the basket with CSRF.
#include <catch2/catch.hpp>

#include <regex>

#include "catalog/pg/connection.h"
#include "harvesters/jobs/source_store.h"
#include "tests/web/pages_fixture.h"
#include "tests/web/server_test_client.h"
#include "web/server/request_target.h"

namespace hdcat::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The value of cookie `name` from the Set-Cookie lines of a response ("" when not set).
std::string SetCookieValue(const TestResponse& response, const std::string& name) {
  std::string lines = response.header("set-cookie");
  std::size_t at = 0;
  while ((at = lines.find(name + "=", at)) != std::string::npos) {
    if (at == 0 || lines[at - 1] == '\n' || lines[at - 1] == ' ') {
      std::size_t start = at + name.size() + 1;
      return lines.substr(start, lines.find_first_of(";\n", start) - start);
    }
    at += name.size();
  }
  return "";
}

// The csrf form field of a page.
std::string CsrfField(const std::string& html) {
  std::smatch match;
  static const std::regex kField("name=\"csrf\" value=\"([0-9a-f]+\\.[0-9a-f]+)\"");
  return std::regex_search(html, match, kField) ? match[1].str() : "";
}

std::string FormBody(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) body += (body.empty() ? "" : "&") + name + "=" + web::PercentEncode(value);
  return body;
}

TestResponse Post(std::uint16_t port, const std::string& target, const std::string& cookies, const std::string& body) {
  TestConnection connection(port);
  return connection.Request("POST", target,
                            {{"Cookie", cookies}, {"Content-Type", "application/x-www-form-urlencoded"}}, body);
}

PagesSetup SampleSetup() {
  PagesSetup setup;
  setup.holders = {"mhlw", "ncgm", "ncc", "sakura-univ-hospital", "jcs"};
  setup.datasets = {"mhlw/ndb-special-extraction", "mhlw/ndb-open-data",  "mhlw/pediatric-chronic-disease-db",
                    "mhlw/intractable-disease-db", "ncgm/j-dreams",       "ncc/national-cancer-registry",
                    "sakura-univ-hospital/ssmix2-research-db",           "jcs/jroad"};
  return setup;
}

}  // namespace

TEST_CASE("the pages render in Japanese and English from the samples", "[web][pages][pg]") {
  PagesServer running(SampleSetup());
  struct Case {
    std::string target;
    std::string japanese;
    std::string english;
  };
  const Case cases[] = {
      {"/search?q=NDB", "匿名医療保険等関連情報データベース（NDB）特別抽出", "Results"},
      {"/search", "検索結果", "Results"},
      {"/datasets/mhlw/ndb-special-extraction", "匿名医療保険等関連情報データベース（NDB）特別抽出", "Variables"},
      {"/datasets/mhlw/ndb-special-extraction/versions", "版の履歴", "Version history"},
      {"/holders", "データ保有機関", "Data holders"},
      {"/holders/mhlw", "指定難病患者データベース", "Datasets"},
      {"/compare?ids=mhlw/ndb-special-extraction,ncgm/j-dreams", "データセットの比較", "Compare datasets"},
      {"/basket", "利用申請かご", "Basket"},
  };
  for (const auto& c : cases) {
    INFO(c.target);
    auto japanese = HttpGet(running.port(), c.target);
    REQUIRE(japanese.status == 200);
    CHECK(Contains(japanese.body, "<html lang=\"ja\">"));
    CHECK(Contains(japanese.body, c.japanese));
    CHECK(Contains(japanese.body, "hreflang=\"en\""));
    std::string english_target = c.target + (Contains(c.target, "?") ? "&" : "?") + "lang=en";
    auto english = HttpGet(running.port(), english_target);
    REQUIRE(english.status == 200);
    CHECK(Contains(english.body, "<html lang=\"en\">"));
    CHECK(Contains(english.body, c.english));
  }
}

TEST_CASE("the dataset page shows variables, coding systems, access and JSON-LD", "[web][pages][pg]") {
  PagesServer running(SampleSetup());
  auto page = HttpGet(running.port(), "/datasets/mhlw/ndb-special-extraction");
  REQUIRE(page.status == 200);
  CHECK(Contains(page.body, "3D046000001906202"));                         // a JLAC10 example code
  CHECK(Contains(page.body, "http://medis.or.jp/CodeSystem/master-JLAC10-17digits"));
  CHECK(Contains(page.body, "レセプト情報・特定健診等情報データベース"));  // an alternative title
  CHECK(Contains(page.body, "<script type=\"application/ld+json\">{"));
  CHECK(Contains(page.body, "\"@type\":\"Dataset\""));
  CHECK(Contains(page.body, "action=\"/basket/add\""));
  CHECK(Contains(page.body, "/datasets/mhlw/ndb-special-extraction/versions"));

  auto english = HttpGet(running.port(), "/datasets/ncgm/j-dreams?lang=en");
  REQUIRE(english.status == 200);
  CHECK(Contains(english.body, "3D046000001906202"));
  CHECK(Contains(english.body, "Update frequency"));

  CHECK(HttpGet(running.port(), "/datasets/mhlw/no-such-dataset").status == 404);
  CHECK(HttpGet(running.port(), "/datasets/mhlw/ndb-special-extraction?bogus=1").status == 400);
}

TEST_CASE("small counts never appear exactly on a dataset page", "[web][pages][pg]") {
  PagesServer running(SampleSetup());
  struct Case {
    std::string target;
    std::string suppressed_row;  // the table row label whose count is below 10
    std::vector<std::string> small;
  };
  const Case cases[] = {
      {"/datasets/mhlw/pediatric-chronic-disease-db", "20-24 男性", {"6", "3"}},
      {"/datasets/mhlw/pediatric-chronic-disease-db?lang=en", "20-24 female", {"6", "3"}},
      {"/datasets/sakura-univ-hospital/ssmix2-research-db", "東京都", {"7", "5"}},
      {"/datasets/mhlw/intractable-disease-db", "鳥取県", {"6", "9", "4"}},
  };
  for (const auto& c : cases) {
    INFO(c.target);
    auto page = HttpGet(running.port(), c.target);
    REQUIRE(page.status == 200);
    // Codes elsewhere on the page may be small numbers; counts live in the statistics section.
    std::size_t start = page.body.find("id=\"statistics-heading\"");
    REQUIRE(start != std::string::npos);
    std::string statistics = page.body.substr(start, page.body.find("</section>", start) - start);
    CHECK(Contains(statistics, "<th scope=\"row\">" + c.suppressed_row + "</th><td>&lt;10"));
    for (const auto& number : c.small) {
      INFO(number);
      CHECK_FALSE(Contains(statistics, ">" + number + "<"));
      CHECK_FALSE(Contains(statistics, ">" + number + " <"));
      CHECK_FALSE(Contains(statistics, ">" + number + " ("));
    }
  }
}

TEST_CASE("comparing more than four datasets is refused", "[web][pages][pg]") {
  PagesServer running(SampleSetup());
  auto five = HttpGet(running.port(),
                      "/compare?ids=mhlw/ndb-special-extraction,mhlw/ndb-open-data,ncgm/j-dreams,jcs/jroad,"
                      "ncc/national-cancer-registry");
  CHECK(five.status == 400);
  CHECK(five.header("content-type") == "text/html; charset=utf-8");
  CHECK(Contains(five.body, "at most 4 datasets"));
  CHECK(HttpGet(running.port(), "/compare?ids=a/b,c/d,e/f,g/h,i/j").status == 400);

  auto four = HttpGet(running.port(),
                      "/compare?ids=mhlw/ndb-special-extraction,mhlw/ndb-open-data,ncgm/j-dreams,jcs/jroad&lang=en");
  REQUIRE(four.status == 200);
  CHECK(Contains(four.body, "Update frequency"));
  CHECK(Contains(four.body, "J-DREAMS"));
  CHECK(HttpGet(running.port(), "/compare").status == 400);
  CHECK(HttpGet(running.port(), "/compare?ids=mhlw/nothing-here").status == 404);
}

TEST_CASE("the basket works through POST forms with CSRF and a signed cookie", "[web][pages][pg]") {
  PagesServer running(SampleSetup());
  auto first = HttpGet(running.port(), "/datasets/mhlw/ndb-special-extraction");
  REQUIRE(first.status == 200);
  std::string csrf_cookie = SetCookieValue(first, "hdcat_csrf");
  REQUIRE_FALSE(csrf_cookie.empty());
  REQUIRE(CsrfField(first.body) == csrf_cookie);
  CHECK(Contains(first.header("set-cookie"), "HttpOnly"));
  CHECK(Contains(first.header("set-cookie"), "SameSite=Strict"));
  // The language choice and the CSRF token are two separate cookies of one response.
  auto switched = HttpGet(running.port(), "/datasets/mhlw/ndb-special-extraction?lang=en");
  CHECK(SetCookieValue(switched, "lang") == "en");
  CHECK_FALSE(SetCookieValue(switched, "hdcat_csrf").empty());

  std::string cookies = "hdcat_csrf=" + csrf_cookie;
  auto add = [&](const std::string& ref, const std::string& basket) {
    return Post(running.port(), "/basket/add", cookies + (basket.empty() ? "" : "; hdcat_basket=" + basket),
                FormBody({{"csrf", csrf_cookie}, {"dataset", ref}, {"return", "/basket"}}));
  };
  auto added = add("mhlw/ndb-special-extraction", "");
  REQUIRE(added.status == 303);
  CHECK(added.header("location") == "/basket");
  std::string basket = SetCookieValue(added, "hdcat_basket");
  REQUIRE_FALSE(basket.empty());
  auto added_again = add("ncgm/j-dreams", basket);
  REQUIRE(added_again.status == 303);
  basket = SetCookieValue(added_again, "hdcat_basket");

  auto listed = HttpGet(running.port(), "/basket", {{"Cookie", cookies + "; hdcat_basket=" + basket}});
  REQUIRE(listed.status == 200);
  CHECK(Contains(listed.body, "匿名医療保険等関連情報データベース（NDB）特別抽出"));
  CHECK(Contains(listed.body, "J-DREAMS"));
  CHECK(Contains(listed.body, "id=\"basket-mhlw\""));  // grouped by holder
  CHECK(Contains(listed.body, "id=\"basket-ncgm\""));
  CHECK(Contains(listed.body, "disabled"));

  SECTION("a POST without the CSRF token is refused") {
    auto no_field = Post(running.port(), "/basket/add", cookies,
                         FormBody({{"dataset", "ncgm/j-dreams"}, {"return", "/basket"}}));
    CHECK(no_field.status == 403);
    CHECK(SetCookieValue(no_field, "hdcat_basket").empty());
    auto no_cookie = Post(running.port(), "/basket/add", "",
                          FormBody({{"csrf", csrf_cookie}, {"dataset", "ncgm/j-dreams"}}));
    CHECK(no_cookie.status == 403);
    std::string forged = "00112233445566778899aabbccddeeff.0000";
    auto forged_both = Post(running.port(), "/basket/clear", "hdcat_csrf=" + forged, FormBody({{"csrf", forged}}));
    CHECK(forged_both.status == 403);
  }
  SECTION("remove and clear") {
    auto removed = Post(running.port(), "/basket/remove", cookies + "; hdcat_basket=" + basket,
                        FormBody({{"csrf", csrf_cookie}, {"dataset", "mhlw/ndb-special-extraction"}}));
    REQUIRE(removed.status == 303);
    std::string after = SetCookieValue(removed, "hdcat_basket");
    auto page = HttpGet(running.port(), "/basket", {{"Cookie", cookies + "; hdcat_basket=" + after}});
    CHECK_FALSE(Contains(page.body, "id=\"basket-mhlw\""));
    CHECK(Contains(page.body, "id=\"basket-ncgm\""));
    auto cleared = Post(running.port(), "/basket/clear", cookies + "; hdcat_basket=" + after,
                        FormBody({{"csrf", csrf_cookie}}));
    REQUIRE(cleared.status == 303);
    CHECK(Contains(cleared.header("set-cookie"), "Max-Age=0"));
  }
  SECTION("a tampered basket cookie is ignored") {
    std::string tampered = basket + "+jcs/jroad";
    auto page = HttpGet(running.port(), "/basket", {{"Cookie", cookies + "; hdcat_basket=" + tampered}});
    REQUIRE(page.status == 200);
    CHECK_FALSE(Contains(page.body, "id=\"basket-mhlw\""));
    CHECK_FALSE(Contains(page.body, "id=\"basket-jcs\""));
    std::string resigned = std::string(64, '0') + basket.substr(basket.find(':'));
    auto forged = HttpGet(running.port(), "/basket", {{"Cookie", cookies + "; hdcat_basket=" + resigned}});
    CHECK_FALSE(Contains(forged.body, "id=\"basket-mhlw\""));
  }
  SECTION("unknown datasets are not added") {
    CHECK(add("mhlw/no-such-dataset", basket).status == 404);
    CHECK(add("<script>", basket).status == 400);
  }
}

TEST_CASE("titles with markup are escaped in HTML and cannot break out of JSON-LD", "[web][pages][pg]") {
  Json hostile = SampleDataset("jcs/jroad");
  hostile["identifier"] = "hostile-title";
  hostile["title"] = {{"ja", "<script>alert('ja')</script>悪意"},
                      {"en", "</script><script>alert(\"en\")</script><!--"}};
  hostile["description"] = {{"ja", "<img src=x onerror=alert(1)>説明"}, {"en", "<b>bold</b> description"}};
  PagesSetup setup = SampleSetup();
  setup.extra_datasets = {hostile};
  PagesServer running(setup);

  for (std::string lang : {"ja", "en"}) {
    INFO(lang);
    auto page = HttpGet(running.port(), "/datasets/jcs/hostile-title?lang=" + lang);
    REQUIRE(page.status == 200);
    CHECK_FALSE(Contains(page.body, "<script>alert"));
    CHECK_FALSE(Contains(page.body, "<img src=x"));
    CHECK_FALSE(Contains(page.body, "<b>bold"));
    CHECK(Contains(page.body, lang == "ja" ? "&lt;script&gt;alert(&apos;ja&apos;)&lt;/script&gt;悪意"
                                           : "&lt;/script&gt;&lt;script&gt;alert(&quot;en&quot;)"));
    // Exactly one script element carries JSON-LD, and it ends where it should.
    std::size_t start = page.body.find("<script type=\"application/ld+json\">");
    REQUIRE(start != std::string::npos);
    std::size_t end = page.body.find("</script>", start);
    REQUIRE(end != std::string::npos);
    std::string json = page.body.substr(start + 35, end - start - 35);
    auto parsed = ParseJson(json);
    INFO(json.substr(0, 300));
    REQUIRE(parsed.ok());
    CHECK((*parsed)["name"].get<std::string>().find("<script>") != std::string::npos);
  }
  auto results = HttpGet(running.port(), "/search?q=hostile");
  REQUIRE(results.status == 200);
  CHECK_FALSE(Contains(results.body, "<script>alert"));
  auto compare = HttpGet(running.port(), "/compare?ids=jcs/hostile-title,jcs/jroad");
  REQUIRE(compare.status == 200);
  CHECK_FALSE(Contains(compare.body, "<script>alert"));
}

TEST_CASE("search shows facets that toggle filters, snippets and paging", "[web][pages][pg]") {
  PagesServer running(SampleSetup());
  auto all = HttpGet(running.port(), "/search?lang=en");
  REQUIRE(all.status == 200);
  CHECK(Contains(all.body, "Results: 8"));
  CHECK(Contains(all.body, "<h3>Holder</h3>"));
  CHECK(Contains(all.body, "href=\"/search?q=&amp;holder=mhlw&amp;lang=en\""));
  // Facet values read as names and labels, not codes, here and on the home page.
  CHECK(Contains(all.body, "holder=mhlw&amp;lang=en\"><span class=\"check\" aria-hidden=\"true\">☐</span> "
                           "Ministry of Health, Labour and Welfare</a>"));
  auto home = HttpGet(running.port(), "/?lang=ja");
  REQUIRE(home.status == 200);
  CHECK(Contains(home.body, "holder=mhlw&amp;lang=ja\">厚生労働省</a> <span class=\"count\">4</span>"));
  CHECK(Contains(home.body, "holder_type=ministry&amp;lang=ja\">府省庁</a>"));

  auto filtered = HttpGet(running.port(), "/search?q=&holder=mhlw&lang=en");
  REQUIRE(filtered.status == 200);
  CHECK(Contains(filtered.body, "Results: 4"));
  // The selected value links back to the unfiltered search; other holders keep their disjunctive counts.
  CHECK(Contains(filtered.body, "href=\"/search?q=&amp;lang=en\""));
  CHECK(Contains(filtered.body, "href=\"/search?q=&amp;holder=mhlw%2Cncgm&amp;lang=en\""));

  // Values of one facet are alternatives; facets narrow each other.
  auto either = HttpGet(running.port(), "/search?holder=mhlw,ncgm&lang=en");
  CHECK(Contains(either.body, "Results: 5"));
  CHECK(Contains(either.body, "<input type=\"hidden\" name=\"holder\" value=\"mhlw,ncgm\">"));

  auto matched = HttpGet(running.port(), "/search?q=" + web::PercentEncode("糖尿病"));
  REQUIRE(matched.status == 200);
  CHECK(Contains(matched.body, "<mark>"));
  CHECK(Contains(matched.body, "action=\"/basket/add\""));

  CHECK(HttpGet(running.port(), "/search?page=0").status == 400);
  CHECK(HttpGet(running.port(), "/search?page=999999999").status == 400);
  CHECK(HttpGet(running.port(), "/search?sort=evil").status == 400);
  CHECK(HttpGet(running.port(), "/search?nonsense=1").status == 400);
  auto sorted = HttpGet(running.port(), "/search?sort=title&page=1");
  CHECK(sorted.status == 200);
  CHECK(Contains(sorted.body, "<option value=\"title\" selected>"));
}

TEST_CASE("the version history shows differences between versions", "[web][pages][pg]") {
  PagesServer running(SampleSetup());
  Json changed = SampleDataset("ncgm/j-dreams");
  changed["title"]["en"] = "J-DREAMS, revised title";
  running.PutDataset(changed);
  auto history = HttpGet(running.port(), "/datasets/ncgm/j-dreams/versions?lang=en");
  REQUIRE(history.status == 200);
  CHECK(Contains(history.body, "diff=1..2"));
  auto diff = HttpGet(running.port(), "/datasets/ncgm/j-dreams/versions?diff=1..2&lang=en");
  REQUIRE(diff.status == 200);
  CHECK(Contains(diff.body, "<code>/title/en</code>"));
  CHECK(Contains(diff.body, "J-DREAMS, revised title"));
  CHECK(HttpGet(running.port(), "/datasets/ncgm/j-dreams/versions?diff=1..x").status == 400);

  // A small count that changes between versions is not revealed by the diff.
  Json counted = SampleDataset("mhlw/pediatric-chronic-disease-db");
  for (auto& cell : counted["statistics"]["age_sex"]) {
    if (cell["count"].get<std::int64_t>() == 6) cell["count"] = 8;
  }
  counted["version_notes"] = {{"ja", "件数の訂正"}, {"en", "count corrected"}};
  running.PutDataset(counted);
  auto small = HttpGet(running.port(), "/datasets/mhlw/pediatric-chronic-disease-db/versions?diff=1..2&lang=en");
  REQUIRE(small.status == 200);
  CHECK(Contains(small.body, "count corrected"));
  CHECK_FALSE(Contains(small.body, "<ins>8</ins>"));
  CHECK_FALSE(Contains(small.body, "<del>6</del>"));
  CHECK_FALSE(Contains(small.body, "/statistics/age_sex"));
  CHECK(HttpGet(running.port(), "/datasets/ncgm/j-dreams/versions?diff=1..9").status == 404);
}

TEST_CASE("holder pages list datasets and show harvest health only when recorded", "[web][pages][pg]") {
  PagesServer running(SampleSetup());
  auto before = HttpGet(running.port(), "/holders/ncgm");
  REQUIRE(before.status == 200);
  CHECK(Contains(before.body, "href=\"/datasets/ncgm/j-dreams?lang=ja\""));
  CHECK_FALSE(Contains(before.body, "harvest-heading"));

  auto conn = pg::Connection::Open(running.conninfo());
  REQUIRE(conn.ok());
  harvesters::SourceStore sources(**conn);
  harvesters::NewSource source;
  source.name = "ncgm-feed";
  source.holder = "ncgm";
  source.endpoint = "https://example.org/feed.json";
  source.format = "feed";
  auto added = sources.Add(source);
  INFO((added.ok() ? std::string() : added.error().ToString()));
  REQUIRE(added.ok());

  auto after = HttpGet(running.port(), "/holders/ncgm?lang=en");
  REQUIRE(after.status == 200);
  CHECK(Contains(after.body, "Harvest health"));
  CHECK(Contains(after.body, "<code>ncgm-feed</code>"));
  CHECK(Contains(after.body, "not run yet"));
  CHECK_FALSE(Contains(HttpGet(running.port(), "/holders/mhlw").body, "harvest-heading"));
  CHECK(HttpGet(running.port(), "/holders/nobody").status == 404);
}

}  // namespace hdcat::testing
