// Leases, reaping, concurrent workers and planning in the job queue.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "harvesters/scheduler/worker.h"
#include "tests/harvesters/jobs_test_util.h"

namespace hdcat::testing {
namespace {

using namespace std::chrono_literals;
using harvesters::JobQueue;

void WaitFor(const std::function<bool()>& condition, std::chrono::milliseconds limit, const char* what) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > until) FAIL("timed out waiting for " << what);
    std::this_thread::sleep_for(50ms);
  }
}

TEST_CASE("a running job whose lease expired is reaped and its run queued again", "[jobs][lease]") {
  JobsFixture fixture;
  FaultServer server;
  server.Route("/feed", JsonResponse(FeedPage(SampleDatasets("mhlw", MhlwNames()))));
  auto source = fixture.AddSource("mhlw-feed", "mhlw", server.Url("/feed"));

  JobQueue dead(fixture.conn(), "dead-worker", 30s);
  auto queued = dead.EnqueueNow(source.id);
  REQUIRE(queued.ok());
  auto claimed = dead.Claim(*queued);
  REQUIRE(claimed.ok());
  REQUIRE(claimed->has_value());
  const std::string job = std::to_string(*queued);
  const std::string planned = fixture.db.Scalar("SELECT planned_at FROM harvest_jobs WHERE id = " + job);

  JobQueue live(fixture.conn(), "live-worker", 30s);
  auto nothing = live.ReapExpired();
  REQUIRE(nothing.ok());
  CHECK(nothing->empty());  // the lease is still valid
  CHECK(fixture.db.Scalar("SELECT status FROM harvest_jobs WHERE id = " + job) == "running");

  fixture.db.Exec("UPDATE harvest_jobs SET lease_expires_at = now() - interval '1 second' WHERE id = " + job);
  auto reaped = live.ReapExpired();
  REQUIRE(reaped.ok());
  REQUIRE(reaped->size() == 1);
  CHECK((*reaped)[0].job_id == *queued);
  CHECK((*reaped)[0].lease_owner == "dead-worker");
  REQUIRE((*reaped)[0].rerun_job_id.has_value());
  CHECK(fixture.db.Scalar("SELECT status || ' ' || error_kind FROM harvest_jobs WHERE id = " + job) ==
        "abandoned lease_expired");
  const std::string rerun = std::to_string(*(*reaped)[0].rerun_job_id);
  CHECK(fixture.db.Scalar("SELECT status || ' ' || trigger || ' ' || attempt FROM harvest_jobs WHERE id = " + rerun) ==
        "queued rerun 2");
  CHECK(fixture.db.Scalar("SELECT planned_at FROM harvest_jobs WHERE id = " + rerun) == planned);
  CHECK(fixture.db.Scalar("SELECT last_status FROM harvest_sources") == "abandoned");
  CHECK(fixture.Count("SELECT count(*) FROM harvest_jobs WHERE status = 'running'") == 0);

  // The old worker can no longer touch it.
  auto beat = dead.Heartbeat(*queued);
  REQUIRE(beat.ok());
  CHECK_FALSE(*beat);

  auto next = live.ClaimNext();
  REQUIRE(next.ok());
  REQUIRE(next->has_value());
  CHECK((*next)->job_id == *(*reaped)[0].rerun_job_id);
  harvesters::RunnerOptions options;
  options.conninfo = fixture.db.conninfo();
  harvesters::JobRunner runner(fixture.conn(), fixture.validator(), live, options);
  auto summary = runner.Run(**next);
  REQUIRE(summary.ok());
  CHECK(summary->status == "succeeded");
  CHECK(summary->counts.added == 8);
  CHECK(fixture.Count("SELECT count(*) FROM datasets") == 8);
  CHECK(fixture.Versions() == 8);
}

TEST_CASE("kill -9 of a harvesting process: the job is reaped and rerun without duplicates", "[jobs][lease]") {
  JobsFixture fixture;
  FaultServer server;
  std::vector<Json> datasets = SampleDatasets("mhlw", MhlwNames());
  std::vector<Json> first(datasets.begin(), datasets.begin() + 3), second(datasets.begin() + 3, datasets.end());
  server.Route("/feed", JsonResponse(FeedPage(first, server.Url("/feed2"))));
  server.Route("/feed2", FaultResponse::WithFault(Fault::kHang));  // the child hangs here, mid-job
  harvesters::SourceLimits limits = JobsFixture::ShortLimits();
  limits.total_timeout_ms = 60'000;
  limits.low_speed_window_s = 0;
  limits.max_fetch_attempts = 1;
  auto source = fixture.AddSource("mhlw-feed", "mhlw", server.Url("/feed"), "feed", 0.5, limits);
  JobQueue parent(fixture.conn(), "parent", 2s);
  auto queued = parent.EnqueueNow(source.id);
  REQUIRE(queued.ok());
  const std::string job = std::to_string(*queued);

  const std::string conninfo = fixture.db.conninfo();
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The child: claims the job with a 2 s lease and harvests until it is killed.
    auto conn = pg::Connection::Open(conninfo);
    if (!conn.ok()) ::_exit(3);
    auto validator = catalog::Validator::Load();
    if (!validator.ok()) ::_exit(4);
    JobQueue queue(**conn, "child-worker", 2s);
    auto claimed = queue.Claim(*queued);
    if (!claimed.ok() || !claimed->has_value()) ::_exit(5);
    harvesters::RunnerOptions options;
    options.conninfo = conninfo;
    options.batch_size = 1;  // store each record as it arrives, so the kill lands mid-job
    harvesters::JobRunner runner(**conn, **validator, queue, options);
    (void)runner.Run(**claimed);
    ::_exit(0);
  }
  WaitFor([&] { return fixture.Count("SELECT count(*) FROM harvest_records WHERE job_id = " + job) == 3; }, 15s,
          "the child to store the first page");
  CHECK(fixture.db.Scalar("SELECT status || ' ' || lease_owner FROM harvest_jobs WHERE id = " + job) ==
        "running child-worker");
  REQUIRE(::kill(child, SIGKILL) == 0);
  int wait_status = 0;
  REQUIRE(::waitpid(child, &wait_status, 0) == child);
  CHECK(WIFSIGNALED(wait_status));

  // Nothing renews the lease any more: a worker's reaper takes it after expiry.
  CHECK(fixture.db.Scalar("SELECT status FROM harvest_jobs WHERE id = " + job) == "running");
  JobQueue restarted(fixture.conn(), "restarted", 5s);
  std::vector<harvesters::ReapedJob> reaped;
  WaitFor(
      [&] {
        auto pass = restarted.ReapExpired();
        if (pass.ok()) reaped = *pass;
        return !reaped.empty();
      },
      10s, "the lease to expire");
  REQUIRE(reaped.size() == 1);
  CHECK(reaped[0].job_id == *queued);
  REQUIRE(reaped[0].rerun_job_id.has_value());
  CHECK(fixture.db.Scalar("SELECT status FROM harvest_jobs WHERE id = " + job) == "abandoned");

  server.Route("/feed2", JsonResponse(FeedPage(second)));
  auto next = restarted.ClaimNext();
  REQUIRE(next.ok());
  REQUIRE(next->has_value());
  harvesters::RunnerOptions options;
  options.conninfo = conninfo;
  harvesters::JobRunner runner(fixture.conn(), fixture.validator(), restarted, options);
  auto summary = runner.Run(**next);
  REQUIRE(summary.ok());
  CHECK(summary->status == "succeeded");
  CHECK(summary->counts.unchanged == 3);  // stored by the killed child, not stored twice
  CHECK(summary->counts.added == 5);
  CHECK(fixture.Count("SELECT count(*) FROM datasets") == 8);
  CHECK(fixture.Versions() == 8);
  CHECK(fixture.Count("SELECT count(*) FROM harvest_jobs WHERE status = 'running'") == 0);
}

TEST_CASE("two workers in parallel never run the same source", "[jobs][lease]") {
  JobsFixture fixture;
  FaultServer server;
  std::vector<Json> datasets = SampleDatasets("mhlw", MhlwNames());
  constexpr int kSources = 6;
  for (int i = 0; i < kSources; ++i) {
    std::string body = FeedPage({datasets[static_cast<std::size_t>(i)]});
    server.Handle("/s" + std::to_string(i), [body](const FaultRequest&) {
      std::this_thread::sleep_for(200ms);  // long enough for the other worker to look for work meanwhile
      return JsonResponse(body);
    });
    fixture.AddSource("source-" + std::to_string(i), "mhlw", server.Url("/s" + std::to_string(i)));
  }
  std::vector<harvesters::JobSummary> done[2];
  Status outcome[2];
  auto work = [&](int index) {
    auto conn = pg::Connection::Open(fixture.db.conninfo());
    if (!conn.ok()) {
      outcome[index] = conn.error();
      return;
    }
    harvesters::WorkerOptions options;
    options.worker_id = "worker-" + std::to_string(index);
    options.lease = 10s;
    options.runner.conninfo = fixture.db.conninfo();
    harvesters::Worker worker(**conn, fixture.validator(), options);
    auto pass = worker.RunPending();
    if (!pass.ok()) {
      outcome[index] = pass.error();
      return;
    }
    done[index] = *pass;
  };
  std::thread one(work, 0), two(work, 1);
  one.join();
  two.join();
  REQUIRE(outcome[0].ok());
  REQUIRE(outcome[1].ok());
  std::set<std::string> sources;
  for (const auto& list : done) {
    for (const auto& job : list) {
      CHECK(job.status == "succeeded");
      CHECK(sources.insert(job.source).second);  // no source ran twice
    }
  }
  CHECK(sources.size() == kSources);
  CHECK(fixture.Count("SELECT count(*) FROM harvest_jobs") == kSources);
  CHECK(fixture.Count("SELECT count(DISTINCT source_id) FROM harvest_jobs") == kSources);
  CHECK(fixture.Count("SELECT count(*) FROM datasets") == kSources);

  // While a job of a source runs, no second one can be queued or claimed.
  JobQueue a(fixture.conn(), "a", 10s);
  auto queued = a.EnqueueNow(1);
  REQUIRE(queued.ok());
  REQUIRE(a.Claim(*queued).ok());
  auto again = a.EnqueueNow(1);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().kind == ErrorKind::kConflict);
  CHECK(again.error().message.find("being harvested now") != std::string::npos);
}

TEST_CASE("due sources are queued once and planned from their planned time", "[jobs][schedule]") {
  JobsFixture fixture;
  FaultServer server;
  fixture.AddSource("mhlw-feed", "mhlw", server.Url("/feed"));  // PT6H
  fixture.db.Exec("UPDATE harvest_sources SET next_run_at = date_trunc('second', now()) - interval '10 hours'");
  const long long planned = fixture.Count("SELECT extract(epoch FROM next_run_at)::bigint FROM harvest_sources");
  JobQueue queue(fixture.conn(), "planner", 10s);
  auto queued = queue.EnqueueDue();
  REQUIRE(queued.ok());
  CHECK(*queued == 1);
  CHECK(fixture.Count("SELECT extract(epoch FROM planned_at)::bigint FROM harvest_jobs") == planned);
  // 10 h late: the 6 h slot was missed and is skipped; the next is planned + 12 h, not now + 6 h.
  CHECK(fixture.Count("SELECT extract(epoch FROM next_run_at)::bigint FROM harvest_sources") == planned + 12 * 3600);
  auto again = queue.EnqueueDue();
  REQUIRE(again.ok());
  CHECK(*again == 0);

  // Due again while its job is still queued: the run is planned on, but not queued twice.
  fixture.db.Exec("UPDATE harvest_sources SET next_run_at = now() - interval '1 minute'");
  auto busy = queue.EnqueueDue();
  REQUIRE(busy.ok());
  CHECK(*busy == 0);
  CHECK(fixture.Count("SELECT count(*) FROM harvest_jobs") == 1);
  CHECK(fixture.Count("SELECT (next_run_at > now())::int FROM harvest_sources") == 1);

  // Disabled sources are neither queued nor claimed.
  harvesters::SourceStore sources(fixture.conn());
  REQUIRE(sources.SetEnabled("mhlw-feed", false).ok());
  auto claimed = queue.ClaimNext();
  REQUIRE(claimed.ok());
  CHECK_FALSE(claimed->has_value());
}

}  // namespace
}  // namespace hdcat::testing
