#include "harvesters/jobs/source_probe.h"

#include <algorithm>

#include "harvesters/adapters/record_stream.h"

namespace hdcat::harvesters {
namespace {

HttpLimits ProbeHttpLimits(const HarvestSource& source, const ProbeLimits& limits) {
  HttpLimits http;
  http.connect_timeout = std::min(limits.connect_timeout,
                                  std::chrono::milliseconds(source.limits.connect_timeout_ms));
  http.total_timeout = std::min(limits.total_timeout, std::chrono::milliseconds(source.limits.total_timeout_ms));
  http.low_speed_window = std::chrono::seconds(std::min(source.limits.low_speed_window_s, 10));
  http.max_body_bytes = std::min(limits.max_body_bytes, static_cast<std::uint64_t>(source.limits.max_body_bytes));
  return http;
}

std::string TitleOf(const Json& document) {
  auto title = document.find("title");
  if (title == document.end() || !title->is_object()) return "";
  for (const char* language : {"ja", "en"}) {
    auto text = title->find(language);
    if (text != title->end() && text->is_string() && !text->get_ref<const std::string&>().empty()) {
      return text->get<std::string>();
    }
  }
  return "";
}

ProbedRecord Probed(const SourceRecord& record, const catalog::Validator& validator) {
  ProbedRecord out;
  out.record_identifier = record.record_identifier;
  out.unmapped = record.unmapped;
  if (!record.ok()) {
    out.error = record.error->message;
    out.error_pointer = record.error->pointer;
    return out;
  }
  out.dataset_identifier = record.document.value("identifier", "");
  out.title = TitleOf(record.document);
  if (record.kind == RecordKind::kDataset) {
    catalog::ValidationReport report = validator.Validate(catalog::DocumentKind::kDataset, record.document);
    if (!report.errors.empty()) {
      out.error = report.errors.front().message;
      if (report.errors.size() > 1) out.error += " (+" + std::to_string(report.errors.size() - 1) + ")";
      out.error_pointer = report.errors.front().pointer;
    }
  }
  return out;
}

}  // namespace

ProbeReport ProbeSource(const HarvestSource& source, const HttpCredentials& credentials,
                        const catalog::Validator& validator, const ProbeLimits& limits) {
  ProbeReport report;
  SourceConfig config;
  config.source_id = source.name;
  config.holder = source.holder;
  config.endpoint = source.endpoint;
  config.options = source.options;
  config.credentials = credentials;
  config.max_pages = 1;
  auto format = ParseSourceFormat(source.format);
  if (!format.ok()) {
    report.error = format.error().message;
    return report;
  }
  config.format = *format;
  const HttpClient client(ProbeHttpLimits(source, limits));
  auto stream = OpenRecordStream(config, client);
  if (!stream.ok()) {
    report.error = stream.error().message;
    return report;
  }
  SourceRecord record;
  while (static_cast<int>(report.records.size()) < limits.max_records) {
    if (!(*stream)->Next(&record)) break;
    report.records.push_back(Probed(record, validator));
    record = SourceRecord();
  }
  const GatherStatus& status = (*stream)->status();
  report.pages = status.pages;
  report.bytes = status.bytes;
  // With max_pages = 1 a paged source that has a second page ends with the
  // page-limit error after yielding the first page's records: that is the
  // probe's own limit, not a fault of the source.
  const bool stopped_at_page_limit =
      status.error && !status.fetch_failure && status.pages >= config.max_pages && !report.records.empty();
  report.more = !status.finished || stopped_at_page_limit;
  if (status.error && !stopped_at_page_limit) report.error = status.error->message;
  if (status.fetch_failure) {
    report.failure_kind = FetchFailureKindName(status.fetch_failure->kind);
    report.http_status = status.fetch_failure->http_status;
  }
  return report;
}

}  // namespace hdcat::harvesters
