#include "harvesters/adapters/csv_dictionary_adapter.h"

#include "harvesters/adapters/paged_stream.h"
#include "harvesters/mapping/csv_dictionary.h"
#include "harvesters/mapping/identifiers.h"
#include "harvesters/mapping/text_encoding.h"

namespace hdcat::harvesters {
namespace {

class CsvDictionaryStream : public PagedStream {
 public:
  using PagedStream::PagedStream;

 protected:
  std::string FirstPageUrl() const override { return config().endpoint; }

  Result<std::string> LoadPage(const std::string& url) override {
    std::string dataset = config().options.value("dataset", "");
    if (dataset.empty()) {
      Error error = InvalidInput("a csv-dictionary source needs the option \"dataset\" (the dataset it describes)");
      error.pointer = "/options/dataset";
      return error;
    }
    auto body = FetchPage(url, {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"}, true, nullptr);
    if (!body.ok()) return body.error();
    if (mutable_status().not_modified) return std::string();
    bool allow_sjis = config().options.value("allow_shift_jis", true);
    auto decoded = mapping::ToUtf8(*body, allow_sjis);
    if (!decoded.ok()) return decoded.error();

    SourceRecord record;
    record.kind = RecordKind::kVariables;
    record.record_identifier = "variables:" + dataset;
    record.raw = std::move(*body);
    record.raw_media_type = "text/csv";
    record.page_url = RedactUrl(url);
    if (decoded->converted_from_cp932) record.notes.push_back("converted from Shift_JIS (CP932) to UTF-8");
    mapping::CsvDictionaryOptions options;
    options.default_language = default_language();
    options.default_table = config().options.value("table", "variables");
    auto dictionary = mapping::MapCsvDictionary(decoded->utf8, options);
    if (!dictionary.ok()) {
      record.error = dictionary.error();
    } else {
      Json document = Json::object();
      mapping::SetIdentifier(document, dataset);
      if (!config().holder.empty()) document["holder"] = config().holder;
      document["variables"] = std::move(dictionary->tables);
      record.document = std::move(document);
      record.unmapped = std::move(dictionary->unmapped);
    }
    Emit(std::move(record));
    return std::string();
  }
};

}  // namespace

std::unique_ptr<RecordStream> OpenCsvDictionaryStream(const SourceConfig& config, const HttpClient& client) {
  return std::make_unique<CsvDictionaryStream>(config, client);
}

}  // namespace hdcat::harvesters
