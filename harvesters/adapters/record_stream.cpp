#include "harvesters/adapters/record_stream.h"

#include "harvesters/adapters/ckan_adapter.h"
#include "harvesters/adapters/csv_dictionary_adapter.h"
#include "harvesters/adapters/dcat_adapter.h"
#include "harvesters/adapters/native_feed_adapter.h"

namespace hdcat::harvesters {
namespace {

struct FormatName {
  SourceFormat format;
  std::string_view name;
};
constexpr FormatName kFormats[] = {
    {SourceFormat::kNativeFeed, "feed"},           {SourceFormat::kDcatTurtle, "dcat-turtle"},
    {SourceFormat::kDcatRdfXml, "dcat-rdfxml"},    {SourceFormat::kDcatJsonLd, "dcat-jsonld"},
    {SourceFormat::kCkan, "ckan"},                 {SourceFormat::kCsvDictionary, "csv-dictionary"},
};

}  // namespace

std::string_view SourceFormatName(SourceFormat format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f.name;
  return "feed";
}

Result<SourceFormat> ParseSourceFormat(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return f.format;
  std::string known;
  for (const auto& f : kFormats) known += (known.empty() ? "" : ", ") + std::string(f.name);
  Error error = InvalidInput("unknown source format \"" + std::string(name) + "\"");
  error.expected = known;
  return error;
}

Result<std::unique_ptr<RecordStream>> OpenRecordStream(const SourceConfig& config, const HttpClient& client) {
  if (config.endpoint.rfind("http://", 0) != 0 && config.endpoint.rfind("https://", 0) != 0) {
    Error error = InvalidInput("source endpoint must be an http(s) URL: " + RedactUrl(config.endpoint));
    error.pointer = "/endpoint";
    return error;
  }
  switch (config.format) {
    case SourceFormat::kNativeFeed: return OpenNativeFeed(config, client);
    case SourceFormat::kDcatTurtle:
    case SourceFormat::kDcatRdfXml:
    case SourceFormat::kDcatJsonLd: return OpenDcatStream(config, client);
    case SourceFormat::kCkan: return OpenCkanStream(config, client);
    case SourceFormat::kCsvDictionary: return OpenCsvDictionaryStream(config, client);
  }
  return Internal("unhandled source format");
}

}  // namespace hdcat::harvesters
