#include "harvesters/adapters/native_feed_adapter.h"

#include "harvesters/adapters/paged_stream.h"
#include "harvesters/mapping/feed_mapping.h"

namespace hdcat::harvesters {
namespace {

class NativeFeedStream : public PagedStream {
 public:
  using PagedStream::PagedStream;

 protected:
  std::string FirstPageUrl() const override {
    if (!config().modified_since) return config().endpoint;
    return AddQueryParameter(config().endpoint, "modified_since", *config().modified_since);
  }

  Result<std::string> LoadPage(const std::string& url) override {
    auto body = FetchPage(url, {"application/json"}, false, nullptr);
    if (!body.ok()) return body.error();
    auto page = mapping::ParseFeedPage(*body, client().limits().max_body_bytes);
    if (!page.ok()) return page.error();
    GatherStatus& status = mutable_status();
    // A feed that does not echo modified_since ignored it: this page lists every dataset.
    if (status.pages == 0 && config().modified_since && page->modified_since.empty()) status.incremental = false;
    if (!page->generated_at.empty() && status.source_timestamp.empty()) status.source_timestamp = page->generated_at;
    std::string page_url = RedactUrl(url);
    for (auto& deletion : page->deleted) {
      status.deleted.push_back({std::move(deletion.identifier), std::move(deletion.deleted_at), page_url});
    }
    bool holder_given = false;
    std::size_t index = 0;
    for (const auto& entry : page->datasets) {
      SourceRecord record;
      record.raw = entry.dump();
      record.raw_media_type = "application/json";
      record.page_url = page_url;
      auto mapped = mapping::MapFeedEntry(entry, config().holder);
      record.record_identifier =
          mapped.record_identifier.empty() ? page_url + "#datasets/" + std::to_string(index) : mapped.record_identifier;
      record.document = std::move(mapped.document);
      record.error = std::move(mapped.error);
      record.unmapped = std::move(mapped.unmapped);
      if (page->holder && !holder_given) {
        record.holder = *page->holder;
        holder_given = true;
      }
      Emit(std::move(record));
      ++index;
    }
    return page->next;
  }
};

}  // namespace

std::unique_ptr<RecordStream> OpenNativeFeed(const SourceConfig& config, const HttpClient& client) {
  return std::make_unique<NativeFeedStream>(config, client);
}

}  // namespace hdcat::harvesters
