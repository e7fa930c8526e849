// The report of one harvest job, as JSON or CSV.
//
// JSON: {"job": {id, source, holder, status, planned_at, started_at,
// finished_at, attempt, trigger, gather_complete, modified_since ("" for a
// full gather), pages, bytes,
// fetch_attempts, error_kind, error, warnings}, "counts": {seen, added,
// updated, unchanged, withdrawn, errored}, "errors_by_kind": [{kind, count}]
// (most frequent first), "records": [{record_identifier, dataset, outcome,
// error_kind, error, pointer, unmapped, page_url}]} — every record the job
// wrote, in order; raw records stay in the database (harvest_records.raw).
// CSV (RFC 4180, a header row): one row per record with the same fields,
// `unmapped` joined with "; ". Both are written in pages to `sink`, so a
// report of 100,000 records never sits in memory whole.
//
// Thread-safety: one thread at a time (it uses one Connection).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/json.h"
#include "base/result.h"
#include "catalog/pg/connection.h"

namespace hdcat::harvesters {

using ReportSink = std::function<void(std::string_view)>;

// The job's header, counts and errors grouped by kind (no records).
Result<Json> JobReportSummary(pg::Connection& conn, std::int64_t job_id);

Status WriteJobReportJson(pg::Connection& conn, std::int64_t job_id, const ReportSink& sink);
Status WriteJobReportCsv(pg::Connection& conn, std::int64_t job_id, const ReportSink& sink);

// The newest jobs (of one source, or of all), newest first: each the
// "job" and "counts" objects of JobReportSummary, side by side.
Result<Json> RecentJobs(pg::Connection& conn, std::optional<std::string_view> source, int limit);

// One CSV field, quoted when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view value);

}  // namespace hdcat::harvesters
