// Registering harvest sources: checks before writing, and credentials kept apart.
#include <functional>

#include <catch2/catch.hpp>

#include "tests/harvesters/jobs_test_util.h"

namespace hdcat::testing {
namespace {

using harvesters::NewSource;
using harvesters::SourceStore;

NewSource Valid() {
  NewSource source;
  source.name = "mhlw-feed";
  source.holder = "mhlw";
  source.endpoint = "https://data.mhlw.example/feed.json";
  source.format = "feed";
  return source;
}

TEST_CASE("endpoint URLs are checked", "[jobs][sources]") {
  struct Row {
    const char* url;
    bool ok;
  };
  const Row rows[] = {{"https://example.jp/feed", true},      {"http://127.0.0.1:8090/samples/a", true},
                      {"http://[::1]:8080/x", true},          {"ftp://example.jp/feed", false},
                      {"example.jp/feed", false},             {"https://", false},
                      {"https://user:pw@example.jp/", false}, {"https://example.jp/a b", false},
                      {"https://example.jp:99999999/", false}, {"https://example.jp:/", false}};
  for (const auto& row : rows) {
    INFO(row.url);
    CHECK(harvesters::CheckEndpointUrl(row.url).ok() == row.ok);
  }
}

TEST_CASE("a source is validated before it is stored", "[jobs][sources]") {
  JobsFixture fixture;
  SourceStore store(fixture.conn());
  struct Row {
    const char* what;
    std::function<void(NewSource&)> change;
    ErrorKind kind;
  };
  const Row rows[] = {
      {"bad name", [](NewSource& s) { s.name = "MHLW Feed"; }, ErrorKind::kInvalidInput},
      {"bad url", [](NewSource& s) { s.endpoint = "file:///etc/passwd"; }, ErrorKind::kInvalidInput},
      {"bad format", [](NewSource& s) { s.format = "oai-pmh"; }, ErrorKind::kInvalidInput},
      {"bad schedule", [](NewSource& s) { s.schedule = "hourly"; }, ErrorKind::kInvalidInput},
      {"bad threshold", [](NewSource& s) { s.mass_withdrawal_threshold = 0; }, ErrorKind::kInvalidInput},
      {"unknown holder", [](NewSource& s) { s.holder = "nobody"; }, ErrorKind::kNotFound},
      {"dictionary without dataset", [](NewSource& s) { s.format = "csv-dictionary"; }, ErrorKind::kInvalidInput},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    NewSource source = Valid();
    row.change(source);
    auto added = store.Add(source);
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().kind == row.kind);
  }
  CHECK(fixture.Count("SELECT count(*) FROM harvest_sources") == 0);
  REQUIRE(store.Add(Valid()).ok());
  auto duplicate = store.Add(Valid());
  REQUIRE_FALSE(duplicate.ok());
  CHECK(duplicate.error().kind == ErrorKind::kConflict);
}

TEST_CASE("credentials are stored apart and never listed", "[jobs][sources]") {
  JobsFixture fixture;
  SourceStore store(fixture.conn());
  NewSource source = Valid();
  source.credentials.kind = harvesters::HttpCredentials::Kind::kBearer;
  source.credentials.token = "s3cret-token";
  auto added = store.Add(source);
  REQUIRE(added.ok());
  CHECK(added->has_credentials);
  auto listed = store.List();
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 1);
  CHECK((*listed)[0].has_credentials);
  CHECK(fixture.Count("SELECT count(*) FROM harvest_sources WHERE row_to_json(harvest_sources)::text LIKE '%s3cret%'") ==
        0);
  CHECK(fixture.Count("SELECT count(*) FROM audit_log WHERE details::text LIKE '%s3cret%'") == 0);
  auto credentials = store.LoadCredentials(added->id);
  REQUIRE(credentials.ok());
  CHECK(credentials->kind == harvesters::HttpCredentials::Kind::kBearer);
  CHECK(credentials->token == "s3cret-token");

  REQUIRE(store.SetEnabled("mhlw-feed", false).ok());
  CHECK_FALSE(store.Get("mhlw-feed")->enabled);
  CHECK(store.SetEnabled("nope", true).error().kind == ErrorKind::kNotFound);
}

TEST_CASE("credentials are sent to the source", "[jobs][sources]") {
  JobsFixture fixture;
  FaultServer server;
  server.Route("/feed", JsonResponse(FeedPage(SampleDatasets("mhlw", {"dpc-db"}))));
  NewSource source = Valid();
  source.endpoint = server.Url("/feed");
  source.credentials.kind = harvesters::HttpCredentials::Kind::kBearer;
  source.credentials.token = "s3cret-token";
  source.limits = JobsFixture::ShortLimits();
  SourceStore store(fixture.conn());
  REQUIRE(store.Add(source).ok());
  auto job = fixture.Run("mhlw-feed");
  CHECK(job.status == "succeeded");
  REQUIRE_FALSE(server.requests().empty());
  CHECK(server.requests()[0].Header("authorization") == "Bearer s3cret-token");
  CHECK(fixture.Count("SELECT count(*) FROM harvest_jobs WHERE row_to_json(harvest_jobs)::text LIKE '%s3cret%'") == 0);
}

}  // namespace
}  // namespace hdcat::testing
