// Incremental harvests (modified_since, full gathers every N runs or on
// request) and the deletions a native feed declares, against a real
// PostgreSQL and a real HTTP source on 127.0.0.1.
#include <catch2/catch.hpp>

#include "harvesters/jobs/job_report.h"
#include "tests/harvesters/jobs_test_util.h"

namespace hdcat::testing {
namespace {

using harvesters::JobSummary;

constexpr const char* kFirstTime = "2025-04-02T03:00:00Z";
constexpr const char* kSecondTime = "2025-04-03T03:00:00Z";

// The value of `name` in a query string, still percent-encoded; "" when absent.
std::string QueryValue(const std::string& query, const std::string& name) {
  const std::string key = name + "=";
  for (std::size_t start = 0; start < query.size();) {
    std::size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    if (query.compare(start, key.size(), key) == 0) return query.substr(start + key.size(), end - start - key.size());
    start = end + 1;
  }
  return "";
}

// A feed that answers a full request with `full` and a modified_since request with `changes`.
struct IncrementalFeed {
  JobsFixture fixture;
  std::vector<Json> datasets = SampleDatasets("mhlw", MhlwNames());
  Json full = Json::object();
  Json changes = Json::object();
  bool echo = true;  // false: a feed that ignores modified_since and does not echo it
  FaultServer server;  // last: stopped before the pages its handler reads are destroyed

  IncrementalFeed() {
    full = {{"datasets", datasets}, {"next", nullptr}, {"generated_at", kFirstTime}};
    changes = {{"datasets", Json::array()}, {"next", nullptr}, {"generated_at", kSecondTime}};
    server.Handle("/feed", [this](const FaultRequest& request) {
      const std::string since = QueryValue(request.query, "modified_since");
      if (since.empty()) return JsonResponse(full.dump());
      Json page = changes;
      if (echo) page["modified_since"] = since;
      return JsonResponse(page.dump());
    });
  }

  // modified_since of each request to the feed, in order ("" = a full request).
  std::vector<std::string> AskedSince() const {
    std::vector<std::string> out;
    for (const auto& request : server.requests()) out.push_back(QueryValue(request.query, "modified_since"));
    return out;
  }
  std::string Mark(const std::string& source) {
    return fixture.db.Scalar("SELECT modified_since FROM harvest_sources WHERE name = '" + source + "'");
  }
};

// The mark a job leaves when the source states no time: its start minus ten minutes.
std::string StartMinusMargin(JobsFixture& fixture, std::int64_t job_id) {
  return fixture.db.Scalar("SELECT hdcat_utc_text(started_at - interval '10 minutes') FROM harvest_jobs WHERE id = " +
                           std::to_string(job_id));
}

std::string Encoded(const std::string& time) {
  std::string out;
  for (char c : time) out += c == ':' ? std::string("%3A") : std::string(1, c);
  return out;
}

TEST_CASE("a second run asks only for changes since the source's time and withdraws nothing it did not see",
          "[jobs][incremental]") {
  IncrementalFeed feed;
  feed.fixture.AddSource("mhlw-feed", "mhlw", feed.server.Url("/feed"));

  JobSummary first = feed.fixture.Run("mhlw-feed");
  CHECK(first.status == "succeeded");
  CHECK(first.modified_since.empty());
  CHECK(first.counts.added == 8);
  CHECK(feed.Mark("mhlw-feed") == kFirstTime);

  Json changed = feed.datasets[5];
  changed["title"]["en"] = "NDB sampling data set (revised)";
  feed.changes["datasets"] = Json::array({changed});
  JobSummary second = feed.fixture.Run("mhlw-feed");
  CHECK(second.status == "succeeded");
  CHECK(second.modified_since == kFirstTime);
  CHECK(second.counts.seen == 1);
  CHECK(second.counts.updated == 1);
  CHECK(second.counts.withdrawn == 0);  // seven records were not listed: unchanged, not vanished
  CHECK(feed.fixture.Count("SELECT count(*) FROM datasets WHERE status = 'active'") == 8);
  CHECK(feed.AskedSince() == std::vector<std::string>{"", Encoded(kFirstTime)});
  CHECK(feed.Mark("mhlw-feed") == kSecondTime);

  auto report = harvesters::JobReportSummary(feed.fixture.conn(), second.job_id);
  REQUIRE(report.ok());
  CHECK((*report)["job"]["modified_since"] == kFirstTime);
}

TEST_CASE("a feed that does not echo modified_since ignored it: the run is a full gather", "[jobs][incremental]") {
  IncrementalFeed feed;
  feed.fixture.AddSource("mhlw-feed", "mhlw", feed.server.Url("/feed"));
  feed.fixture.Run("mhlw-feed");
  feed.echo = false;
  feed.changes["datasets"] = std::vector<Json>(feed.datasets.begin(), feed.datasets.end() - 1);
  JobSummary job = feed.fixture.Run("mhlw-feed");
  CHECK(feed.AskedSince().back() == Encoded(kFirstTime));
  CHECK(job.modified_since.empty());
  CHECK(job.counts.withdrawn == 1);
  CHECK(feed.fixture.Status("mhlw/pediatric-chronic-disease-db") == "withdrawn");
  CHECK(feed.fixture.db.Scalar("SELECT coalesce(modified_since, 'full') FROM harvest_jobs WHERE id = " +
                               std::to_string(job.job_id)) == "full");
  CHECK(feed.fixture.db.Scalar("SELECT incremental_runs FROM harvest_sources WHERE name = 'mhlw-feed'") == "0");
}

TEST_CASE("a full gather comes every N runs and on request, and only full gathers withdraw vanished records",
          "[jobs][incremental]") {
  IncrementalFeed feed;
  harvesters::NewSource source;
  source.name = "mhlw-feed";
  source.holder = "mhlw";
  source.endpoint = feed.server.Url("/feed");
  source.format = "feed";
  source.schedule = "manual";
  source.limits = JobsFixture::ShortLimits();
  source.full_gather_every = 3;
  harvesters::SourceStore sources(feed.fixture.conn());
  REQUIRE(sources.Add(source).ok());

  // A dataset vanishes from the full listing after the first run.
  feed.fixture.Run("mhlw-feed");
  feed.full["datasets"].erase(feed.full["datasets"].size() - 1);
  JobSummary second = feed.fixture.Run("mhlw-feed");
  JobSummary third = feed.fixture.Run("mhlw-feed");
  CHECK(second.counts.withdrawn + third.counts.withdrawn == 0);
  CHECK(feed.fixture.Status("mhlw/pediatric-chronic-disease-db") == "active");
  JobSummary fourth = feed.fixture.Run("mhlw-feed");  // the third run after a full one: full again
  CHECK(fourth.modified_since.empty());
  CHECK(fourth.counts.withdrawn == 1);
  CHECK(feed.fixture.Status("mhlw/pediatric-chronic-disease-db") == "withdrawn");
  CHECK(feed.AskedSince() == std::vector<std::string>{"", Encoded(kFirstTime), Encoded(kSecondTime), ""});

  JobSummary fifth = feed.fixture.Run("mhlw-feed");
  CHECK(fifth.modified_since == kFirstTime);
  JobSummary forced = feed.fixture.Run("mhlw-feed", "test-worker", /*full=*/true);
  CHECK(forced.modified_since.empty());
  CHECK(feed.AskedSince().back().empty());
  CHECK(feed.fixture.db.Scalar("SELECT incremental_runs FROM harvest_sources WHERE name = 'mhlw-feed'") == "0");
}

TEST_CASE("without a time of its own from the source, the mark is the job's start minus a margin",
          "[jobs][incremental]") {
  IncrementalFeed feed;
  feed.full.erase("generated_at");
  feed.fixture.AddSource("mhlw-feed", "mhlw", feed.server.Url("/feed"));
  JobSummary first = feed.fixture.Run("mhlw-feed");
  REQUIRE(first.status == "succeeded");
  const std::string expected = StartMinusMargin(feed.fixture, first.job_id);
  CHECK(feed.Mark("mhlw-feed") == expected);

  // A time that is not RFC 3339 is not trusted either.
  feed.changes["generated_at"] = "yesterday";
  JobSummary second = feed.fixture.Run("mhlw-feed");
  CHECK(second.modified_since == expected);
  CHECK(feed.Mark("mhlw-feed") == StartMinusMargin(feed.fixture, second.job_id));
  bool warned = false;
  for (const auto& warning : second.warnings) warned = warned || warning.find("\"yesterday\"") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("a failed incremental run keeps the mark, so the next run asks for the same changes", "[jobs][incremental]") {
  IncrementalFeed feed;
  feed.fixture.AddSource("mhlw-feed", "mhlw", feed.server.Url("/feed"));
  feed.fixture.Run("mhlw-feed");
  feed.changes = Json{{"datasets", "not a list"}, {"next", nullptr}};
  JobSummary failed = feed.fixture.Run("mhlw-feed");
  CHECK(failed.status == "failed");
  CHECK(failed.error_kind == "parse");
  CHECK(feed.Mark("mhlw-feed") == kFirstTime);
}

TEST_CASE("declared deletions withdraw the source's own datasets, in incremental runs too", "[jobs][incremental]") {
  IncrementalFeed feed;
  feed.fixture.AddSource("mhlw-feed", "mhlw", feed.server.Url("/feed"));
  feed.fixture.Run("mhlw-feed");
  const long long changes_before = feed.fixture.Count("SELECT count(*) FROM catalog_changes");

  feed.changes["deleted"] = Json::array({{{"identifier", "ltc-db"}, {"deleted_at", "2025-04-02T12:00:00Z"}},
                                          {{"identifier", "never-published"}}});
  JobSummary job = feed.fixture.Run("mhlw-feed");
  CHECK(job.status == "succeeded");
  CHECK(job.modified_since == kFirstTime);
  CHECK(job.counts.withdrawn == 1);
  CHECK(job.counts.errored == 0);
  CHECK(feed.fixture.Status("mhlw/ltc-db") == "withdrawn");
  CHECK(feed.fixture.Document("mhlw/ltc-db") != "");  // history kept
  CHECK(feed.fixture.Count("SELECT count(*) FROM datasets WHERE status = 'active'") == 7);
  CHECK(feed.fixture.Count("SELECT count(*) FROM catalog_changes") == changes_before + 1);
  CHECK(feed.fixture.Count(
            "SELECT count(*) FROM audit_log WHERE action = 'dataset.withdraw' AND actor = 'harvest:mhlw-feed'") == 1);
  CHECK(feed.fixture.db.Scalar("SELECT withdrawn_reason FROM datasets WHERE identifier = 'ltc-db'")
            .find("deleted at 2025-04-02T12:00:00Z") != std::string::npos);
  CHECK(feed.fixture.Count("SELECT count(*) FROM harvest_records WHERE job_id = " + std::to_string(job.job_id) +
                           " AND record_identifier = 'ltc-db' AND outcome = 'withdrawn'") == 1);
  bool warned = false;
  for (const auto& warning : job.warnings) warned = warned || warning.find("never-published") != std::string::npos;
  CHECK(warned);

  // The same deletion again (an overlapping window) changes nothing.
  JobSummary again = feed.fixture.Run("mhlw-feed");
  CHECK(again.status == "succeeded");
  CHECK(again.counts.withdrawn == 0);
  CHECK(feed.fixture.Count("SELECT count(*) FROM catalog_changes") == changes_before + 1);
}

TEST_CASE("declared deletions are the holder's statement: the mass-withdrawal threshold does not hold them back",
          "[jobs][incremental]") {
  IncrementalFeed feed;
  feed.fixture.AddSource("mhlw-feed", "mhlw", feed.server.Url("/feed"));
  feed.fixture.Run("mhlw-feed");
  Json deleted = Json::array();
  for (std::size_t i = 0; i < 6; ++i) deleted.push_back({{"identifier", MhlwNames()[i]}});
  feed.changes["deleted"] = deleted;
  JobSummary job = feed.fixture.Run("mhlw-feed");
  CHECK(job.status == "succeeded");
  CHECK(job.counts.withdrawn == 6);
  CHECK(feed.fixture.Count("SELECT count(*) FROM datasets WHERE status = 'withdrawn'") == 6);
}

TEST_CASE("a source cannot delete what another source feeds, nor keep a record it both lists and deletes",
          "[jobs][incremental]") {
  IncrementalFeed feed;
  feed.fixture.AddSource("mhlw-feed", "mhlw", feed.server.Url("/feed"));
  feed.fixture.Run("mhlw-feed");
  FaultServer other;
  other.Route("/feed", JsonResponse(Json{{"datasets", Json::array({feed.datasets[0]})},
                                         {"next", nullptr},
                                         {"deleted", Json::array({{{"identifier", "ltc-db"}}})}}
                                        .dump()));
  feed.fixture.AddSource("mhlw-other", "mhlw", other.Url("/feed"));
  JobSummary job = feed.fixture.Run("mhlw-other");
  CHECK(job.status == "partial");
  CHECK(job.counts.withdrawn == 0);
  CHECK(feed.fixture.Status("mhlw/ltc-db") == "active");
  const std::string where = " FROM harvest_records WHERE job_id = " + std::to_string(job.job_id) +
                            " AND record_identifier = 'ltc-db' AND outcome = 'errored'";
  CHECK(feed.fixture.db.Scalar("SELECT error_kind" + where) == "conflict");
  CHECK(feed.fixture.db.Scalar("SELECT error_message" + where).find("harvest source 'mhlw-feed'") != std::string::npos);
  CHECK(feed.fixture.db.Scalar("SELECT raw" + where).find("ltc-db") != std::string::npos);

  // Listed and deleted in one gather: the listing wins.
  feed.changes = {{"datasets", Json::array({feed.datasets[1]})},
                  {"next", nullptr},
                  {"deleted", Json::array({{{"identifier", feed.datasets[1]["identifier"]}}})}};
  JobSummary both = feed.fixture.Run("mhlw-feed");
  CHECK(both.counts.withdrawn == 0);
  CHECK(feed.fixture.Status("mhlw/" + feed.datasets[1]["identifier"].get<std::string>()) == "active");
}

TEST_CASE("a malformed deletion list fails the gather and withdraws nothing", "[jobs][incremental]") {
  IncrementalFeed feed;
  feed.fixture.AddSource("mhlw-feed", "mhlw", feed.server.Url("/feed"));
  feed.fixture.Run("mhlw-feed");
  feed.changes["deleted"] = Json::array({{{"identifier", "ltc-db"}}, {{"id", "dpc-db"}}});
  JobSummary job = feed.fixture.Run("mhlw-feed");
  CHECK(job.status == "failed");
  CHECK(job.error_kind == "parse");
  CHECK(job.error_summary.find("/deleted/1/id") != std::string::npos);
  CHECK(feed.fixture.Count("SELECT count(*) FROM datasets WHERE status = 'withdrawn'") == 0);
  CHECK(feed.Mark("mhlw-feed") == kFirstTime);
}

TEST_CASE("a CKAN source asks for metadata_modified since its mark", "[jobs][incremental]") {
  JobsFixture fixture;
  FaultServer server;
  server.Handle("/api/3/action/package_search", [](const FaultRequest&) {
    Json package = {{"id", "uuid-1"}, {"name", "pkg-1"}, {"title", "Package 1"}};
    Json body{{"success", true}, {"result", {{"count", 1}, {"results", Json::array({package})}}}};
    return JsonResponse(body.dump());
  });
  fixture.AddSource("mhlw-ckan", "mhlw", server.Url("/"), "ckan");
  JobSummary first = fixture.Run("mhlw-ckan");
  REQUIRE(first.gather_complete);
  CHECK(QueryValue(server.requests().at(0).query, "fq").empty());
  const std::string mark = fixture.db.Scalar("SELECT modified_since FROM harvest_sources WHERE name = 'mhlw-ckan'");
  CHECK(mark == StartMinusMargin(fixture, first.job_id));
  JobSummary second = fixture.Run("mhlw-ckan");
  CHECK(second.modified_since == mark);
  CHECK(QueryValue(server.requests().back().query, "fq") ==
        "metadata_modified%3A%5B" + Encoded(mark) + "%20TO%20%2A%5D");
}

}  // namespace
}  // namespace hdcat::testing
