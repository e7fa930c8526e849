// Self-service: uploading a dataset description.
#include <catch2/catch.hpp>

#include "base/json.h"
#include "tests/support/paths.h"
#include "tests/web/manage_test_util.h"

namespace hdcat::testing {
namespace {

Json Sample(const std::string& path) {
  auto document = ParseJson(ReadFile(SourcePath("samples/datasets/" + path + ".json")));
  REQUIRE(document.ok());
  return *document;
}

}  // namespace

TEST_CASE("a malformed description shows each finding beside its line and stores nothing", "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());
  REQUIRE(browser.Login("jcs-editor", kEditorPassword).status == 303);

  Json document = Sample("jcs/jroad");
  document["access_rights"] = "opne";
  document["unknown_field"] = true;
  TestResponse refused = browser.Post("/manage/holders/jcs/datasets?lang=en", {{"document", document.dump(2)}});
  CHECK(refused.status == 422);
  CHECK(refused.body.find("class=\"error-summary\"") != std::string::npos);
  CHECK(refused.body.find("<code>/access_rights</code>") != std::string::npos);
  CHECK(refused.body.find("<code>/unknown_field</code>") != std::string::npos);
  // The summary links to the line the finding is shown beside.
  std::string pretty = document.dump(2);
  std::size_t access_line = 1;
  for (std::size_t i = 0; i < pretty.find("\"access_rights\""); ++i) access_line += pretty[i] == '\n';
  CHECK(refused.body.find("href=\"#line-" + std::to_string(access_line) + "\"") != std::string::npos);
  CHECK(refused.body.find("<li id=\"line-" + std::to_string(access_line) + "\"><code>  &quot;access_rights&quot;") !=
        std::string::npos);
  CHECK(fixture.Scalar("SELECT count(*) FROM dataset_versions") == "0");
  CHECK(fixture.Scalar("SELECT count(*) FROM datasets") == "0");

  TestResponse not_json = browser.Post("/manage/holders/jcs/datasets", {{"document", "{\"identifier\": "}});
  CHECK(not_json.status == 422);
  CHECK(not_json.body.find("malformed JSON") != std::string::npos);
  CHECK(fixture.Scalar("SELECT count(*) FROM dataset_versions") == "0");
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'dataset.upload_refused'") == "2");
}

TEST_CASE("a valid upload creates exactly one version and one audit row", "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());
  REQUIRE(browser.Login("jcs-editor", kEditorPassword).status == 303);

  const std::string versions_before = fixture.Scalar("SELECT count(*) FROM dataset_versions");
  TestResponse stored = browser.Post("/manage/holders/jcs/datasets", {{"document", Sample("jcs/jroad").dump()}});
  REQUIRE(stored.status == 303);
  CHECK(stored.header("location").find("/manage/holders/jcs?saved=dataset") == 0);
  CHECK(std::stoi(fixture.Scalar("SELECT count(*) FROM dataset_versions")) == std::stoi(versions_before) + 1);
  CHECK(fixture.Scalar("SELECT source FROM dataset_versions") == "web:jcs-editor");
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'dataset.put' AND actor = 'web:jcs-editor'") ==
        "1");

  // The same description again adds no version; the edit page shows the stored one.
  CHECK(browser.Post("/manage/holders/jcs/datasets", {{"document", Sample("jcs/jroad").dump()}}).status == 303);
  CHECK(fixture.Scalar("SELECT count(*) FROM dataset_versions") == "1");
  TestResponse edit = browser.Get("/manage/holders/jcs/datasets/jroad/edit");
  CHECK(edit.status == 200);
  CHECK(edit.body.find("&quot;identifier&quot;: &quot;jroad&quot;") != std::string::npos);
}

TEST_CASE("a description naming another holder is refused through one's own holder", "[web][manage]") {
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());
  REQUIRE(browser.Login("jcs-editor", kEditorPassword).status == 303);
  TestResponse refused =
      browser.Post("/manage/holders/jcs/datasets", {{"document", Sample("bbj/bbj-samples-clinical").dump()}});
  CHECK(refused.status == 422);
  CHECK(refused.body.find("belongs to holder") != std::string::npos);
  CHECK(fixture.Scalar("SELECT count(*) FROM dataset_versions") == "0");
}

}  // namespace hdcat::testing
