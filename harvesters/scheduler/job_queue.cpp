#include "harvesters/scheduler/job_queue.h"

#include "catalog/pg/transaction.h"
#include "harvesters/scheduler/schedule.h"

namespace hdcat::harvesters {
namespace {

constexpr std::string_view kActiveConflict = "ON CONFLICT (source_id) WHERE status IN ('queued', 'running') DO NOTHING";

}  // namespace

JobQueue::JobQueue(pg::Connection& conn, std::string worker_id, std::chrono::seconds lease)
    : conn_(conn), worker_id_(std::move(worker_id)), lease_(lease) {}

Result<int> JobQueue::EnqueueDue() {
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto due = conn_.Exec(
      "SELECT id, schedule, floor(extract(epoch FROM next_run_at))::bigint AS planned,"
      " floor(extract(epoch FROM now()))::bigint AS now"
      " FROM harvest_sources WHERE enabled AND schedule <> 'manual' AND next_run_at <= now()"
      " ORDER BY next_run_at, id LIMIT 1000 FOR UPDATE SKIP LOCKED");
  if (!due.ok()) return due.error();
  int queued = 0;
  for (int i = 0; i < due->rows(); ++i) {
    const std::int64_t source_id = due->Int64(i, "id");
    const std::int64_t planned = due->Int64(i, "planned");
    auto inserted = conn_.Exec("INSERT INTO harvest_jobs (source_id, planned_at, trigger) VALUES ($1, to_timestamp($2), "
                               "'schedule') " + std::string(kActiveConflict) + " RETURNING id",
                               {source_id, planned});
    if (!inserted.ok()) return inserted.error();
    if (!inserted->empty()) ++queued;
    auto schedule = Schedule::Parse(due->Text(i, "schedule"));
    std::optional<std::int64_t> next;
    if (schedule.ok()) next = schedule->NextRun(planned, due->Int64(i, "now"));
    // A schedule that no longer parses stops being planned (manual) rather than looping every second.
    auto planned_next = next ? conn_.Exec("UPDATE harvest_sources SET next_run_at = to_timestamp($2) WHERE id = $1",
                                          {source_id, *next})
                             : conn_.Exec("UPDATE harvest_sources SET schedule = 'manual' WHERE id = $1", {source_id});
    if (!planned_next.ok()) return planned_next.error();
  }
  HDCAT_TRY(tx->Commit());
  return queued;
}

Result<std::int64_t> JobQueue::EnqueueNow(std::int64_t source_id, bool full) {
  auto inserted = conn_.Exec("INSERT INTO harvest_jobs (source_id, planned_at, trigger, full_requested)"
                             " VALUES ($1, now(), 'manual', $2) " + std::string(kActiveConflict) + " RETURNING id",
                             {source_id, full});
  if (!inserted.ok()) return inserted.error();
  if (!inserted->empty()) return inserted->Int64(0, 0);
  auto active = conn_.Exec(
      "SELECT id, status, lease_owner, hdcat_utc_text(lease_expires_at) AS until FROM harvest_jobs"
      " WHERE source_id = $1 AND status IN ('queued', 'running')",
      {source_id});
  if (!active.ok()) return active.error();
  if (active->empty()) return Conflict("the source's job finished while another was being queued; try again");
  if (active->Text(0, "status") == "queued") {
    const std::int64_t queued = active->Int64(0, "id");
    if (full) HDCAT_TRY(conn_.Exec("UPDATE harvest_jobs SET full_requested = true WHERE id = $1", {queued}));
    return queued;
  }
  return Conflict("the source is being harvested now by job " + std::string(active->Text(0, "id")) + " (worker " +
                  std::string(active->Text(0, "lease_owner")) + ", lease until " +
                  std::string(active->Text(0, "until")) + ")");
}

Result<std::optional<ClaimedJob>> JobQueue::ClaimWhere(std::string_view job_filter, std::vector<pg::Param> params) {
  std::string sql =
      "UPDATE harvest_jobs j SET status = 'running', lease_owner = $1,"
      " lease_expires_at = now() + $2::integer * interval '1 second', heartbeat_at = now(), started_at = now()"
      " FROM harvest_sources s"
      " WHERE s.id = j.source_id AND j.id = (SELECT q.id FROM harvest_jobs q JOIN harvest_sources qs ON qs.id = q.source_id"
      " WHERE q.status = 'queued' AND " +
      std::string(job_filter) +
      " ORDER BY q.planned_at, q.id LIMIT 1 FOR UPDATE OF q SKIP LOCKED)"
      " RETURNING j.id, j.source_id, s.name, hdcat_utc_text(j.planned_at) AS planned_at, j.trigger, j.attempt,"
      " j.full_requested";
  params.insert(params.begin(), {pg::Param(worker_id_), pg::Param(static_cast<std::int64_t>(lease_.count()))});
  auto claimed = conn_.Exec(sql, params);
  if (!claimed.ok()) return claimed.error();
  if (claimed->empty()) return std::optional<ClaimedJob>();
  ClaimedJob job;
  job.job_id = claimed->Int64(0, "id");
  job.source_id = claimed->Int64(0, "source_id");
  job.source_name = claimed->Text(0, "name");
  job.planned_at = claimed->Text(0, "planned_at");
  job.trigger = claimed->Text(0, "trigger");
  job.attempt = static_cast<int>(claimed->Int64(0, "attempt"));
  job.full_requested = claimed->Bool(0, "full_requested");
  return std::optional<ClaimedJob>(std::move(job));
}

Result<std::optional<ClaimedJob>> JobQueue::ClaimNext() { return ClaimWhere("qs.enabled", {}); }

Result<std::optional<ClaimedJob>> JobQueue::Claim(std::int64_t job_id) { return ClaimWhere("q.id = $3", {job_id}); }

Result<bool> JobQueue::Heartbeat(std::int64_t job_id) {
  auto updated = conn_.Exec(
      "UPDATE harvest_jobs SET heartbeat_at = now(), lease_expires_at = now() + $3::integer * interval '1 second'"
      " WHERE id = $1 AND status = 'running' AND lease_owner = $2",
      {job_id, worker_id_, static_cast<std::int64_t>(lease_.count())});
  if (!updated.ok()) return updated.error();
  return updated->affected() == 1;
}

Result<std::optional<std::int64_t>> JobQueue::QueueRerun(std::int64_t abandoned_job_id) {
  auto rerun = conn_.Exec(
      "INSERT INTO harvest_jobs (source_id, planned_at, trigger, rerun_of, attempt, full_requested)"
      " SELECT source_id, planned_at, 'rerun', id, attempt + 1, full_requested FROM harvest_jobs"
      " WHERE id = $1 AND attempt < $2 " +
          std::string(kActiveConflict) + " RETURNING id",
      {abandoned_job_id, kMaxAttempts});
  if (!rerun.ok()) return rerun.error();
  if (rerun->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rerun->Int64(0, 0));
}

Result<std::vector<ReapedJob>> JobQueue::ReapExpired() {
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto reaped = conn_.Exec(
      "UPDATE harvest_jobs j SET status = 'abandoned', finished_at = now(), error_kind = 'lease_expired',"
      " error_summary = 'worker ' || j.lease_owner || ' stopped renewing its lease (killed or hung; last heartbeat '"
      " || coalesce(hdcat_utc_text(j.heartbeat_at), 'never') || '); the job was abandoned and its run queued again'"
      " FROM harvest_sources s WHERE s.id = j.source_id AND j.status = 'running' AND j.lease_expires_at < now()"
      " RETURNING j.id, s.name, j.lease_owner");
  if (!reaped.ok()) return reaped.error();
  std::vector<ReapedJob> out;
  for (int i = 0; i < reaped->rows(); ++i) {
    ReapedJob job;
    job.job_id = reaped->Int64(i, "id");
    job.source_name = reaped->Text(i, "name");
    job.lease_owner = reaped->Text(i, "lease_owner");
    auto rerun = QueueRerun(job.job_id);
    if (!rerun.ok()) return rerun.error();
    job.rerun_job_id = *rerun;
    HDCAT_TRY(RecordSourceOutcome(conn_, job.job_id));
    out.push_back(std::move(job));
  }
  HDCAT_TRY(tx->Commit());
  return out;
}

Status JobQueue::Abandon(std::int64_t job_id, std::string_view reason) {
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto abandoned = conn_.Exec(
      "UPDATE harvest_jobs SET status = 'abandoned', finished_at = now(), error_kind = 'interrupted',"
      " error_summary = $3 WHERE id = $1 AND status = 'running' AND lease_owner = $2",
      {job_id, worker_id_, reason});
  if (!abandoned.ok()) return abandoned.error();
  if (abandoned->affected() == 0) return Status::Ok();  // already reaped by someone else
  auto rerun = QueueRerun(job_id);
  if (!rerun.ok()) return rerun.error();
  HDCAT_TRY(RecordSourceOutcome(conn_, job_id));
  return tx->Commit();
}

Status RecordSourceOutcome(pg::Connection& conn, std::int64_t job_id) {
  auto updated = conn.Exec(
      "UPDATE harvest_sources s SET last_job_id = j.id, last_status = j.status, last_finished_at = j.finished_at,"
      " last_success_at = CASE WHEN j.status IN ('succeeded', 'partial') THEN j.finished_at ELSE s.last_success_at END,"
      " last_summary = jsonb_build_object('job', j.id, 'status', j.status, 'seen', j.n_seen, 'added', j.n_added,"
      "  'updated', j.n_updated, 'unchanged', j.n_unchanged, 'withdrawn', j.n_withdrawn, 'errored', j.n_errored,"
      "  'gather_complete', j.gather_complete, 'error_kind', j.error_kind, 'error', j.error_summary,"
      "  'finished_at', hdcat_utc_text(j.finished_at)),"
      " updated_at = now()"
      " FROM harvest_jobs j WHERE j.id = $1 AND s.id = j.source_id",
      {job_id});
  if (!updated.ok()) return updated.error();
  return Status::Ok();
}

}  // namespace hdcat::harvesters
