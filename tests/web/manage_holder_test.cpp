// Self-service: the holder form, and the wall between holders.
#include <catch2/catch.hpp>

#include "tests/web/manage_test_util.h"

namespace hdcat::testing {

TEST_CASE("the holder form saves a valid edit and shows the validator's messages beside the fields",
          "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());
  REQUIRE(browser.Login("jcs-editor", kEditorPassword).status == 303);

  TestResponse form = browser.Get("/manage/holders/jcs/edit?lang=en");
  REQUIRE(form.status == 200);
  CHECK(form.body.find("<label for=\"f-name_en\">Name (English)</label>") != std::string::npos);
  CHECK(form.body.find("value=\"Japanese Circulation Society\"") != std::string::npos);

  const std::string before = fixture.Scalar("SELECT content_hash FROM holders WHERE identifier = 'jcs'");
  TestResponse invalid = browser.Post("/manage/holders/jcs/edit?lang=en",
                                      {{"name_ja", "一般社団法人日本循環器学会"},
                                       {"name_en", "Japanese Circulation Society"},
                                       {"homepage", "not a web address"},
                                       {"contact_email", "jroad@jcs.example.jp"}});
  CHECK(invalid.status == 422);
  CHECK(invalid.body.find("aria-describedby=\"f-homepage-errors\"") != std::string::npos);
  CHECK(invalid.body.find("id=\"f-homepage-errors\"") != std::string::npos);
  CHECK(invalid.body.find("href=\"#f-homepage\"") != std::string::npos);
  CHECK(fixture.Scalar("SELECT content_hash FROM holders WHERE identifier = 'jcs'") == before);
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'holder.edit_refused'") == "1");

  TestResponse saved = browser.Post("/manage/holders/jcs/edit",
                                    {{"name_ja", "一般社団法人日本循環器学会"},
                                     {"name_en", "The Japanese Circulation Society"},
                                     {"homepage", "https://www.j-circ.or.jp/"}});
  CHECK(saved.status == 303);
  CHECK(fixture.Scalar("SELECT name_en FROM holders WHERE identifier = 'jcs'") == "The Japanese Circulation Society");
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'holder.put' AND actor = 'web:jcs-editor'") ==
        "1");
}

TEST_CASE("a holder editor gets 403 on another holder's pages and changes nothing there", "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  fixture.Scalar(
      "INSERT INTO harvest_sources (name, holder_id, endpoint, format) SELECT 'bbj-feed', id, "
      "'http://127.0.0.1:9/feed', 'feed' FROM holders WHERE identifier = 'bbj' RETURNING 1");
  ManageClient browser(fixture.port());
  REQUIRE(browser.Login("jcs-editor", kEditorPassword).status == 303);

  const std::string holder_before = fixture.Scalar("SELECT content_hash FROM holders WHERE identifier = 'bbj'");
  const std::string audit_before = fixture.Scalar("SELECT count(*) FROM audit_log");
  for (const char* page : {"/manage/holders/bbj", "/manage/holders/bbj/edit", "/manage/holders/bbj/datasets/new",
                           "/manage/holders/bbj/sources/new"}) {
    INFO(page);
    CHECK(browser.Get(page).status == 403);
  }
  CHECK(browser.Post("/manage/holders/bbj/edit", {{"name_ja", "乗っ取り"}, {"name_en", "Taken over"}}).status == 403);
  CHECK(browser.Post("/manage/holders/bbj/datasets", {{"document", R"({"identifier":"x","holder":"bbj"})"}}).status ==
        403);
  CHECK(browser.Post("/manage/holders/bbj/sources",
                     {{"name", "stolen"}, {"endpoint", "http://127.0.0.1:9/"}, {"format", "feed"}})
            .status == 403);
  CHECK(browser.Post("/manage/holders/bbj/sources/bbj-feed/run", {}).status == 403);
  CHECK(browser.Post("/manage/holders/bbj/sources/bbj-feed/test", {}).status == 403);
  // Through its own holder's URL, another holder's source is not found either.
  CHECK(browser.Post("/manage/holders/jcs/sources/bbj-feed/run", {}).status == 404);

  CHECK(fixture.Scalar("SELECT content_hash FROM holders WHERE identifier = 'bbj'") == holder_before);
  CHECK(fixture.Scalar("SELECT count(*) FROM dataset_versions") == "0");
  CHECK(fixture.Scalar("SELECT count(*) FROM harvest_sources") == "1");
  CHECK(fixture.Scalar("SELECT count(*) FROM harvest_jobs") == "0");
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log") == audit_before);
}

}  // namespace hdcat::testing
