// Server-rendered pages: languages, the holder list from the store, escaping.
#include <catch2/catch.hpp>

#include "tests/web/server_fixture.h"
#include "tests/web/server_test_client.h"
#include "web/pages/language.h"
#include "web/pages/page_renderer.h"

namespace hdcat::testing {

TEST_CASE("the language comes from ?lang=, then the cookie, then Accept-Language", "[web][pages]") {
  struct Case {
    std::string lang_param;
    std::string cookie;
    std::string accept_language;
    std::string expected;
  };
  const Case cases[] = {
      {"", "", "", "ja"},
      {"en", "", "", "en"},
      {"ja", "en", "en", "ja"},
      {"", "en", "ja", "en"},
      {"", "", "en-GB,en;q=0.9", "en"},
      {"", "", "fr-FR, en;q=0.5, ja;q=0.8", "ja"},
      {"", "", "fr-FR, en;q=0.5", "en"},
      {"", "", "de", "ja"},
      {"xx", "yy", "EN-us", "en"},
      {"", "", "en;q=0", "ja"},
  };
  for (const auto& c : cases) {
    web::HttpRequest request;
    if (!c.lang_param.empty()) request.query.emplace_back("lang", c.lang_param);
    if (!c.cookie.empty()) request.cookies["lang"] = c.cookie;
    if (!c.accept_language.empty()) request.headers["accept-language"] = c.accept_language;
    INFO(c.lang_param << " | " << c.cookie << " | " << c.accept_language);
    CHECK(web::ChooseLanguage(request) == c.expected);
  }
}

TEST_CASE("templates and both message catalogues load and agree", "[web][pages]") {
  auto renderer = web::PageRenderer::Load();
  INFO((renderer.ok() ? std::string() : renderer.error().ToString()));
  REQUIRE(renderer.ok());
  CHECK((*renderer)->Message("ja", "search_button") == "検索");
  CHECK((*renderer)->Message("en", "search_button") == "Search");
}

TEST_CASE("the home page is bilingual and has a working search form", "[web][pages]") {
  TestServer running;
  auto japanese = HttpGet(running.port(), "/");
  REQUIRE(japanese.status == 200);
  CHECK(japanese.header("content-type") == "text/html; charset=utf-8");
  CHECK(japanese.body.find("<html lang=\"ja\">") != std::string::npos);
  CHECK(japanese.body.find("保健医療データを探す") != std::string::npos);
  CHECK(japanese.body.find("action=\"/search\"") != std::string::npos);
  CHECK(japanese.body.find("href=\"/?lang=en\"") != std::string::npos);
  CHECK(japanese.header("content-security-policy").find("default-src 'self'") != std::string::npos);

  auto english = HttpGet(running.port(), "/", {{"Accept-Language", "en-US,en;q=0.9"}});
  CHECK(english.body.find("<html lang=\"en\">") != std::string::npos);
  CHECK(english.body.find("Find health data") != std::string::npos);

  auto switched = HttpGet(running.port(), "/?lang=en", {{"Accept-Language", "ja"}});
  CHECK(switched.body.find("Find health data") != std::string::npos);
  CHECK(switched.header("set-cookie").find("lang=en") == 0);
  auto remembered = HttpGet(running.port(), "/", {{"Cookie", "lang=en"}, {"Accept-Language", "ja"}});
  CHECK(remembered.body.find("Find health data") != std::string::npos);
}

TEST_CASE("the holder list page shows the stored holders", "[web][pages]") {
  TestServer running(TestServerSetup{.sample_holders = {"jcs", "bbj"}});
  auto japanese = HttpGet(running.port(), "/holders");
  REQUIRE(japanese.status == 200);
  CHECK(japanese.body.find("一般社団法人日本循環器学会") != std::string::npos);
  CHECK(japanese.body.find("<code>bbj</code>") != std::string::npos);
  auto english = HttpGet(running.port(), "/holders?lang=en");
  CHECK(english.body.find("Japanese Circulation Society") != std::string::npos);
  CHECK(english.body.find("一般社団法人日本循環器学会") == std::string::npos);

  auto home = HttpGet(running.port(), "/?lang=en");
  CHECK(home.body.find("Data holders registered: 2") != std::string::npos);
}

TEST_CASE("the holder API lists and shows holders from the store", "[web][api]") {
  TestServer running(TestServerSetup{.sample_holders = {"jcs", "bbj"}});
  auto list = HttpGet(running.port(), "/api/v1/holders?limit=1&offset=1");
  REQUIRE(list.status == 200);
  CHECK(list.header("content-type") == "application/json");
  auto page = ParseJson(list.body);
  REQUIRE(page.ok());
  CHECK((*page)["total"] == 2);
  CHECK((*page)["limit"] == 1);
  REQUIRE((*page)["items"].size() == 1);
  CHECK((*page)["items"][0]["identifier"] == "jcs");

  auto show = HttpGet(running.port(), "/api/v1/holders/jcs");
  REQUIRE(show.status == 200);
  auto holder = ParseJson(show.body);
  REQUIRE(holder.ok());
  CHECK((*holder)["name"]["en"] == "Japanese Circulation Society");

  auto missing = HttpGet(running.port(), "/api/v1/holders/no-such-holder");
  CHECK(missing.status == 404);
  CHECK(missing.header("content-type") == "application/problem+json");
  CHECK(HttpGet(running.port(), "/api/v1/datasets/jcs/no-such-dataset").status == 404);
  CHECK(HttpGet(running.port(), "/api/v1/datasets?holder=jcs").status == 200);
}

}  // namespace hdcat::testing
