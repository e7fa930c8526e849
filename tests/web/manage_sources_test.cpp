// Self-service: registering, testing and running a harvest source.
#include <catch2/catch.hpp>

#include "base/json.h"
#include "tests/support/fault_server.h"
#include "tests/support/paths.h"
#include "tests/web/manage_test_util.h"

namespace hdcat::testing {
namespace {

std::string FeedWith(const std::string& sample) {
  auto document = ParseJson(ReadFile(SourcePath("samples/datasets/" + sample + ".json")));
  REQUIRE(document.ok());
  return Json{{"datasets", Json::array({*document})}, {"next", nullptr}}.dump();
}

}  // namespace

TEST_CASE("a source is registered, tested against a loopback endpoint, and run now", "[web][manage]") {
  FaultServer endpoint;
  endpoint.Route("/feed", FaultResponse::Ok("application/json", FeedWith("jcs/jroad")));
  endpoint.Route("/gone", FaultResponse::Status(404, "no such feed"));
  ManageFixture fixture;
  fixture.AddEditor("jcs-editor", "jcs");
  ManageClient browser(fixture.port());
  REQUIRE(browser.Login("jcs-editor", kEditorPassword).status == 303);

  TestResponse bad = browser.Post("/manage/holders/jcs/sources",
                                  {{"name", "Bad Name"}, {"endpoint", endpoint.Url("/feed")}, {"format", "feed"}});
  CHECK(bad.status == 422);
  CHECK(bad.body.find("value=\"Bad Name\"") != std::string::npos);
  CHECK(fixture.Scalar("SELECT count(*) FROM harvest_sources") == "0");

  for (const auto& [name, path] : {std::pair<std::string, std::string>{"jcs-feed", "/feed"}, {"jcs-gone", "/gone"}}) {
    TestResponse registered = browser.Post(
        "/manage/holders/jcs/sources",
        {{"name", name}, {"endpoint", endpoint.Url(path)}, {"format", "feed"}, {"schedule", "manual"}});
    CHECK(registered.status == 303);
  }
  CHECK(fixture.Scalar("SELECT count(*) FROM harvest_sources") == "2");
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'source.add' AND actor = 'web:jcs-editor'") ==
        "2");
  TestResponse holder = browser.Get("/manage/holders/jcs");
  CHECK(holder.body.find("<code>jcs-feed</code>") != std::string::npos);

  TestResponse tested = browser.Post("/manage/holders/jcs/sources/jcs-feed/test?lang=en", {});
  REQUIRE(tested.status == 200);
  CHECK(tested.body.find("Records found: 1") != std::string::npos);
  CHECK(tested.body.find("<code>jroad</code>") != std::string::npos);
  TestResponse failing = browser.Post("/manage/holders/jcs/sources/jcs-gone/test?lang=en", {});
  REQUIRE(failing.status == 200);
  CHECK(failing.body.find("The source could not be read") != std::string::npos);
  CHECK(failing.body.find("HTTP 404") != std::string::npos);
  // A test stores nothing.
  CHECK(fixture.Scalar("SELECT count(*) FROM dataset_versions") == "0");
  CHECK(fixture.Scalar("SELECT count(*) FROM harvest_jobs") == "0");
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'source.test'") == "2");

  TestResponse run = browser.Post("/manage/holders/jcs/sources/jcs-feed/run", {});
  REQUIRE(run.status == 303);
  const std::string job = fixture.Scalar("SELECT id FROM harvest_jobs");
  CHECK(run.header("location") == "/manage/holders/jcs/jobs/" + job);
  CHECK(fixture.Scalar("SELECT status || ' ' || trigger FROM harvest_jobs") == "queued manual");
  CHECK(fixture.Scalar("SELECT count(*) FROM audit_log WHERE action = 'harvest.run_now'") == "1");
  TestResponse report = browser.Get(run.header("location") + "?lang=en");
  REQUIRE(report.status == 200);
  CHECK(report.body.find("<dd id=\"job-status\">queued</dd>") != std::string::npos);
  // Asking again while it waits finds the same job.
  CHECK(browser.Post("/manage/holders/jcs/sources/jcs-feed/run", {}).header("location") == run.header("location"));
  CHECK(fixture.Scalar("SELECT count(*) FROM harvest_jobs") == "1");
  CHECK(browser.Get("/manage/holders/jcs/jobs/999999").status == 404);
}

}  // namespace hdcat::testing
