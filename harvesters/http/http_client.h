// HttpClient: fetches one URL for a harvester, safely, streaming the body.
//
// Every fetch runs under the limits of HttpLimits (connect, total and
// low-speed timeouts, a redirect limit, a maximum decoded body size that is
// enforced on the bytes actually received, whatever Content-Length claims)
// with TLS verification on, gzip/deflate accepted and the hdcat User-Agent.
// Conditional requests (If-None-Match / If-Modified-Since) that the server
// answers with 304 give an HttpResponse with `not_modified` set and no body.
//
// The body goes to a BodySink chunk by chunk, so a large source never sits in
// memory whole; a sink that returns an error stops the transfer and that
// error is returned. Failures are Errors with a specific kind and a message
// naming the cause (which timeout, which limit, which HTTP status); the
// optional FetchFailure out-parameter gives the same cause as a code plus the
// HTTP status and Retry-After for the job runner's retry policy.
//
// Credentials (bearer token or basic) are sent by libcurl's own auth options,
// so they are not forwarded to another host on redirect, and they never
// appear in an error message: URLs in messages pass through RedactUrl.
//
// Thread-safety: an HttpClient is immutable after construction; Fetch may be
// called from several threads at once (each call uses its own curl handle).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace hdcat::harvesters {

inline constexpr std::string_view kUserAgent = "hdcat/0.1 (+https://hdcat.jp/about/harvester)";

struct HttpLimits {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{300'000};
  // The transfer fails when it moves fewer than `low_speed_bytes_per_second`
  // during `low_speed_window` (whole seconds; 0 disables the check).
  long low_speed_bytes_per_second = 64;
  std::chrono::seconds low_speed_window{30};
  long max_redirects = 5;
  std::uint64_t max_body_bytes = 256ull * 1024 * 1024;
};

struct HttpCredentials {
  enum class Kind { kNone, kBearer, kBasic };
  Kind kind = Kind::kNone;
  std::string token;     // kBearer
  std::string user;      // kBasic
  std::string password;  // kBasic
};

struct HttpRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // extra request headers (e.g. Accept)
  std::string if_none_match;      // an ETag from a previous fetch, sent as If-None-Match
  std::string if_modified_since;  // an HTTP-date from a previous fetch
  // Media types the caller can parse (e.g. "application/json"); empty = any.
  // Compared without parameters and case-insensitively.
  std::vector<std::string> accepted_content_types;
  HttpCredentials credentials;
};

struct HttpResponse {
  long status = 0;
  bool not_modified = false;
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::string effective_url;  // after redirects, redacted
  std::uint64_t body_bytes = 0;
};

// The cause of a failed fetch, as a code the job runner can act on.
enum class FetchFailureKind {
  kConnectTimeout,
  kTotalTimeout,
  kLowSpeedTimeout,
  kTooLarge,
  kTooManyRedirects,
  kHttpStatus,
  kTls,
  kConnectionRefused,
  kHostNotFound,
  kTruncated,
  kWrongContentType,
  kSinkRejected,  // the BodySink returned an error (e.g. a parse error)
  kOther,
};

std::string_view FetchFailureKindName(FetchFailureKind kind);

struct FetchFailure {
  FetchFailureKind kind = FetchFailureKind::kOther;
  long http_status = 0;
  std::optional<std::chrono::seconds> retry_after;  // from a 429 / 503 Retry-After
  bool retryable = false;  // timeouts, refused connections, 429 and 5xx
};

using BodySink = std::function<Status(std::string_view chunk)>;

class HttpClient {
 public:
  explicit HttpClient(HttpLimits limits = {});

  const HttpLimits& limits() const { return limits_; }

  // Streams the body of `request.url` into `sink`. On failure, `failure` (when
  // not null) receives the cause.
  Result<HttpResponse> Fetch(const HttpRequest& request, const BodySink& sink,
                             FetchFailure* failure = nullptr) const;

  // Fetch into a string; the body is still bounded by max_body_bytes.
  Result<std::pair<HttpResponse, std::string>> FetchToString(const HttpRequest& request,
                                                             FetchFailure* failure = nullptr) const;

 private:
  HttpLimits limits_;
};

// The URL with any user-info removed and the values of credential-like query
// parameters (token, key, api_key, apikey, password, secret …) replaced by
// "REDACTED", for logs and error messages.
std::string RedactUrl(std::string_view url);

// Seconds from a Retry-After value (delta-seconds or an HTTP-date relative to
// `now`); nullopt when it is neither.
std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value,
                                                    std::chrono::system_clock::time_point now);

}  // namespace hdcat::harvesters
