// The adapter interface: every source format is read as a RecordStream.
//
// A job runner opens a stream for a source (OpenRecordStream) and pulls
// records one at a time with Next(); an adapter holds at most one fetched
// page in memory, so memory stays bounded whatever the source size. Each
// SourceRecord carries the record's identifier at the source, its raw bytes
// (kept for audit), and either the mapped hdcat document or a record error:
// a bad record never ends the gather. Fields the mapping did not understand
// are listed in `unmapped`, never dropped silently.
//
// When Next() returns false the gather is over and status() says whether it
// was complete. Only a complete gather (every page fetched and parsed, no
// gather error) may be used to detect deletions; an incomplete one says why
// (`error`, and `fetch_failure` for HTTP causes). An incremental gather
// (`incremental`: config.modified_since was sent and the source honoured it)
// holds only changed records even when complete: it never implies deletions
// beyond the source's own `deleted` list. A source that ignored
// modified_since listed everything, and the gather counts as a full one.
// `not_modified` means the
// source answered a conditional request with 304: nothing changed, and no
// record follows.
//
// Thread-safety: a RecordStream is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "harvesters/http/http_client.h"

namespace hdcat::harvesters {

enum class SourceFormat {
  kNativeFeed,     // "feed": schemas/feed.schema.json pages
  kDcatTurtle,     // "dcat-turtle"
  kDcatRdfXml,     // "dcat-rdfxml"
  kDcatJsonLd,     // "dcat-jsonld"
  kCkan,           // "ckan": the CKAN Action API (package_search)
  kCsvDictionary,  // "csv-dictionary": one row per variable, for one dataset
};

std::string_view SourceFormatName(SourceFormat format);
Result<SourceFormat> ParseSourceFormat(std::string_view name);

struct SourceConfig {
  std::string source_id;  // for messages
  std::string holder;     // the holder identifier the source's datasets belong to
  std::string endpoint;   // URL of the first page (for CKAN: the site root or the package_search URL)
  SourceFormat format = SourceFormat::kNativeFeed;
  // Format options: "default_language" (default "ja"), "page_size" (CKAN,
  // default 100), "dataset" (csv-dictionary: the dataset identifier),
  // "table" (csv-dictionary: default table name).
  Json options = Json::object();
  HttpCredentials credentials;
  std::optional<std::string> modified_since;  // ISO 8601 UTC: incremental gather
  // Validators from the previous complete gather, sent with the first request
  // of single-document formats (DCAT, CSV). Paged feeds do not use them.
  std::string etag;
  std::string last_modified;
  int max_pages = 10000;
};

enum class RecordKind {
  kDataset,    // `document` is a dataset description
  kVariables,  // `document` is {"identifier", "holder", "variables"} for an existing dataset
};

struct SourceRecord {
  RecordKind kind = RecordKind::kDataset;
  std::string record_identifier;  // stable identifier at the source (guid)
  std::string raw;                // the record as fetched: JSON text, N-Triples or CSV
  std::string raw_media_type;     // "application/json", "application/n-triples", "text/csv"
  Json document;                  // the mapped document; null when `error` is set
  std::optional<Error> error;     // why this record could not be mapped
  std::vector<std::string> unmapped;  // source fields not carried into `document`
  std::vector<std::string> notes;     // derivations and conversions the mapping made
  std::optional<Json> holder;     // holder document (or holder fields) found with this record
  std::string page_url;           // the page it came from (redacted)

  bool ok() const { return !error.has_value(); }
};

// A record the source itself says it withdrew (the native feed's `deleted`).
struct SourceDeletion {
  std::string record_identifier;  // as the source publishes it
  std::string deleted_at;         // RFC 3339 as given; "" when the source did not say
  std::string page_url;           // the page it came from (redacted)
};

struct GatherStatus {
  bool finished = false;
  bool complete = false;
  bool not_modified = false;
  bool incremental = false;  // only records changed since config.modified_since were listed
  std::optional<Error> error;
  std::optional<FetchFailure> fetch_failure;
  int pages = 0;
  std::uint64_t bytes = 0;
  std::uint64_t records = 0;
  std::vector<std::string> warnings;          // e.g. duplicate identifiers skipped
  std::vector<SourceDeletion> deleted;        // what the source itself says it withdrew
  std::string etag, last_modified;            // validators of the first response
  std::string source_timestamp;               // e.g. the feed's generated_at: the next modified_since
};

class RecordStream {
 public:
  virtual ~RecordStream() = default;
  // Fills `record` with the next record and returns true, or returns false
  // when the gather has ended (then see status()).
  virtual bool Next(SourceRecord* record) = 0;
  virtual const GatherStatus& status() const = 0;
};

// The stream for `config.format`. `client` must outlive the stream.
Result<std::unique_ptr<RecordStream>> OpenRecordStream(const SourceConfig& config, const HttpClient& client);

}  // namespace hdcat::harvesters
