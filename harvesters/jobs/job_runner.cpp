#include "harvesters/jobs/job_runner.h"

#include <algorithm>
#include <memory>
#include <thread>

#include "catalog/pg/transaction.h"
#include "catalog/store/catalog_store.h"
#include "catalog/validation/formats.h"
#include "harvesters/adapters/record_stream.h"
#include "harvesters/jobs/record_applier.h"
#include "harvesters/jobs/source_store.h"
#include "harvesters/jobs/stored_text.h"
#include "harvesters/jobs/withdrawals.h"
#include "harvesters/scheduler/lease_keeper.h"

namespace hdcat::harvesters {
namespace {

constexpr std::size_t kMaxWarnings = 100;
// Subtracted from the job's start when the source states no time of its own,
// so that a source clock a little behind the database's cannot hide a change.
constexpr std::int64_t kHighWaterMarginSeconds = 600;

// Formats whose endpoints can list only what changed since a time.
bool CanRunIncrementally(SourceFormat format) {
  return format == SourceFormat::kNativeFeed || format == SourceFormat::kCkan;
}

// The report's code for why a gather ended incomplete.
std::string GatherErrorKind(const GatherStatus& status) {
  if (status.fetch_failure) {
    const FetchFailure& failure = *status.fetch_failure;
    switch (failure.kind) {
      case FetchFailureKind::kHttpStatus: return "http_" + std::to_string(failure.http_status);
      case FetchFailureKind::kSinkRejected: return "parse";
      default: return std::string(FetchFailureKindName(failure.kind));
    }
  }
  if (!status.error) return "incomplete";
  switch (status.error->kind) {
    case ErrorKind::kInvalidInput: return "parse";
    case ErrorKind::kTooLarge: return "too_large";
    case ErrorKind::kTimeout: return "timeout";
    case ErrorKind::kUpstream: return "upstream";
    default: return std::string(ErrorKindName(status.error->kind));
  }
}

HttpLimits LimitsFor(const SourceLimits& limits) {
  HttpLimits http;
  http.connect_timeout = std::chrono::milliseconds(limits.connect_timeout_ms);
  http.total_timeout = std::chrono::milliseconds(limits.total_timeout_ms);
  http.low_speed_window = std::chrono::seconds(limits.low_speed_window_s);
  http.max_body_bytes = static_cast<std::uint64_t>(limits.max_body_bytes);
  return http;
}

// The per-job state the run loop threads through.
struct Gather {
  GatherStatus status;
  bool opened = false;
  bool too_many_records = false;
  bool stopped = false;
  bool lease_lost = false;
  std::optional<Error> open_error;
  int attempts = 0;
};

}  // namespace

JobRunner::JobRunner(pg::Connection& conn, const catalog::Validator& validator, JobQueue& queue,
                     RunnerOptions options)
    : conn_(conn), validator_(validator), queue_(queue), options_(std::move(options)) {}

Result<JobSummary> JobRunner::Run(const ClaimedJob& job) {
  JobSummary summary;
  summary.job_id = job.job_id;
  summary.source = job.source_name;
  JobObserver* observer = options_.observer;
  auto say = [&](const std::string& message) {
    if (observer != nullptr) observer->OnMessage(message);
  };
  auto warn = [&](std::string warning) {
    if (summary.warnings.size() < kMaxWarnings) summary.warnings.push_back(warning);
    say("warning: " + warning);
  };

  SourceStore sources(conn_);
  auto source = sources.GetById(job.source_id);
  if (!source.ok()) return source.error();
  auto credentials = sources.LoadCredentials(job.source_id);
  if (!credentials.ok()) return credentials.error();
  auto holder_row = conn_.Exec("SELECT holder_id FROM harvest_sources WHERE id = $1", {job.source_id});
  if (!holder_row.ok()) return holder_row.error();

  const auto beat_every = std::max(std::chrono::milliseconds(100),
                                   std::chrono::duration_cast<std::chrono::milliseconds>(queue_.lease()) / 3);
  auto keeper = LeaseKeeper::Start(options_.conninfo, queue_.worker_id(), queue_.lease(), job.job_id, beat_every);
  if (!keeper.ok()) return keeper.error();

  SourceConfig config;
  config.source_id = source->name;
  config.holder = source->holder;
  config.endpoint = source->endpoint;
  config.options = source->options;
  config.credentials = *credentials;
  config.etag = source->etag;
  config.last_modified = source->last_modified;
  Gather gather;
  if (auto format = ParseSourceFormat(source->format); format.ok()) {
    config.format = *format;
  } else {
    gather.open_error = format.error();
  }
  const bool ask_incremental = !gather.open_error && CanRunIncrementally(config.format) && !job.full_requested &&
                               !source->modified_since.empty() &&
                               source->incremental_runs + 1 < source->full_gather_every;
  if (ask_incremental) config.modified_since = source->modified_since;
  HDCAT_TRY(conn_.Exec("UPDATE harvest_jobs SET modified_since = $2 WHERE id = $1",
                       {job.job_id, config.modified_since}));
  const HttpClient client(LimitsFor(source->limits));
  catalog::CatalogStore store(conn_, validator_);
  ApplierContext context;
  context.job_id = job.job_id;
  context.source_id = job.source_id;
  context.holder_id = holder_row->Int64(0, 0);
  context.source_name = source->name;
  context.holder = source->holder;
  context.raw_limit = options_.raw_limit;
  RecordApplier applier(conn_, store, context, observer);

  say("job " + std::to_string(job.job_id) + ": harvesting " + source->name + " (" + source->format + ") from " +
      RedactUrl(source->endpoint) + (job.attempt > 1 ? ", attempt " + std::to_string(job.attempt) : ""));
  if (ask_incremental) {
    say("incremental gather: records changed since " + source->modified_since + " (a full gather every " +
        std::to_string(source->full_gather_every) + " runs, or with --full)");
  }

  auto interrupted = [&] {
    if (options_.stop != nullptr && options_.stop->load()) gather.stopped = true;
    if ((*keeper)->lost()) gather.lease_lost = true;
    return gather.stopped || gather.lease_lost;
  };
  auto flush_counters = [&]() -> Status {
    const JobCounts& c = applier.counts();
    auto updated = conn_.Exec(
        "UPDATE harvest_jobs SET n_seen = $2, n_added = $3, n_updated = $4, n_unchanged = $5, n_errored = $6,"
        " pages = $7, bytes = $8, fetch_attempts = $9 WHERE id = $1 AND status = 'running'",
        {job.job_id, c.seen, c.added, c.updated, c.unchanged, c.errored, gather.status.pages,
         static_cast<std::int64_t>(gather.status.bytes), gather.attempts});
    if (!updated.ok()) return updated.error();
    return Status::Ok();
  };

  std::vector<SourceRecord> batch;
  batch.reserve(options_.batch_size);
  for (int attempt = 1; !gather.open_error; ++attempt) {
    gather.attempts = attempt;
    auto stream = OpenRecordStream(config, client);
    if (!stream.ok()) {
      gather.open_error = stream.error();
      break;
    }
    gather.opened = true;
    SourceRecord record;
    while (!interrupted() && (*stream)->Next(&record)) {
      batch.push_back(std::move(record));
      record = SourceRecord();
      if (applier.counts().seen + static_cast<std::int64_t>(batch.size()) > source->limits.max_records) {
        batch.pop_back();
        gather.too_many_records = true;
        break;
      }
      if (batch.size() >= options_.batch_size) {
        gather.status = (*stream)->status();
        HDCAT_TRY(applier.ApplyBatch(batch));
        batch.clear();
        HDCAT_TRY(flush_counters());
      }
    }
    if (!batch.empty()) {
      HDCAT_TRY(applier.ApplyBatch(batch));
      batch.clear();
    }
    gather.status = (*stream)->status();
    HDCAT_TRY(flush_counters());
    if (gather.stopped || gather.lease_lost || gather.too_many_records) break;
    if (gather.status.complete || gather.status.not_modified) break;
    const auto& failure = gather.status.fetch_failure;
    const bool retryable = failure && failure->retryable && applier.counts().seen == 0;
    if (!retryable || attempt >= source->limits.max_fetch_attempts) break;
    auto delay = std::chrono::milliseconds(static_cast<std::int64_t>(source->limits.retry_base_ms) << (attempt - 1));
    if (failure->retry_after) delay = std::chrono::duration_cast<std::chrono::milliseconds>(*failure->retry_after);
    if (delay > options_.max_retry_delay) {
      warn("the source asked to retry after " + std::to_string(delay.count() / 1000) +
           " s, beyond the retry limit; giving up for this run");
      break;
    }
    say("fetch failed (" + GatherErrorKind(gather.status) + "): " +
        (gather.status.error ? gather.status.error->message : std::string("unknown")) + "; retrying in " +
        std::to_string(delay.count()) + " ms (attempt " + std::to_string(attempt + 1) + " of " +
        std::to_string(source->limits.max_fetch_attempts) + ")");
    const auto until = std::chrono::steady_clock::now() + delay;
    while (std::chrono::steady_clock::now() < until && !interrupted()) {
      std::this_thread::sleep_for(std::min(std::chrono::milliseconds(100),
                                           std::chrono::duration_cast<std::chrono::milliseconds>(
                                               until - std::chrono::steady_clock::now())));
    }
    if (gather.stopped || gather.lease_lost) break;
  }

  if (gather.lease_lost) {
    return Conflict("job " + std::to_string(job.job_id) +
                    " lost its lease (another worker reaped it); its work so far is kept and its run was queued again");
  }
  if (gather.stopped) {
    HDCAT_TRY(queue_.Abandon(job.job_id, "the worker was stopped during the job; the run was queued again"));
    summary.status = "abandoned";
    summary.counts = applier.counts();
    summary.error_kind = "interrupted";
    return summary;
  }

  JobCounts counts = applier.counts();
  for (const auto& warning : applier.warnings()) {
    if (summary.warnings.size() < kMaxWarnings) summary.warnings.push_back(warning);
  }
  for (const auto& warning : gather.status.warnings) warn(warning);
  const bool complete = gather.opened && gather.status.complete && !gather.too_many_records;
  const bool incremental = ask_incremental && gather.status.incremental;
  if (complete && ask_incremental && !incremental) {
    say("the source ignored modified_since and listed everything: this was a full gather");
  }
  std::optional<std::string> refused;
  if (gather.open_error) {
    summary.error_kind = "configuration";
    summary.error_summary = gather.open_error->ToString();
  } else if (gather.too_many_records) {
    summary.error_kind = "too_many_records";
    summary.error_summary = "the source has more than " + std::to_string(source->limits.max_records) +
                            " records (the source's limit); the gather is incomplete";
  } else if (!complete && !gather.status.not_modified) {
    summary.error_kind = GatherErrorKind(gather.status);
    summary.error_summary = "gather incomplete after " + std::to_string(counts.seen) + " records: " +
                            (gather.status.error ? gather.status.error->ToString() : std::string("ended early")) +
                            (gather.attempts > 1 ? " (" + std::to_string(gather.attempts) + " attempts)" : "");
  }
  if (complete && !gather.status.deleted.empty()) {
    DeclaredWithdrawalInput declared;
    declared.job_id = job.job_id;
    declared.source_id = job.source_id;
    declared.holder_id = context.holder_id;
    declared.source_name = source->name;
    declared.deletions = std::move(gather.status.deleted);
    auto withdrawn = WithdrawDeclared(conn_, store, declared, observer, &counts);
    if (!withdrawn.ok()) return withdrawn.error();
    for (const auto& warning : withdrawn->warnings) warn(warning);
  }
  // An incremental gather lists only changes: what it does not list has not vanished.
  if (complete && !incremental && config.format != SourceFormat::kCsvDictionary) {
    if (counts.errored > 0) {
      warn("no withdrawals in this run: " + std::to_string(counts.errored) +
           " records failed, so what vanished cannot be told apart from what could not be read");
    } else {
      WithdrawalInput input;
      input.job_id = job.job_id;
      input.source_id = job.source_id;
      input.source_name = source->name;
      input.threshold = source->mass_withdrawal_threshold;
      input.previously_active_seen = counts.updated + counts.unchanged;
      input.seen = counts.seen;
      auto withdrawn = WithdrawVanished(conn_, store, input, observer, &counts);
      if (!withdrawn.ok()) return withdrawn.error();
      if (withdrawn->refused) {
        refused = withdrawn->refused;
        summary.error_kind = "mass_withdrawal_refused";
        summary.error_summary = *withdrawn->refused;
        warn(*withdrawn->refused);
      }
    }
  }
  if (gather.status.not_modified) say("the source answered 304 Not Modified: nothing changed");

  summary.counts = counts;
  summary.gather_complete = complete;
  summary.modified_since = incremental ? source->modified_since : std::string();
  summary.fetch_attempts = gather.attempts;
  summary.status = !complete && !gather.status.not_modified ? "failed"
                   : counts.errored > 0 || refused          ? "partial"
                                                            : "succeeded";
  if (summary.status == "partial" && summary.error_kind.empty()) {
    summary.error_kind = "record_errors";
    summary.error_summary = std::to_string(counts.errored) + " of " + std::to_string(counts.seen) +
                            " records could not be stored (see the job report)";
  }

  // The source's own time of this gather (the feed's generated_at) is the next
  // high-water mark; without one, the job's start minus a margin on the database clock.
  std::optional<std::string> stated_time;
  if (complete && CanRunIncrementally(config.format) && !gather.status.source_timestamp.empty()) {
    if (catalog::validation::IsValidDateTime(gather.status.source_timestamp)) {
      stated_time = gather.status.source_timestamp;
    } else {
      warn("the source's time \"" + StoredText(gather.status.source_timestamp, 64) +
           "\" is not an RFC 3339 date-time; the next incremental run starts from this job's start instead");
    }
  }

  Json warnings = Json::array();
  for (const auto& warning : summary.warnings) warnings.push_back(StoredText(warning, 2048));
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto finished = conn_.Exec(
      "UPDATE harvest_jobs SET status = $3, finished_at = now(), n_seen = $4, n_added = $5, n_updated = $6,"
      " n_unchanged = $7, n_withdrawn = $8, n_errored = $9, pages = $10, bytes = $11, fetch_attempts = $12,"
      " gather_complete = $13, error_kind = $14, error_summary = $15, warnings = $16::jsonb, heartbeat_at = now()"
      " WHERE id = $1 AND status = 'running' AND lease_owner = $2",
      {job.job_id, queue_.worker_id(), summary.status, counts.seen, counts.added, counts.updated, counts.unchanged,
       counts.withdrawn, counts.errored, gather.status.pages, static_cast<std::int64_t>(gather.status.bytes),
       gather.attempts, complete,
       summary.error_kind.empty() ? std::nullopt : std::optional(summary.error_kind),
       summary.error_summary.empty() ? std::nullopt : std::optional(StoredText(summary.error_summary, 4096)),
       warnings.dump()});
  if (!finished.ok()) return finished.error();
  if (finished->affected() == 0) {
    return Conflict("job " + std::to_string(job.job_id) + " was reaped by another worker before it could finish");
  }
  // Validators are kept only from a clean gather: a later 304 must not hide records that failed this time.
  if (complete && counts.errored == 0) {
    HDCAT_TRY(conn_.Exec("UPDATE harvest_sources SET etag = $2, last_modified = $3 WHERE id = $1",
                         {job.source_id, StoredText(gather.status.etag, 1024),
                          StoredText(gather.status.last_modified, 256)}));
  }
  // The mark moves after every complete gather: failed records are in the job
  // report, and they are read again when they change or at the next full gather.
  if (ask_incremental && !incremental) {
    HDCAT_TRY(conn_.Exec("UPDATE harvest_jobs SET modified_since = NULL WHERE id = $1", {job.job_id}));
  }
  if (complete && CanRunIncrementally(config.format)) {
    HDCAT_TRY(conn_.Exec(
        "UPDATE harvest_sources s SET modified_since ="
        " hdcat_utc_text(coalesce($3::timestamptz, j.started_at - $4::integer * interval '1 second')),"
        " incremental_runs = CASE WHEN $5 THEN s.incremental_runs + 1 ELSE 0 END"
        " FROM harvest_jobs j WHERE s.id = $1 AND j.id = $2",
        {job.source_id, job.job_id, stated_time, kHighWaterMarginSeconds, incremental}));
  }
  HDCAT_TRY(RecordSourceOutcome(conn_, job.job_id));
  HDCAT_TRY(tx->Commit());
  return summary;
}

}  // namespace hdcat::harvesters
