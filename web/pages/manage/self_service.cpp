#include "web/pages/manage/self_service.h"

#include <chrono>

#include "catalog/store/audit_log.h"
#include "harvesters/jobs/job_report.h"
#include "harvesters/scheduler/job_queue.h"
#include "web/pages/page_support.h"

namespace hdcat::web {

const std::array<HolderField, 11> kHolderFields = {{
    {"name_ja", "/name/ja", "manage_field_name_ja", false},
    {"name_en", "/name/en", "manage_field_name_en", false},
    {"short_name_ja", "/short_name/ja", "manage_field_short_name_ja", false},
    {"short_name_en", "/short_name/en", "manage_field_short_name_en", false},
    {"description_ja", "/description/ja", "manage_field_description_ja", true},
    {"description_en", "/description/en", "manage_field_description_en", true},
    {"homepage", "/homepage", "manage_field_homepage", false},
    {"contact_name_ja", "/contact/name/ja", "manage_field_contact_name_ja", false},
    {"contact_name_en", "/contact/name/en", "manage_field_contact_name_en", false},
    {"contact_email", "/contact/email", "manage_field_contact_email", false},
    {"contact_url", "/contact/url", "manage_field_contact_url", false},
}};

namespace {

constexpr std::chrono::seconds kRunNowLease{60};
// A job report is read whole before the page shows its first records; past this size the page refuses.
constexpr JsonLimits kReportLimits{64 * 1024 * 1024, 64};

// Sets the value at `pointer`, or removes it (and parents left empty) when `value` is "".
void SetOrErase(Json& document, std::string_view pointer, const std::string& value) {
  Json::json_pointer path{std::string(pointer)};
  if (!value.empty()) {
    document[path] = value;
    return;
  }
  while (!path.empty() && document.contains(path)) {
    Json& parent = document[path.parent_pointer()];
    if (!parent.is_object()) return;
    parent.erase(path.back());
    if (!parent.empty()) return;
    path = path.parent_pointer();
  }
}

}  // namespace

Status SelfService::Authorize(std::string_view holder) const {
  if (account_.MayManageHolder(holder)) return Status::Ok();
  return Error(ErrorKind::kForbidden, "the account '" + account_.login_name + "' may not manage holder '" +
                                          std::string(holder.substr(0, 128)) + "'");
}

Status SelfService::Audit(std::string_view action, std::string_view subject_type, std::string_view subject_id,
                          Json details) {
  return catalog::WriteAudit(conn_, catalog::AuditEntry{Actor(), action, subject_type, subject_id, std::move(details)});
}

Result<catalog::HolderRecord> SelfService::Holder(std::string_view holder) {
  HDCAT_TRY(Authorize(holder));
  catalog::CatalogStore store(conn_, validator_);
  return store.GetHolder(holder);
}

Result<HolderEdit> SelfService::SaveHolder(std::string_view holder, const FormFields& form) {
  auto current = Holder(holder);
  if (!current.ok()) return current.error();
  HolderEdit edit;
  edit.document = current->document;
  for (const auto& field : kHolderFields) SetOrErase(edit.document, field.pointer, FormValue(form, field.name));
  // The identifier names the holder being edited; the form cannot move a description to another holder.
  edit.document["identifier"] = std::string(holder);
  catalog::ValidationReport report = validator_.Validate(catalog::DocumentKind::kHolder, edit.document);
  edit.errors = report.errors;
  edit.warnings = report.warnings;
  if (!report.ok()) {
    HDCAT_TRY(Audit("holder.edit_refused", "holder", holder, Json{{"errors", report.errors.size()}}));
    return edit;
  }
  catalog::CatalogStore store(conn_, validator_);
  auto put = store.PutHolder(edit.document, Actor());
  if (!put.ok()) return put.error();
  edit.saved = true;
  edit.changed = put->outcome != catalog::PutOutcome::kUnchanged;
  return edit;
}

Result<catalog::DatasetPage> SelfService::Datasets(std::string_view holder) {
  HDCAT_TRY(Authorize(holder));
  catalog::CatalogStore store(conn_, validator_);
  catalog::DatasetQuery query;
  query.holder = std::string(holder);
  query.include_withdrawn = true;
  query.limit = 1000;
  return store.ListDatasets(query);
}

Result<catalog::DatasetRecord> SelfService::Dataset(std::string_view holder, std::string_view identifier) {
  HDCAT_TRY(Authorize(holder));
  catalog::CatalogStore store(conn_, validator_);
  return store.GetDataset(std::string(holder) + "/" + std::string(identifier));
}

Result<DatasetUpload> SelfService::UploadDataset(std::string_view holder, std::string_view text) {
  HDCAT_TRY(Authorize(holder));
  DatasetUpload upload;
  auto document = ParseJson(text);
  if (!document.ok()) {
    upload.parse_error = document.error().message;
    HDCAT_TRY(Audit("dataset.upload_refused", "holder", holder, Json{{"reason", "not_json"}}));
    return upload;
  }
  upload.lines = PrettyLines(*document);
  catalog::ValidationReport report = validator_.Validate(catalog::DocumentKind::kDataset, *document);
  upload.errors = report.errors;
  upload.warnings = report.warnings;
  if (!report.ok()) {
    HDCAT_TRY(Audit("dataset.upload_refused", "holder", holder,
                    Json{{"reason", "invalid"}, {"errors", report.errors.size()}}));
    return upload;
  }
  catalog::CatalogStore store(conn_, validator_);
  auto put = store.PutDataset(*document, Actor(), holder);
  if (!put.ok()) {
    const Error& error = put.error();
    const bool about_document = error.kind == ErrorKind::kForbidden || error.kind == ErrorKind::kInvalidInput ||
                                error.kind == ErrorKind::kNotFound || error.kind == ErrorKind::kConflict;
    if (!about_document) return error;
    upload.errors.push_back(catalog::Finding{error.pointer, error.message, error.expected, error.suggestion});
    HDCAT_TRY(Audit("dataset.upload_refused", "holder", holder,
                    Json{{"reason", std::string(ErrorKindName(error.kind))}}));
    return upload;
  }
  upload.stored = true;
  upload.put = std::move(*put);
  return upload;
}

Result<std::vector<harvesters::HarvestSource>> SelfService::Sources(std::string_view holder) {
  HDCAT_TRY(Authorize(holder));
  harvesters::SourceStore store(conn_);
  return store.List(holder);
}

Result<harvesters::HarvestSource> SelfService::RegisterSource(std::string_view holder, const NewSourceForm& form) {
  HDCAT_TRY(Authorize(holder));
  harvesters::NewSource source;
  source.name = form.name;
  source.holder = std::string(holder);
  source.endpoint = form.endpoint;
  source.format = form.format;
  source.schedule = form.schedule.empty() ? "P1D" : form.schedule;
  if (!form.dataset.empty()) source.options["dataset"] = form.dataset;
  harvesters::SourceStore store(conn_);
  return store.Add(source, Actor());
}

Result<harvesters::HarvestSource> SelfService::SourceOfHolder(std::string_view holder, std::string_view source) {
  HDCAT_TRY(Authorize(holder));
  harvesters::SourceStore store(conn_);
  auto found = store.Get(source);
  // Another holder's source is reported as absent: its name is not this holder's business.
  if (!found.ok() || found->holder != holder) {
    if (found.ok() || found.error().kind == ErrorKind::kNotFound) {
      return NotFound("holder '" + std::string(holder) + "' has no harvest source named '" +
                      std::string(source.substr(0, 128)) + "'");
    }
    return found.error();
  }
  return found;
}

Result<harvesters::ProbeReport> SelfService::TestSource(std::string_view holder, std::string_view source) {
  auto found = SourceOfHolder(holder, source);
  if (!found.ok()) return found.error();
  harvesters::SourceStore store(conn_);
  auto credentials = store.LoadCredentials(found->id);
  if (!credentials.ok()) return credentials.error();
  harvesters::ProbeReport report = harvesters::ProbeSource(*found, *credentials, validator_);
  HDCAT_TRY(Audit("source.test", "harvest_source", found->name,
                  Json{{"records", report.records.size()}, {"error", report.error}}));
  return report;
}

Result<std::int64_t> SelfService::RunSourceNow(std::string_view holder, std::string_view source) {
  auto found = SourceOfHolder(holder, source);
  if (!found.ok()) return found.error();
  harvesters::JobQueue queue(conn_, Actor(), kRunNowLease);
  auto job = queue.EnqueueNow(found->id);
  if (!job.ok()) return job.error();
  HDCAT_TRY(Audit("harvest.run_now", "harvest_source", found->name, Json{{"job", *job}}));
  return job;
}

Result<Json> SelfService::JobReport(std::string_view holder, std::int64_t job_id, int max_records) {
  HDCAT_TRY(Authorize(holder));
  auto summary = harvesters::JobReportSummary(conn_, job_id);
  if (!summary.ok()) return summary.error();
  if (summary->at("job").value("holder", "") != holder) {
    return NotFound("holder '" + std::string(holder) + "' has no harvest job " + std::to_string(job_id));
  }
  std::string text;
  HDCAT_TRY(harvesters::WriteJobReportJson(conn_, job_id, [&text](std::string_view chunk) { text += chunk; }));
  auto report = ParseJson(text, kReportLimits);
  if (!report.ok()) return report.error();
  Json& records = (*report)["records"];
  if (records.is_array() && records.size() > static_cast<std::size_t>(max_records)) {
    (*report)["records_total"] = records.size();
    records.erase(records.begin() + max_records, records.end());
  }
  return std::move(*report);
}

}  // namespace hdcat::web
