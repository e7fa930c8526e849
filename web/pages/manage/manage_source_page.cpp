// Harvest sources of a holder: register, test, run now, and a job's report.
#include <charconv>

#include "web/pages/manage/manage_call.h"

namespace hdcat::web {
namespace {

constexpr int kReportRecordsShown = 200;
constexpr std::string_view kFormats[] = {"feed", "dcat-turtle", "dcat-rdfxml", "dcat-jsonld", "ckan", "csv-dictionary"};

// A string member of a job report, "" when it is absent or null (a queued job has no times yet).
std::string ReportText(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

HttpResponse SourceFormPage(ManageCall& call, const std::string& holder, const NewSourceForm& form,
                            const std::string& error, int status) {
  Json formats = Json::array();
  for (std::string_view format : kFormats) {
    formats.push_back({{"value", format}, {"selected", format == form.format}});
  }
  Json data = {{"title", call.Message("manage_source_new_title")},
               {"holder", holder},
               {"holder_href", ManageHolderPath(holder)},
               {"action", ManageHolderPath(holder) + "/sources"},
               {"name", form.name},
               {"endpoint", form.endpoint},
               {"schedule", form.schedule.empty() ? "P1D" : form.schedule},
               {"dataset", form.dataset},
               {"formats", formats},
               {"error", error},
               {"has_error", !error.empty()}};
  return call.Page("manage_source_new", std::move(data), status);
}

}  // namespace

HttpResponse ManageSourceForm(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  auto record = call.service().Holder(holder);
  if (!record.ok()) return call.Fail(record.error());
  return SourceFormPage(call, holder, NewSourceForm{}, "", 200);
}

HttpResponse ManageSourceRegister(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  NewSourceForm form{call.Field("name"), call.Field("endpoint"), call.Field("format"), call.Field("schedule"),
                     call.Field("dataset")};
  auto source = call.service().RegisterSource(holder, form);
  if (!source.ok()) {
    const ErrorKind kind = source.error().kind;
    if (kind != ErrorKind::kInvalidInput && kind != ErrorKind::kConflict) return call.Fail(source.error());
    return SourceFormPage(call, holder, form, source.error().message, 422);
  }
  return SeeOther(ManageHolderPath(holder) + "?saved=source");
}

HttpResponse ManageSourceTest(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  const std::string& source = call.request.path_param("source");
  auto report = call.service().TestSource(holder, source);
  if (!report.ok()) return call.Fail(report.error());
  Json records = Json::array();
  for (const auto& record : report->records) {
    std::string unmapped;
    for (const auto& field : record.unmapped) unmapped += (unmapped.empty() ? "" : ", ") + field;
    records.push_back({{"record_identifier", record.record_identifier},
                       {"dataset_identifier", record.dataset_identifier},
                       {"title", record.title},
                       {"error", record.error},
                       {"error_pointer", record.error_pointer},
                       {"unmapped", unmapped}});
  }
  Json data = {{"title", call.Message("manage_source_test_title")},
               {"holder", holder},
               {"holder_href", ManageHolderPath(holder)},
               {"source", source},
               {"ok", report->error.empty()},
               {"error", report->error},
               {"failure_kind", report->failure_kind},
               {"http_status", report->http_status ? std::to_string(report->http_status) : ""},
               {"record_count", std::to_string(report->records.size())},
               {"more", report->more},
               {"has_records", !records.empty()},
               {"records", records},
               {"run_action", ManageHolderPath(holder) + "/sources/" + source + "/run"}};
  return call.Page("manage_source_test", std::move(data));
}

HttpResponse ManageSourceRun(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  auto job = call.service().RunSourceNow(holder, call.request.path_param("source"));
  if (!job.ok()) return call.Fail(job.error());
  return SeeOther(ManageHolderPath(holder) + "/jobs/" + std::to_string(*job));
}

HttpResponse ManageJob(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  const std::string& text = call.request.path_param("job");
  std::int64_t job_id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), job_id);
  if (error != std::errc() || end != text.data() + text.size() || job_id <= 0) {
    return call.Fail(NotFound("'" + text.substr(0, 64) + "' is not a job number"));
  }
  auto report = call.service().JobReport(holder, job_id, kReportRecordsShown);
  if (!report.ok()) return call.Fail(report.error());
  const Json& job = report->at("job");
  const std::string status = ReportText(job, "status");
  Json counts = Json::array();
  const Json report_counts = report->value("counts", Json::object());
  for (const auto& [name, value] : report_counts.items()) {
    counts.push_back({{"name", name}, {"value", value.dump()}});
  }
  Json data = {{"title", call.Message("manage_job_title") + " " + text},
               {"holder", holder},
               {"holder_href", ManageHolderPath(holder)},
               {"job_id", text},
               {"source", ReportText(job, "source")},
               {"status", status},
               {"finished", status != "queued" && status != "running"},
               {"started_at", ReportText(job, "started_at")},
               {"finished_at", ReportText(job, "finished_at")},
               {"error_kind", ReportText(job, "error_kind")},
               {"error", ReportText(job, "error")},
               {"counts", counts},
               {"errors_by_kind", report->value("errors_by_kind", Json::array())},
               {"has_records", !report->value("records", Json::array()).empty()},
               {"records", report->value("records", Json::array())},
               {"records_total", report->contains("records_total") ? report->at("records_total").dump() : ""}};
  return call.Page("manage_job", std::move(data));
}

}  // namespace hdcat::web
