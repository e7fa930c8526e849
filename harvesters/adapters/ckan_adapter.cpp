#include "harvesters/adapters/ckan_adapter.h"

#include "harvesters/adapters/paged_stream.h"
#include "harvesters/mapping/ckan_mapping.h"

namespace hdcat::harvesters {
namespace {

long PageSize(const SourceConfig& config) {
  auto it = config.options.find("page_size");
  long rows = it != config.options.end() && it->is_number_integer() ? it->get<long>() : 100;
  return std::clamp(rows, 1L, 1000L);
}

class CkanStream : public PagedStream {
 public:
  CkanStream(const SourceConfig& config, const HttpClient& client)
      : PagedStream(config, client), mapper_(config.holder, default_language()), rows_(PageSize(config)) {}

 protected:
  std::string FirstPageUrl() const override { return CkanSearchUrl(config(), 0, rows_); }

  Result<std::string> LoadPage(const std::string& url) override {
    auto body = FetchPage(url, {"application/json"}, false, nullptr);
    if (!body.ok()) return body.error();
    JsonLimits limits;
    limits.max_bytes = client().limits().max_body_bytes;
    auto parsed = ParseJson(*body, limits);
    if (!parsed.ok()) {
      Error error = parsed.error();
      error.message = "CKAN package_search response: " + error.message;
      return error;
    }
    const Json& response = *parsed;
    if (!response.is_object() || !response.contains("success")) {
      Error error(ErrorKind::kUpstream, "CKAN response has no \"success\" envelope (is this a CKAN Action API?)");
      error.expected = R"({"success": true, "result": {"count": N, "results": [...]}})";
      return error;
    }
    if (response["success"] != true) {
      std::string message = "CKAN package_search failed";
      if (response.contains("error") && response["error"].is_object()) {
        const std::string reason = StringMember(response["error"], "message");
        message += ": " + (reason.empty() ? response["error"].dump() : reason);
      }
      return Error(ErrorKind::kUpstream, message);
    }
    const Json& result = response.value("result", Json());
    if (!result.is_object() || !result.contains("results") || !result["results"].is_array() ||
        !result.contains("count") || !result["count"].is_number_integer()) {
      Error error(ErrorKind::kUpstream, "CKAN package_search result lacks count/results");
      error.pointer = "/result";
      return error;
    }
    long count = result["count"].get<long>();
    if (count_ >= 0 && count != count_) {
      return Error(ErrorKind::kUpstream, "the CKAN source changed during the gather (count " + std::to_string(count_) +
                                             " became " + std::to_string(count) + "); the gather is incomplete");
    }
    count_ = count;
    std::string page_url = RedactUrl(url);
    for (const auto& package : result["results"]) {
      SourceRecord record;
      record.raw = package.dump();
      record.raw_media_type = "application/json";
      record.page_url = page_url;
      auto mapped = mapper_.MapPackage(package);
      if (!mapped.ok()) {
        record.error = mapped.error();
        record.record_identifier = page_url + "#" + std::to_string(start_);
      } else {
        record.record_identifier = mapped->record_identifier;
        record.document = std::move(mapped->document);
        record.unmapped = std::move(mapped->unmapped);
      }
      Emit(std::move(record));
      ++start_;
    }
    if (result["results"].empty() || start_ >= count_) return std::string();
    return CkanSearchUrl(config(), start_, rows_);
  }

 private:
  mapping::CkanMapper mapper_;
  long rows_;
  long start_ = 0;
  long count_ = -1;
};

}  // namespace

std::string CkanSearchUrl(const SourceConfig& config, long start, long rows) {
  std::string url = config.endpoint;
  if (url.find("package_search") == std::string::npos) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    url += "/api/3/action/package_search";
  }
  url = AddQueryParameter(url, "q", "*:*");
  url = AddQueryParameter(url, "sort", "id asc");
  url = AddQueryParameter(url, "rows", std::to_string(rows));
  url = AddQueryParameter(url, "start", std::to_string(start));
  std::string fq;
  if (auto it = config.options.find("fq"); it != config.options.end() && it->is_string()) fq = it->get<std::string>();
  if (config.modified_since) {
    std::string since = *config.modified_since;
    if (!since.empty() && since.back() != 'Z' && since.find('+') == std::string::npos) since += "Z";
    fq += (fq.empty() ? "" : " ") + std::string("metadata_modified:[") + since + " TO *]";
  }
  if (!fq.empty()) url = AddQueryParameter(url, "fq", fq);
  return url;
}

std::unique_ptr<RecordStream> OpenCkanStream(const SourceConfig& config, const HttpClient& client) {
  return std::make_unique<CkanStream>(config, client);
}

}  // namespace hdcat::harvesters
