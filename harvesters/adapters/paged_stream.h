// PagedStream: the page loop shared by every adapter.
//
// A subclass loads one page at a time (LoadPage), emitting its records and
// naming the next page; this class pulls pages only when the records of the
// previous one have been consumed, stops at `max_pages`, detects paging
// loops (a page URL seen twice), skips records whose identifier was already
// emitted in this gather (with a warning), and records why a gather ended
// incomplete.
//
// Thread-safety: one thread at a time, as RecordStream.
#pragma once

#include <deque>
#include <string>
#include <unordered_set>

#include "harvesters/adapters/record_stream.h"

namespace hdcat::harvesters {

class PagedStream : public RecordStream {
 public:
  PagedStream(const SourceConfig& config, const HttpClient& client);

  bool Next(SourceRecord* record) override;
  const GatherStatus& status() const override { return status_; }

 protected:
  // The URL of the first page.
  virtual std::string FirstPageUrl() const = 0;
  // Loads `url`, calls Emit() per record, and returns the next page URL or ""
  // at the end. An error ends the gather as incomplete.
  virtual Result<std::string> LoadPage(const std::string& url) = 0;

  void Emit(SourceRecord record);
  // Fetches a page body (bounded by the client's max body size). The first
  // page carries the conditional validators when `conditional` is set; a 304
  // sets `*not_modified`.
  Result<std::string> FetchPage(const std::string& url, std::vector<std::string> accepted_types,
                                bool conditional, bool* not_modified);
  void Warn(std::string warning);

  const SourceConfig& config() const { return config_; }
  const HttpClient& client() const { return client_; }
  GatherStatus& mutable_status() { return status_; }
  std::string default_language() const;

 private:
  void Finish(std::optional<Error> error);

  SourceConfig config_;
  const HttpClient& client_;
  GatherStatus status_;
  std::deque<SourceRecord> queue_;
  std::unordered_set<std::string> visited_pages_;
  std::unordered_set<std::string> emitted_ids_;
  std::string next_url_;
  bool started_ = false;
};

// `url` with `name=value` appended to its query, value percent-encoded.
std::string AddQueryParameter(const std::string& url, std::string_view name, std::string_view value);

}  // namespace hdcat::harvesters
