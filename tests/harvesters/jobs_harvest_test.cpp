// Harvest jobs end to end: a real PostgreSQL and a real HTTP source on 127.0.0.1.
#include <algorithm>

#include <catch2/catch.hpp>

#include "harvesters/jobs/job_report.h"
#include "tests/harvesters/jobs_test_util.h"

namespace hdcat::testing {
namespace {

using harvesters::JobSummary;

struct FeedSource {
  JobsFixture fixture;
  FaultServer server;
  std::vector<Json> datasets = SampleDatasets("mhlw", MhlwNames());

  FeedSource() { Publish(datasets); }
  void Publish(const std::vector<Json>& list) { server.Route("/feed", JsonResponse(FeedPage(list))); }
};

TEST_CASE("a first harvest adds every record; an unchanged re-harvest writes no version", "[jobs]") {
  FeedSource source;
  source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"));

  JobSummary first = source.fixture.Run("mhlw-feed");
  CHECK(first.status == "succeeded");
  CHECK(first.gather_complete);
  CHECK(first.counts.seen == 8);
  CHECK(first.counts.added == 8);
  CHECK(first.counts.errored == 0);
  CHECK(source.fixture.Status("mhlw/ndb-sampling") == "active");
  CHECK(source.fixture.db.Scalar("SELECT source FROM dataset_versions LIMIT 1") == "harvest:mhlw-feed");

  const long long versions = source.fixture.Versions();
  const long long changes = source.fixture.Count("SELECT count(*) FROM catalog_changes");
  JobSummary second = source.fixture.Run("mhlw-feed");
  CHECK(second.status == "succeeded");
  CHECK(second.counts.unchanged == 8);
  CHECK(second.counts.added + second.counts.updated + second.counts.withdrawn == 0);
  CHECK(source.fixture.Versions() == versions);
  CHECK(source.fixture.Count("SELECT count(*) FROM catalog_changes") == changes);
  CHECK(source.fixture.Count("SELECT count(*) FROM harvest_records WHERE job_id = " + std::to_string(second.job_id) +
                             " AND outcome = 'unchanged'") == 8);

  // The source carries its last outcome for its holder.
  harvesters::SourceStore sources(source.fixture.conn());
  auto stored = sources.Get("mhlw-feed");
  REQUIRE(stored.ok());
  CHECK(stored->last_status == "succeeded");
  CHECK(stored->last_job_id == second.job_id);
  CHECK(stored->last_summary.value("unchanged", 0) == 8);
}

TEST_CASE("a changed record is a new version of that dataset only", "[jobs]") {
  FeedSource source;
  source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"));
  source.fixture.Run("mhlw-feed");
  source.datasets[5]["title"]["en"] = "NDB sampling data set (revised)";
  source.Publish(source.datasets);
  JobSummary job = source.fixture.Run("mhlw-feed");
  CHECK(job.counts.updated == 1);
  CHECK(job.counts.unchanged == 7);
  auto record = source.fixture.store().GetDataset("mhlw/ndb-sampling");
  REQUIRE(record.ok());
  CHECK(record->summary.version_count == 2);
  CHECK(record->document["title"]["en"] == "NDB sampling data set (revised)");
}

TEST_CASE("a bad record is a record error with its raw bytes kept, never a job failure", "[jobs]") {
  FeedSource source;
  source.datasets[2].erase("title");             // invalid: title is required
  source.datasets[4]["holder_notes"] = "kept";  // unknown field: reported as unmapped
  source.Publish(source.datasets);
  source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"));
  JobSummary job = source.fixture.Run("mhlw-feed");
  CHECK(job.status == "partial");
  CHECK(job.gather_complete);
  CHECK(job.counts.errored == 1);
  CHECK(job.counts.added == 7);
  CHECK(job.error_kind == "record_errors");
  CHECK(source.fixture.Document("mhlw/ltc-db").empty());
  const std::string job_id = std::to_string(job.job_id);
  CHECK(source.fixture.db.Scalar("SELECT error_kind FROM harvest_records WHERE job_id = " + job_id +
                                 " AND outcome = 'errored'") == "validation");
  std::string raw = source.fixture.db.Scalar("SELECT raw FROM harvest_records WHERE job_id = " + job_id +
                                             " AND outcome = 'errored'");
  CHECK(raw.find("ltc-db") != std::string::npos);
  CHECK(source.fixture.db.Scalar("SELECT unmapped::text FROM harvest_records WHERE job_id = " + job_id +
                                 " AND record_identifier = 'ndb-open-data'")
            .find("holder_notes") != std::string::npos);

  auto summary = harvesters::JobReportSummary(source.fixture.conn(), job.job_id);
  REQUIRE(summary.ok());
  CHECK((*summary)["counts"]["errored"] == 1);
  REQUIRE((*summary)["errors_by_kind"].size() == 1);
  CHECK((*summary)["errors_by_kind"][0]["kind"] == "validation");
  CHECK((*summary)["errors_by_kind"][0]["count"] == 1);

  std::string json, csv;
  REQUIRE(harvesters::WriteJobReportJson(source.fixture.conn(), job.job_id, [&](std::string_view s) { json += s; }).ok());
  REQUIRE(harvesters::WriteJobReportCsv(source.fixture.conn(), job.job_id, [&](std::string_view s) { csv += s; }).ok());
  auto parsed = ParseJson(json);
  REQUIRE(parsed.ok());
  CHECK((*parsed)["records"].size() == 8);
  CHECK((*parsed)["job"]["status"] == "partial");
  CHECK(csv.rfind("job,source,record_identifier,", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 9);  // header + 8 records
  CHECK(csv.find(",errored,validation,") != std::string::npos);
}

TEST_CASE("vanished records are withdrawn after a complete gather, and restored when they return", "[jobs]") {
  FeedSource source;
  source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"));
  source.fixture.Run("mhlw-feed");
  std::vector<Json> fewer(source.datasets.begin(), source.datasets.end() - 1);
  source.Publish(fewer);
  JobSummary job = source.fixture.Run("mhlw-feed");
  CHECK(job.status == "succeeded");
  CHECK(job.counts.withdrawn == 1);
  CHECK(source.fixture.Status("mhlw/pediatric-chronic-disease-db") == "withdrawn");
  CHECK(source.fixture.Document("mhlw/pediatric-chronic-disease-db") != "");  // history kept

  source.Publish(source.datasets);
  JobSummary back = source.fixture.Run("mhlw-feed");
  CHECK(back.counts.added == 1);  // restored
  CHECK(source.fixture.Status("mhlw/pediatric-chronic-disease-db") == "active");
}

TEST_CASE("mass withdrawals are refused and nothing is withdrawn", "[jobs]") {
  struct Row {
    std::size_t kept;
    const char* message;
  };
  const Row rows[] = {{3, "mass withdrawal refused: 5 of 8 records vanished"},
                      {4, "mass withdrawal refused: 4 of 8 records vanished"},
                      {0, "mass withdrawal refused: 8 of 8 records vanished (the source returned an empty catalog)"}};
  for (const auto& row : rows) {
    INFO("records kept: " << row.kept);
    FeedSource source;
    source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"));
    source.fixture.Run("mhlw-feed");
    const std::string before = source.fixture.Document("mhlw/pediatric-chronic-disease-db");
    source.Publish(std::vector<Json>(source.datasets.begin(), source.datasets.begin() + row.kept));
    JobSummary job = source.fixture.Run("mhlw-feed");
    CHECK(job.status == "partial");
    CHECK(job.error_kind == "mass_withdrawal_refused");
    CHECK(job.error_summary.rfind(row.message, 0) == 0);
    CHECK(job.counts.withdrawn == 0);
    CHECK(source.fixture.Count("SELECT count(*) FROM datasets WHERE status = 'withdrawn'") == 0);
    CHECK(source.fixture.Document("mhlw/pediatric-chronic-disease-db") == before);
  }
}

TEST_CASE("a higher threshold lets a larger share be withdrawn", "[jobs]") {
  FeedSource source;
  source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"), "feed", 0.9);
  source.fixture.Run("mhlw-feed");
  source.Publish(std::vector<Json>(source.datasets.begin(), source.datasets.begin() + 3));
  JobSummary job = source.fixture.Run("mhlw-feed");
  CHECK(job.status == "succeeded");
  CHECK(job.counts.withdrawn == 5);
}

TEST_CASE("the first source of an identifier owns it; other sources get a conflict", "[jobs]") {
  FeedSource source;
  source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"));
  source.fixture.Run("mhlw-feed");
  const std::string before = source.fixture.Document("mhlw/ndb-sampling");

  Json copy = source.datasets[5];
  copy["title"]["ja"] = "別のソースからのNDB";
  Json own = SampleDocument("datasets/mhlw/dpc-db.json");
  own["identifier"] = "mhlw-mirror-only";
  source.server.Route("/mirror", JsonResponse(FeedPage({copy, own})));
  source.fixture.AddSource("mhlw-mirror", "mhlw", source.server.Url("/mirror"));
  JobSummary mirror = source.fixture.Run("mhlw-mirror");
  CHECK(mirror.status == "partial");
  CHECK(mirror.counts.errored == 1);
  CHECK(mirror.counts.added == 1);
  CHECK(source.fixture.db.Scalar("SELECT error_kind FROM harvest_records WHERE job_id = " +
                                 std::to_string(mirror.job_id) + " AND outcome = 'errored'") == "conflict");
  CHECK(source.fixture.db.Scalar("SELECT error_message FROM harvest_records WHERE job_id = " +
                                 std::to_string(mirror.job_id) + " AND outcome = 'errored'")
            .find("already harvested from source 'mhlw-feed'") != std::string::npos);
  CHECK(source.fixture.Document("mhlw/ndb-sampling") == before);

  // The owner keeps harvesting it normally.
  JobSummary again = source.fixture.Run("mhlw-feed");
  CHECK(again.status == "succeeded");
  CHECK(again.counts.unchanged == 8);
}

TEST_CASE("a record claiming another holder's dataset is a conflict", "[jobs]") {
  FeedSource source;
  Json foreign = SampleDocument("datasets/ncc/national-cancer-registry.json");
  source.datasets.push_back(foreign);
  source.Publish(source.datasets);
  source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"));
  JobSummary job = source.fixture.Run("mhlw-feed");
  CHECK(job.counts.errored == 1);
  CHECK(job.counts.added == 8);
  CHECK(source.fixture.db.Scalar("SELECT error_kind FROM harvest_records WHERE job_id = " +
                                 std::to_string(job.job_id) + " AND outcome = 'errored'") == "conflict");
  CHECK(source.fixture.Document("ncc/national-cancer-registry").empty());
}

TEST_CASE("a paged feed is streamed page by page", "[jobs]") {
  FeedSource source;
  std::vector<Json> first(source.datasets.begin(), source.datasets.begin() + 3);
  std::vector<Json> second(source.datasets.begin() + 3, source.datasets.end());
  source.server.Route("/feed", JsonResponse(FeedPage(first, source.server.Url("/feed2"))));
  source.server.Route("/feed2", JsonResponse(FeedPage(second)));
  source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"));
  JobSummary job = source.fixture.Run("mhlw-feed");
  CHECK(job.counts.added == 8);
  CHECK(source.fixture.Count("SELECT pages FROM harvest_jobs WHERE id = " + std::to_string(job.job_id)) == 2);
}

}  // namespace
}  // namespace hdcat::testing

namespace hdcat::testing {
namespace {

TEST_CASE("a CSV data dictionary supplies the variables of a harvested dataset", "[jobs]") {
  FeedSource source;
  Json& sampling = source.datasets[5];
  sampling.erase("variables");
  sampling["has_structured_data"] = false;
  source.Publish(source.datasets);
  source.server.Route("/dictionary.csv",
                      FaultResponse::Ok("text/csv", "table,name,title_ja,title_en,value_type\r\n"
                                                    "patients,age,年齢,Age,integer\r\n"
                                                    "patients,sex,性別,Sex,code\r\n"));
  source.fixture.AddSource("mhlw-feed", "mhlw", source.server.Url("/feed"));
  source.fixture.AddSource("mhlw-dictionary", "mhlw", source.server.Url("/dictionary.csv"), "csv-dictionary", 0.5,
                           JobsFixture::ShortLimits(), Json{{"dataset", "ndb-sampling"}});

  // Before its dataset exists, the dictionary is a record error that says so.
  JobSummary early = source.fixture.Run("mhlw-dictionary");
  CHECK(early.counts.errored == 1);
  CHECK(source.fixture.db.Scalar("SELECT error_kind FROM harvest_records WHERE job_id = " +
                                 std::to_string(early.job_id)) == "not_found");

  source.fixture.Run("mhlw-feed");
  JobSummary job = source.fixture.Run("mhlw-dictionary");
  INFO(source.fixture.db.Scalar("SELECT string_agg(error_message, ' | ') FROM harvest_records WHERE outcome = 'errored'"
                                " AND job_id = " + std::to_string(job.job_id)));
  CHECK(job.status == "succeeded");
  CHECK(job.counts.updated == 1);
  auto record = source.fixture.store().GetDataset("mhlw/ndb-sampling");
  REQUIRE(record.ok());
  CHECK(record->document["has_structured_data"] == true);
  REQUIRE(record->document["variables"].size() == 1);
  CHECK(record->document["variables"][0]["title"]["ja"] == "patients");
  CHECK(record->document["variables"][0]["variables"].size() == 2);

  const long long versions = source.fixture.Versions();
  JobSummary again = source.fixture.Run("mhlw-dictionary");
  CHECK(again.counts.unchanged == 1);
  CHECK(source.fixture.Versions() == versions);
  // The feed's own records are unchanged too: the dictionary did not take the dataset over.
  JobSummary feed = source.fixture.Run("mhlw-feed");
  CHECK(feed.counts.unchanged == 8);
  CHECK(feed.counts.withdrawn == 0);
}

}  // namespace
}  // namespace hdcat::testing
