// hdcat harvest: run harvest jobs (one source now, every due source, or as a
// long-running worker) and export job reports.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"
#include "harvesters/jobs/job_report.h"
#include "harvesters/jobs/job_runner.h"
#include "harvesters/jobs/source_store.h"
#include "harvesters/scheduler/worker.h"
#include "web/server/termination_signals.h"

namespace hdcat::cli {
namespace {

using namespace hdcat::harvesters;

constexpr const char* kUsage =
    "usage: hdcat harvest SOURCE [--full] run one job for this source now\n"
    "       hdcat harvest --due           run every source whose planned time has come, once\n"
    "       hdcat harvest --worker        keep harvesting: reap, run what is due, sleep; stops on SIGTERM\n"
    "       hdcat harvest report JOB [--format json|csv]\n"
    "       hdcat harvest jobs [SOURCE] [--limit N]\n\n"
    "A job fetches the source's records one page at a time, stores new and\n"
    "changed dataset descriptions (unchanged ones are skipped by content hash),\n"
    "records an error per bad record without failing the job, and withdraws\n"
    "datasets that vanished — only after a complete gather without errors and\n"
    "unless that share reaches the source's mass-withdrawal threshold. Feed\n"
    "and CKAN sources ask only for what changed since their last complete\n"
    "gather, with a full gather every N runs (hdcat source add --full-every N)\n"
    "or with --full; datasets the source lists as deleted are withdrawn. On a\n"
    "terminal a progress bar is drawn; otherwise one log line per change.\n"
    "Exit status 1 when a job failed.\n\noptions:\n"
    "  --full              gather everything, not only what changed (then vanished datasets are withdrawn)\n"
    "  --lease-seconds N   lease of a running job, renewed by its heartbeat (default 60);\n"
    "                      a job whose worker stops renewing is reaped and run again\n"
    "  --sleep-seconds N   --worker: pause between passes (default 30)\n"
    "  --worker-id ID      name of this worker in job rows (default host:pid)\n"
    "  --format F          report format: json (default) or csv\n"
    "  --quiet             no per-record lines\n";

int Usage(const char* problem) {
  if (problem != nullptr) std::fprintf(stderr, "hdcat harvest: %s\n", problem);
  std::fprintf(problem ? stderr : stdout, "%s%s", kUsage, kDbOptionHelp);
  return problem ? 2 : 0;
}

int Fail(const Error& error) {
  std::fprintf(stderr, "hdcat harvest: %s\n", error.ToString().c_str());
  return ExitCodeFor(error);
}

std::string Now() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// Plain log lines: one per change or error, for logs and pipes.
class LogObserver : public JobObserver {
 public:
  explicit LogObserver(bool quiet) : quiet_(quiet) {}
  void OnRecord(const RecordEvent& event, const JobCounts&) override {
    if (quiet_ || event.outcome == RecordOutcome::kUnchanged) return;
    std::string line = Now() + " " + std::string(RecordOutcomeName(event.outcome)) + " " +
                       std::string(event.dataset.empty() ? event.record_identifier : event.dataset);
    if (event.outcome == RecordOutcome::kErrored) {
      line += " [" + std::string(event.error_kind) + "] " + std::string(event.error_message);
    }
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
  }
  void OnMessage(std::string_view message) override {
    std::printf("%s %.*s\n", Now().c_str(), static_cast<int>(message.size()), message.data());
    std::fflush(stdout);
  }

 private:
  bool quiet_;
};

// A progress bar on a terminal: redrawn at most ten times a second; errors and
// messages are printed above it.
class TtyObserver : public JobObserver {
 public:
  void OnRecord(const RecordEvent& event, const JobCounts& counts) override {
    if (event.outcome == RecordOutcome::kErrored) {
      Clear();
      std::fprintf(stderr, "errored %.*s [%.*s] %.*s\n", static_cast<int>(event.record_identifier.size()),
                   event.record_identifier.data(), static_cast<int>(event.error_kind.size()), event.error_kind.data(),
                   static_cast<int>(event.error_message.size()), event.error_message.data());
    }
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(100) && event.outcome != RecordOutcome::kErrored) return;
    last_draw_ = now;
    Draw(counts);
  }
  void OnMessage(std::string_view message) override {
    Clear();
    std::fprintf(stderr, "%.*s\n", static_cast<int>(message.size()), message.data());
  }
  ~TtyObserver() override { Clear(); }

 private:
  void Draw(const JobCounts& counts) {
    // The total is unknown while streaming, so the bar shows activity and the counters show progress.
    constexpr int kWidth = 24;
    frame_ = (frame_ + 1) % (2 * kWidth - 2);
    int position = frame_ < kWidth ? frame_ : 2 * kWidth - 2 - frame_;
    std::string bar(kWidth, ' ');
    bar[static_cast<std::size_t>(position)] = '#';
    std::fprintf(stderr, "\r[%s] %lld records  +%lld added  ~%lld updated  =%lld unchanged  !%lld errored \x1b[K",
                 bar.c_str(), static_cast<long long>(counts.seen), static_cast<long long>(counts.added),
                 static_cast<long long>(counts.updated), static_cast<long long>(counts.unchanged),
                 static_cast<long long>(counts.errored));
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) std::fprintf(stderr, "\r\x1b[K");
    drawn_ = false;
  }
  std::chrono::steady_clock::time_point last_draw_{};
  int frame_ = 0;
  bool drawn_ = false;
};

void PrintSummary(const JobSummary& summary) {
  const JobCounts& c = summary.counts;
  std::printf("job %lld %s %s: %lld records, %lld added, %lld updated, %lld unchanged, %lld withdrawn, %lld errored\n",
              static_cast<long long>(summary.job_id), summary.source.c_str(), summary.status.c_str(),
              static_cast<long long>(c.seen), static_cast<long long>(c.added), static_cast<long long>(c.updated),
              static_cast<long long>(c.unchanged), static_cast<long long>(c.withdrawn),
              static_cast<long long>(c.errored));
  if (!summary.modified_since.empty()) std::printf("  incremental: changes since %s\n", summary.modified_since.c_str());
  if (!summary.error_summary.empty()) {
    std::printf("  %s: %s\n", summary.error_kind.c_str(), summary.error_summary.c_str());
  }
  if (summary.counts.errored > 0) {
    std::printf("  details: hdcat harvest report %lld --format csv\n", static_cast<long long>(summary.job_id));
  }
  std::fflush(stdout);
}

int Report(pg::Connection& conn, const Args& args) {
  const auto& words = args.positional();
  if (words.size() != 2) return Usage("report takes one JOB id");
  char* end = nullptr;
  long long job = std::strtoll(words[1].c_str(), &end, 10);
  if (*end != '\0' || job <= 0) return Usage("JOB must be a job id (see hdcat harvest jobs)");
  std::string format = args.option_or("format", "json");
  auto sink = [](std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); };
  Status written = format == "csv"    ? WriteJobReportCsv(conn, job, sink)
                   : format == "json" ? WriteJobReportJson(conn, job, sink)
                                      : Status(InvalidInput("--format is json or csv"));
  if (!written.ok()) return Fail(written.error());
  return 0;
}

int Jobs(pg::Connection& conn, const Args& args) {
  const auto& words = args.positional();
  std::optional<std::string_view> source;
  if (words.size() > 1) source = words[1];
  int limit = std::atoi(args.option_or("limit", "20").c_str());
  auto jobs = RecentJobs(conn, source, limit > 0 ? limit : 20);
  if (!jobs.ok()) return Fail(jobs.error());
  std::printf("%-6s %-28s %-10s %-21s %6s %6s %6s %6s %6s  %s\n", "JOB", "SOURCE", "STATUS", "FINISHED", "ADDED",
              "UPD", "SAME", "WDRAWN", "ERR", "ERROR");
  for (const auto& entry : *jobs) {
    const Json& job = entry["job"];
    const Json& counts = entry["counts"];
    std::printf("%-6lld %-28s %-10s %-21s %6lld %6lld %6lld %6lld %6lld  %s\n", job["id"].get<long long>(),
                job["source"].get<std::string>().c_str(), job["status"].get<std::string>().c_str(),
                job["finished_at"].get<std::string>().c_str(), counts["added"].get<long long>(),
                counts["updated"].get<long long>(), counts["unchanged"].get<long long>(),
                counts["withdrawn"].get<long long>(), counts["errored"].get<long long>(),
                job["error_kind"].get<std::string>().c_str());
  }
  return 0;
}

}  // namespace

int RunHarvest(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"db", "lease-seconds", "sleep-seconds", "worker-id", "format", "limit"});
  if (!args.ok()) return Usage(args.error().message.c_str());
  if (args->help()) return Usage(nullptr);
  const auto& words = args->positional();
  const bool due = args->flag("due"), worker = args->flag("worker");
  const bool report = !words.empty() && words[0] == "report";
  const bool jobs = !words.empty() && words[0] == "jobs";
  if (static_cast<int>(due) + static_cast<int>(worker) + static_cast<int>(!words.empty()) != 1) {
    return Usage("give one SOURCE, --due, --worker, `report JOB` or `jobs`");
  }
  if (!report && !jobs && words.size() > 1) return Usage("harvest one SOURCE at a time (or --due for all)");
  if (args->flag("full") && (due || worker || report || jobs)) return Usage("--full goes with one SOURCE");
  const int lease_seconds = std::atoi(args->option_or("lease-seconds", "60").c_str());
  const int sleep_seconds = std::atoi(args->option_or("sleep-seconds", "30").c_str());
  if (lease_seconds < 2 || sleep_seconds < 1) return Usage("--lease-seconds must be at least 2, --sleep-seconds at least 1");

  // Signals are blocked before any thread starts (the heartbeat threads inherit the mask).
  if (worker) web::BlockTerminationSignals();
  auto validator = catalog::Validator::Load();
  if (!validator.ok()) return Fail(validator.error());
  auto conn = OpenDatabase(*args);
  if (!conn.ok()) return Fail(conn.error());
  if (report) return Report(**conn, *args);
  if (jobs) return Jobs(**conn, *args);

  std::atomic<bool> stop{false};
  LogObserver log_observer(args->flag("quiet"));
  TtyObserver tty;
  const bool on_tty = ::isatty(STDERR_FILENO) == 1 && !worker;
  WorkerOptions options;
  options.worker_id = args->option_or("worker-id", DefaultWorkerId());
  options.lease = std::chrono::seconds(lease_seconds);
  options.idle_sleep = std::chrono::seconds(sleep_seconds);
  options.runner.conninfo = ResolveDatabase(*args).conninfo;
  options.runner.observer = on_tty ? static_cast<JobObserver*>(&tty) : &log_observer;
  options.runner.stop = &stop;
  Worker harvest_worker(**conn, **validator, options);

  if (worker) {
    std::thread([&stop] {
      int signal_number = web::WaitForTerminationSignal();
      std::fprintf(stderr, "hdcat harvest: signal %d received, stopping after the current record\n", signal_number);
      stop.store(true);
    }).detach();
    log_observer.OnMessage("worker " + options.worker_id + " started");
    Status stopped = harvest_worker.RunUntil(stop);
    if (!stopped.ok()) return Fail(stopped.error());
    log_observer.OnMessage("worker " + options.worker_id + " stopped");
    return 0;
  }
  if (due) {
    auto summaries = harvest_worker.RunPending();
    if (!summaries.ok()) return Fail(summaries.error());
    bool any_failed = false;
    for (const auto& summary : *summaries) {
      PrintSummary(summary);
      any_failed = any_failed || summary.status == "failed";
    }
    if (summaries->empty()) std::printf("no source is due\n");
    return any_failed ? 1 : 0;
  }

  // One source, now.
  SourceStore sources(**conn);
  auto source = sources.Get(words[0]);
  if (!source.ok()) return Fail(source.error());
  if (!source->enabled) {
    return Fail(InvalidInput("source " + source->name + " is disabled (hdcat source enable " + source->name + ")"));
  }
  JobQueue& queue = harvest_worker.queue();
  auto reaped = queue.ReapExpired();
  if (!reaped.ok()) return Fail(reaped.error());
  auto queued = queue.EnqueueNow(source->id, args->flag("full"));
  if (!queued.ok()) return Fail(queued.error());
  auto claimed = queue.Claim(*queued);
  if (!claimed.ok()) return Fail(claimed.error());
  if (!*claimed) return Fail(Conflict("another worker took job " + std::to_string(*queued) + " first"));
  JobRunner runner(**conn, **validator, queue, options.runner);
  auto summary = runner.Run(**claimed);
  if (!summary.ok()) return Fail(summary.error());
  PrintSummary(*summary);
  return summary->status == "failed" ? 1 : 0;
}

}  // namespace hdcat::cli
