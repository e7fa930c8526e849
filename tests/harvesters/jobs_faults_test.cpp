// Faults a holder's endpoint can have: each is reported specifically, the
// other sources still harvest, and the last good metadata stays unchanged.
#include <chrono>
#include <functional>
#include <set>

#include <catch2/catch.hpp>

#include "harvesters/scheduler/worker.h"
#include "tests/harvesters/jobs_test_util.h"

namespace hdcat::testing {
namespace {

// The NCC sample datasets as a DCAT-AP Turtle catalog, as the sample holder
// endpoint (hdcat sample-holders, through the catalog's exporter) serves them.
std::string NccTurtle() { return ReadFile(SourcePath("tests/harvesters/jobs_data/ncc-catalog.ttl")); }

// Everything the catalog currently says about one holder's datasets.
std::string Snapshot(JobsFixture& fixture, const std::string& holder) {
  return fixture.db.Scalar(
      "SELECT count(*) || ':' || coalesce(string_agg(d.identifier || '=' || d.status || '@' || d.version_count || '#' ||"
      " v.content_hash, ',' ORDER BY d.identifier), '') FROM datasets d JOIN holders h ON h.id = d.holder_id"
      " JOIN dataset_versions v ON v.id = d.current_version_id WHERE h.identifier = '" + holder + "'");
}

struct FaultCase {
  const char* name;
  bool turtle;  // the faulty source is a DCAT Turtle source (else a native feed)
  std::function<void(FaultServer&, const std::string& path)> inject;
  std::set<std::string> kinds;  // acceptable error kinds
  const char* status;
  int fetch_attempts;  // 0 = do not check
};

std::vector<FaultCase> Cases() {
  auto route = [](FaultResponse response) {
    return [response](FaultServer& server, const std::string& path) { server.Route(path, response); };
  };
  FaultResponse drip = FaultResponse::WithFault(Fault::kSlowDrip, "application/json",
                                                FeedPage(SampleDatasets("mhlw", MhlwNames())));
  drip.drip_interval_ms = 300;
  FaultResponse truncated = FaultResponse::WithFault(Fault::kTruncate, "application/json",
                                                     FeedPage(SampleDatasets("mhlw", {"dpc-db"})));
  FaultResponse huge = FaultResponse::WithFault(Fault::kHuge, "application/json");
  FaultResponse too_many = FaultResponse::Status(429, "slow down");
  too_many.headers.push_back({"Retry-After", "1"});
  std::string bad_utf8 = FeedPage(SampleDatasets("mhlw", {"dpc-db"}));
  bad_utf8.insert(bad_utf8.find("\"identifier\"") + 2, "\xff\xfe");  // inside a JSON string
  return {
      {"hang", false, route(FaultResponse::WithFault(Fault::kHang)), {"total_timeout", "low_speed_timeout"}, "failed", 2},
      {"slow drip", false, route(drip), {"low_speed_timeout", "total_timeout"}, "failed", 0},
      {"HTTP 500", false, route(FaultResponse::Status(500, "boom")), {"http_500"}, "failed", 2},
      {"HTTP 429 with Retry-After", false, route(too_many), {"http_429"}, "failed", 2},
      {"truncated body", false, route(truncated), {"truncated"}, "failed", 0},
      {"malformed JSON", false, route(JsonResponse("{\"datasets\": [{\"identifier\": \"x\"")), {"parse"}, "failed", 1},
      {"malformed Turtle", true, route(FaultResponse::Ok("text/turtle", "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
                                                                          "<a> a dcat:Catalog ; dcat:dataset [ dcat:x \"unterminated .\n")),
       {"parse"}, "failed", 1},
      {"invalid UTF-8", false, route(JsonResponse(bad_utf8)), {"parse"}, "failed", 1},
      {"2 GB body", false, route(huge), {"too_large"}, "failed", 1},
      {"redirect loop", false,
       [](FaultServer& server, const std::string& path) {
         server.Route(path, FaultResponse::Redirect(server.Url(path + "-loop")));
         server.Route(path + "-loop", FaultResponse::Redirect(server.Url(path)));
       },
       {"too_many_redirects"}, "failed", 1},
      {"wrong content type", false,
       route(FaultResponse::Ok("text/html", FeedPage(SampleDatasets("mhlw", MhlwNames())))), {"wrong_content_type"},
       "failed", 1},
      {"sudden empty catalog", false, route(JsonResponse(FeedPage({}))), {"mass_withdrawal_refused"}, "partial", 1},
      {"sudden empty Turtle catalog", true,
       route(FaultResponse::Ok("text/turtle", "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<c> a dcat:Catalog .\n")),
       {"mass_withdrawal_refused"}, "partial", 1},
  };
}

harvesters::JobSummary Find(const std::vector<harvesters::JobSummary>& jobs, const std::string& source) {
  for (const auto& job : jobs) {
    if (job.source == source) return job;
  }
  FAIL("no job of " << source);
  return {};
}

TEST_CASE("each endpoint fault is reported specifically and changes nothing", "[jobs][faults]") {
  for (const auto& fault : Cases()) {
    DYNAMIC_SECTION(fault.name) {
      JobsFixture fixture;
      FaultServer server;
      // The faulty source A and a healthy source B of another holder.
      const std::string faulty_holder = fault.turtle ? "ncc" : "mhlw";
      const std::string healthy_holder = fault.turtle ? "mhlw" : "ncc";
      if (fault.turtle) {
        server.Route("/a", FaultResponse::Ok("text/turtle", NccTurtle()));
      } else {
        server.Route("/a", JsonResponse(FeedPage(SampleDatasets("mhlw", MhlwNames()))));
      }
      std::vector<Json> healthy = fault.turtle ? SampleDatasets("mhlw", MhlwNames())
                                               : SampleDatasets("ncc", {"hospital-based-cancer-registry",
                                                                        "national-cancer-registry"});
      server.Route("/b", JsonResponse(FeedPage(healthy)));
      fixture.AddSource("source-a", faulty_holder, server.Url("/a"), fault.turtle ? "dcat-turtle" : "feed");
      fixture.AddSource("source-b", healthy_holder, server.Url("/b"));

      harvesters::WorkerOptions options;
      options.worker_id = "fault-test";
      options.lease = std::chrono::seconds(10);
      options.runner.conninfo = fixture.db.conninfo();
      harvesters::Worker worker(fixture.conn(), fixture.validator(), options);
      auto first = worker.RunPending();
      REQUIRE(first.ok());
      REQUIRE(first->size() == 2);
      for (const auto& job : *first) {
        INFO(job.source << ": " << job.error_summary << "\n"
                        << fixture.db.Scalar("SELECT string_agg(error_message, ' | ') FROM harvest_records"
                                             " WHERE outcome = 'errored'"));
        REQUIRE(job.counts.added >= 1);
        // A record the DCAT mapping cannot carry over is a record error, and leaves the job partial.
        REQUIRE(job.status == (job.counts.errored == 0 ? "succeeded" : "partial"));
      }
      const std::string before = Snapshot(fixture, faulty_holder);
      REQUIRE(before.rfind("0:", 0) != 0);

      fault.inject(server, "/a");
      healthy[0]["title"]["en"] = "Changed while the other source failed";
      server.Route("/b", JsonResponse(FeedPage(healthy)));
      fixture.db.Exec("UPDATE harvest_sources SET next_run_at = now()");
      const auto started = std::chrono::steady_clock::now();
      auto second = worker.RunPending();
      const auto elapsed = std::chrono::steady_clock::now() - started;
      REQUIRE(second.ok());
      REQUIRE(second->size() == 2);

      harvesters::JobSummary a = Find(*second, "source-a");
      INFO("source-a: " << a.error_kind << ": " << a.error_summary);
      CHECK(fault.kinds.count(a.error_kind) == 1);
      CHECK(a.status == fault.status);
      CHECK_FALSE(a.error_summary.empty());
      if (fault.fetch_attempts > 0) CHECK(a.fetch_attempts == fault.fetch_attempts);
      if (std::string(fault.name) == "HTTP 429 with Retry-After") CHECK(elapsed >= std::chrono::milliseconds(950));
      CHECK(Snapshot(fixture, faulty_holder) == before);

      harvesters::JobSummary b = Find(*second, "source-b");
      CHECK(b.status == "succeeded");
      CHECK(b.counts.updated == 1);

      harvesters::SourceStore sources(fixture.conn());
      auto stored = sources.Get("source-a");
      REQUIRE(stored.ok());
      CHECK(stored->last_status == fault.status);
      CHECK(stored->last_summary.value("error_kind", std::string()) == a.error_kind);
      CHECK_FALSE(stored->last_success_at.empty());
    }
  }
}

}  // namespace
}  // namespace hdcat::testing
