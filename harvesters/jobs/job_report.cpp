#include "harvesters/jobs/job_report.h"

#include <string>

namespace hdcat::harvesters {
namespace {

constexpr int kPage = 1000;

// Calls `row` for every record of the job, in id order, a page at a time.
Status ForEachRecord(pg::Connection& conn, std::int64_t job_id, const std::function<void(const Json&)>& row) {
  std::int64_t after = 0;
  while (true) {
    auto page = conn.Exec(
        "SELECT r.id, r.record_identifier, d.holder_identifier || '/' || d.identifier AS dataset, r.dataset_public_id,"
        " r.outcome, r.error_kind, r.error_message, r.error_pointer, r.unmapped::text AS unmapped, r.page_url"
        " FROM harvest_records r"
        " LEFT JOIN (SELECT ds.public_id, h.identifier AS holder_identifier, ds.identifier FROM datasets ds"
        "  JOIN holders h ON h.id = ds.holder_id) d ON d.public_id = r.dataset_public_id"
        " WHERE r.job_id = $1 AND r.id > $2 ORDER BY r.id LIMIT $3",
        {job_id, after, kPage});
    if (!page.ok()) return page.error();
    if (page->empty()) return Status::Ok();
    for (int i = 0; i < page->rows(); ++i) {
      after = page->Int64(i, "id");
      Json record = {{"record_identifier", page->Text(i, "record_identifier")},
                     {"dataset", page->OptionalText(i, "dataset").value_or("")},
                     {"dataset_public_id", page->OptionalText(i, "dataset_public_id").value_or("")},
                     {"outcome", page->Text(i, "outcome")},
                     {"error_kind", page->OptionalText(i, "error_kind").value_or("")},
                     {"error", page->OptionalText(i, "error_message").value_or("")},
                     {"pointer", page->OptionalText(i, "error_pointer").value_or("")},
                     {"page_url", page->OptionalText(i, "page_url").value_or("")}};
      auto unmapped = ParseJson(page->Text(i, "unmapped"));
      record["unmapped"] = unmapped.ok() ? *unmapped : Json::array();
      row(record);
    }
  }
}

}  // namespace

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Result<Json> JobReportSummary(pg::Connection& conn, std::int64_t job_id) {
  auto job = conn.Exec(
      "SELECT j.id, s.name AS source, h.identifier AS holder, j.status, j.trigger, j.attempt,"
      " hdcat_utc_text(j.planned_at) AS planned_at, hdcat_utc_text(j.started_at) AS started_at,"
      " hdcat_utc_text(j.finished_at) AS finished_at, j.gather_complete, j.pages, j.bytes, j.fetch_attempts,"
      " j.error_kind, j.error_summary, j.warnings::text AS warnings, j.lease_owner, j.modified_since,"
      " j.n_seen, j.n_added, j.n_updated, j.n_unchanged, j.n_withdrawn, j.n_errored"
      " FROM harvest_jobs j JOIN harvest_sources s ON s.id = j.source_id JOIN holders h ON h.id = s.holder_id"
      " WHERE j.id = $1",
      {job_id});
  if (!job.ok()) return job.error();
  if (job->empty()) return NotFound("no harvest job " + std::to_string(job_id));
  auto text = [&](const char* column) { return job->OptionalText(0, column).value_or(""); };
  Json header = {{"id", job->Int64(0, "id")},
                 {"source", text("source")},
                 {"holder", text("holder")},
                 {"status", text("status")},
                 {"trigger", text("trigger")},
                 {"attempt", job->Int64(0, "attempt")},
                 {"worker", text("lease_owner")},
                 {"planned_at", text("planned_at")},
                 {"started_at", text("started_at")},
                 {"finished_at", text("finished_at")},
                 {"gather_complete", job->Bool(0, "gather_complete")},
                 {"modified_since", text("modified_since")},
                 {"pages", job->Int64(0, "pages")},
                 {"bytes", job->Int64(0, "bytes")},
                 {"fetch_attempts", job->Int64(0, "fetch_attempts")},
                 {"error_kind", text("error_kind")},
                 {"error", text("error_summary")}};
  auto warnings = ParseJson(text("warnings"));
  header["warnings"] = warnings.ok() ? *warnings : Json::array();
  Json counts = {{"seen", job->Int64(0, "n_seen")},           {"added", job->Int64(0, "n_added")},
                 {"updated", job->Int64(0, "n_updated")},     {"unchanged", job->Int64(0, "n_unchanged")},
                 {"withdrawn", job->Int64(0, "n_withdrawn")}, {"errored", job->Int64(0, "n_errored")}};
  auto kinds = conn.Exec(
      "SELECT error_kind, count(*) AS n FROM harvest_records WHERE job_id = $1 AND outcome = 'errored'"
      " GROUP BY error_kind ORDER BY n DESC, error_kind",
      {job_id});
  if (!kinds.ok()) return kinds.error();
  Json by_kind = Json::array();
  for (int i = 0; i < kinds->rows(); ++i) {
    by_kind.push_back({{"kind", kinds->Text(i, "error_kind")}, {"count", kinds->Int64(i, "n")}});
  }
  return Json{{"job", header}, {"counts", counts}, {"errors_by_kind", by_kind}};
}

Result<Json> RecentJobs(pg::Connection& conn, std::optional<std::string_view> source, int limit) {
  auto ids = conn.Exec(
      "SELECT j.id FROM harvest_jobs j JOIN harvest_sources s ON s.id = j.source_id"
      " WHERE $1::text IS NULL OR s.name = $1 ORDER BY j.id DESC LIMIT $2",
      {source ? std::optional<std::string>(std::string(*source)) : std::nullopt, limit});
  if (!ids.ok()) return ids.error();
  Json out = Json::array();
  for (int i = 0; i < ids->rows(); ++i) {
    auto summary = JobReportSummary(conn, ids->Int64(i, 0));
    if (!summary.ok()) return summary.error();
    out.push_back(std::move(summary).value());
  }
  return out;
}

Status WriteJobReportJson(pg::Connection& conn, std::int64_t job_id, const ReportSink& sink) {
  auto summary = JobReportSummary(conn, job_id);
  if (!summary.ok()) return summary.error();
  auto dump = [](const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); };
  sink("{\n  \"job\": " + dump((*summary)["job"]) + ",\n  \"counts\": " + dump((*summary)["counts"]) +
       ",\n  \"errors_by_kind\": " + dump((*summary)["errors_by_kind"]));
  sink(",\n  \"records\": [");
  bool first = true;
  HDCAT_TRY(ForEachRecord(conn, job_id, [&](const Json& record) {
    sink(first ? "\n    " : ",\n    ");
    first = false;
    sink(dump(record));
  }));
  sink(first ? "]\n}\n" : "\n  ]\n}\n");
  return Status::Ok();
}

Status WriteJobReportCsv(pg::Connection& conn, std::int64_t job_id, const ReportSink& sink) {
  auto summary = JobReportSummary(conn, job_id);
  if (!summary.ok()) return summary.error();
  const std::string job = std::to_string(job_id);
  const std::string source = (*summary)["job"]["source"].get<std::string>();
  sink("job,source,record_identifier,dataset,dataset_public_id,outcome,error_kind,error,pointer,unmapped,page_url\r\n");
  return ForEachRecord(conn, job_id, [&](const Json& record) {
    std::string unmapped;
    for (const auto& field : record["unmapped"]) {
      if (!field.is_string()) continue;
      unmapped += (unmapped.empty() ? "" : "; ") + field.get<std::string>();
    }
    std::string line = job + "," + CsvField(source);
    for (const char* key : {"record_identifier", "dataset", "dataset_public_id", "outcome", "error_kind", "error",
                            "pointer"}) {
      line += "," + CsvField(record[key].get<std::string>());
    }
    line += "," + CsvField(unmapped) + "," + CsvField(record["page_url"].get<std::string>()) + "\r\n";
    sink(line);
  });
}

}  // namespace hdcat::harvesters
