#include "harvesters/adapters/paged_stream.h"

#include "harvesters/rdf/jsonld.h"

namespace hdcat::harvesters {

namespace {
constexpr std::size_t kMaxWarnings = 100;
}

PagedStream::PagedStream(const SourceConfig& config, const HttpClient& client) : config_(config), client_(client) {}

std::string PagedStream::default_language() const {
  auto it = config_.options.find("default_language");
  return it != config_.options.end() && it->is_string() ? it->get<std::string>() : "ja";
}

void PagedStream::Warn(std::string warning) {
  if (status_.warnings.size() < kMaxWarnings) status_.warnings.push_back(std::move(warning));
}

void PagedStream::Emit(SourceRecord record) {
  if (!record.record_identifier.empty() && !emitted_ids_.insert(record.record_identifier).second) {
    Warn("record " + record.record_identifier + " appeared twice in this gather; the later copy on " +
         record.page_url + " was skipped");
    return;
  }
  queue_.push_back(std::move(record));
}

void PagedStream::Finish(std::optional<Error> error) {
  status_.finished = true;
  status_.complete = !error.has_value() && !status_.not_modified;
  status_.error = std::move(error);
}

bool PagedStream::Next(SourceRecord* record) {
  if (!started_) {
    started_ = true;
    status_.incremental = config_.modified_since.has_value();
    next_url_ = FirstPageUrl();
  }
  while (queue_.empty()) {
    if (status_.finished) return false;
    if (next_url_.empty()) {
      Finish(std::nullopt);
      return false;
    }
    if (status_.pages >= config_.max_pages) {
      Finish(Error(ErrorKind::kUpstream, "the source has more than " + std::to_string(config_.max_pages) +
                                              " pages (the page limit); the gather is incomplete"));
      return false;
    }
    if (!visited_pages_.insert(next_url_).second) {
      Finish(Error(ErrorKind::kUpstream, "paging loop: page " + RedactUrl(next_url_) +
                                              " was already fetched in this gather; the gather is incomplete"));
      return false;
    }
    std::string url = next_url_;
    auto next = LoadPage(url);
    ++status_.pages;
    if (!next.ok()) {
      Error error = next.error();
      if (status_.pages > 1) error.message += " (page " + std::to_string(status_.pages) + ")";
      Finish(std::move(error));
      return false;
    }
    if (status_.not_modified) {
      Finish(std::nullopt);
      return false;
    }
    next_url_ = next->empty() ? std::string() : rdf::ResolveIri(url, *next);
  }
  *record = std::move(queue_.front());
  queue_.pop_front();
  ++status_.records;
  return true;
}

Result<std::string> PagedStream::FetchPage(const std::string& url, std::vector<std::string> accepted_types,
                                           bool conditional, bool* not_modified) {
  HttpRequest request;
  request.url = url;
  request.credentials = config_.credentials;
  request.accepted_content_types = std::move(accepted_types);
  std::string accept;
  for (const auto& type : request.accepted_content_types) accept += (accept.empty() ? "" : ", ") + type;
  if (!accept.empty()) request.headers.emplace_back("Accept", accept);
  bool first = status_.pages == 0;
  if (conditional && first) {
    request.if_none_match = config_.etag;
    request.if_modified_since = config_.last_modified;
  }
  FetchFailure failure;
  auto fetched = client_.FetchToString(request, &failure);
  if (!fetched.ok()) {
    status_.fetch_failure = failure;
    return fetched.error();
  }
  auto& [response, body] = fetched.value();
  status_.bytes += body.size();
  if (first) {
    status_.etag = response.etag;
    status_.last_modified = response.last_modified;
  }
  if (response.not_modified) {
    if (not_modified) *not_modified = true;
    status_.not_modified = true;
  }
  return std::move(body);
}

std::string AddQueryParameter(const std::string& url, std::string_view name, std::string_view value) {
  std::string encoded;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      encoded += buffer;
    }
  }
  std::string out = url;
  auto hash = out.find('#');
  std::string fragment;
  if (hash != std::string::npos) {
    fragment = out.substr(hash);
    out.resize(hash);
  }
  out += out.find('?') == std::string::npos ? '?' : '&';
  out += std::string(name) + "=" + encoded;
  return out + fragment;
}

}  // namespace hdcat::harvesters
