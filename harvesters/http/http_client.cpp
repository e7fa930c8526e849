#include "harvesters/http/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace hdcat::harvesters {
namespace {

void EnsureCurlInitialised() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// The media type without parameters, lower case: "Text/Turtle; charset=x" -> "text/turtle".
std::string BareMediaType(std::string_view content_type) {
  return Lower(Trim(content_type.substr(0, content_type.find(';'))));
}

// Per-transfer state shared with the curl callbacks.
struct Transfer {
  const HttpLimits* limits = nullptr;
  const HttpRequest* request = nullptr;
  const BodySink* sink = nullptr;
  CURL* curl = nullptr;

  // Headers of the latest response (a redirect chain resets them).
  std::string etag, last_modified, retry_after;
  long header_status = 0;

  bool checked_first_body = false;
  bool error_status = false;         // 4xx/5xx: the body is kept only as a snippet
  std::string error_snippet;
  std::uint64_t body_bytes = 0;

  std::optional<Error> abort_error;  // why a callback stopped the transfer
  std::optional<FetchFailureKind> abort_kind;
};

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    t->etag.clear();
    t->last_modified.clear();
    t->retry_after.clear();
    auto space = line.find(' ');
    if (space != std::string_view::npos) t->header_status = std::atol(std::string(line.substr(space + 1, 3)).c_str());
    return line.size();
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return line.size();
  std::string name = Lower(Trim(line.substr(0, colon)));
  std::string value(Trim(line.substr(colon + 1)));
  if (name == "etag") t->etag = value;
  else if (name == "last-modified") t->last_modified = value;
  else if (name == "retry-after") t->retry_after = value;
  return line.size();
}

// Called before the first body byte of the final response is accepted.
bool CheckFirstBody(Transfer* t) {
  t->checked_first_body = true;
  long status = 0;
  curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 400) {
    t->error_status = true;
    return true;
  }
  const auto& accepted = t->request->accepted_content_types;
  if (accepted.empty()) return true;
  char* content_type = nullptr;
  curl_easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &content_type);
  std::string actual = content_type ? BareMediaType(content_type) : std::string();
  for (const auto& want : accepted) {
    if (BareMediaType(want) == actual) return true;
  }
  std::string list;
  for (const auto& want : accepted) list += (list.empty() ? "" : ", ") + want;
  Error error(ErrorKind::kUpstream, "wrong content type from " + RedactUrl(t->request->url) + ": got \"" +
                                        (actual.empty() ? std::string("(none)") : actual) + "\"");
  error.expected = list;
  t->abort_error = std::move(error);
  t->abort_kind = FetchFailureKind::kWrongContentType;
  return false;
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (!t->checked_first_body && !CheckFirstBody(t)) return 0;
  if (t->error_status) {
    if (t->error_snippet.size() < 300) t->error_snippet.append(data, std::min<size_t>(n, 300 - t->error_snippet.size()));
    return n;
  }
  t->body_bytes += n;
  if (t->body_bytes > t->limits->max_body_bytes) {
    t->abort_error = TooLarge("response body from " + RedactUrl(t->request->url) + " exceeds the limit of " +
                              std::to_string(t->limits->max_body_bytes) + " bytes");
    t->abort_kind = FetchFailureKind::kTooLarge;
    return 0;
  }
  Status status = (*t->sink)(std::string_view(data, n));
  if (!status.ok()) {
    t->abort_error = status.error();
    t->abort_kind = FetchFailureKind::kSinkRejected;
    return 0;
  }
  return n;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

std::string Seconds(std::chrono::milliseconds ms) {
  auto tenths = ms.count() / 100;
  return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + " s";
}

Error Fail(FetchFailure* failure, FetchFailureKind kind, ErrorKind error_kind, std::string message,
           bool retryable) {
  if (failure) {
    failure->kind = kind;
    failure->retryable = retryable;
  }
  return Error(error_kind, std::move(message));
}

}  // namespace

std::string_view FetchFailureKindName(FetchFailureKind kind) {
  switch (kind) {
    case FetchFailureKind::kConnectTimeout: return "connect_timeout";
    case FetchFailureKind::kTotalTimeout: return "total_timeout";
    case FetchFailureKind::kLowSpeedTimeout: return "low_speed_timeout";
    case FetchFailureKind::kTooLarge: return "too_large";
    case FetchFailureKind::kTooManyRedirects: return "too_many_redirects";
    case FetchFailureKind::kHttpStatus: return "http_status";
    case FetchFailureKind::kTls: return "tls";
    case FetchFailureKind::kConnectionRefused: return "connection_refused";
    case FetchFailureKind::kHostNotFound: return "host_not_found";
    case FetchFailureKind::kTruncated: return "truncated";
    case FetchFailureKind::kWrongContentType: return "wrong_content_type";
    case FetchFailureKind::kSinkRejected: return "rejected_body";
    case FetchFailureKind::kOther: return "other";
  }
  return "other";
}

HttpClient::HttpClient(HttpLimits limits) : limits_(limits) { EnsureCurlInitialised(); }

Result<HttpResponse> HttpClient::Fetch(const HttpRequest& request, const BodySink& sink,
                                       FetchFailure* failure) const {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Internal("cannot create a curl handle");
  CURL* h = curl.get();
  const std::string url = RedactUrl(request.url);

  Transfer t;
  t.limits = &limits_;
  t.request = &request;
  t.sink = &sink;
  t.curl = h;
  char curl_error[CURL_ERROR_SIZE] = {0};

  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto add_header = [&headers](const std::string& line) {
    headers.reset(curl_slist_append(headers.release(), line.c_str()));
  };
  for (const auto& [name, value] : request.headers) add_header(name + ": " + value);
  if (!request.if_none_match.empty()) add_header("If-None-Match: " + request.if_none_match);
  if (!request.if_modified_since.empty()) add_header("If-Modified-Since: " + request.if_modified_since);

  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curl_error);
  curl_easy_setopt(h, CURLOPT_USERAGENT, std::string(kUserAgent).c_str());
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, limits_.max_redirects);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits_.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(limits_.total_timeout.count()));
  if (limits_.low_speed_window.count() > 0) {
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, limits_.low_speed_bytes_per_second);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(limits_.low_speed_window.count()));
  }
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits_.max_body_bytes));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  if (headers) curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  switch (request.credentials.kind) {
    case HttpCredentials::Kind::kNone: break;
    case HttpCredentials::Kind::kBearer:
      curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BEARER);
      curl_easy_setopt(h, CURLOPT_XOAUTH2_BEARER, request.credentials.token.c_str());
      break;
    case HttpCredentials::Kind::kBasic:
      curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
      curl_easy_setopt(h, CURLOPT_USERNAME, request.credentials.user.c_str());
      curl_easy_setopt(h, CURLOPT_PASSWORD, request.credentials.password.c_str());
      break;
  }

  CURLcode code = curl_easy_perform(h);

  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (failure) failure->http_status = status;

  if (t.abort_error) {
    if (failure) {
      failure->kind = *t.abort_kind;
      failure->retryable = false;
    }
    return *t.abort_error;
  }
  if (code != CURLE_OK) {
    std::string detail = curl_error[0] ? std::string(curl_error) : std::string(curl_easy_strerror(code));
    // curl's own messages may quote the URL; keep only our redacted form.
    if (detail.find("://") != std::string::npos) detail = curl_easy_strerror(code);
    switch (code) {
      case CURLE_OPERATION_TIMEDOUT: {
        curl_off_t connect_us = 0;
        curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &connect_us);
        if (connect_us == 0 && t.header_status == 0 && detail.find("onnect") != std::string::npos) {
          return Fail(failure, FetchFailureKind::kConnectTimeout, ErrorKind::kTimeout,
                      "connect timeout: no connection to " + url + " within " + Seconds(limits_.connect_timeout),
                      true);
        }
        if (detail.find("too slow") != std::string::npos) {
          return Fail(failure, FetchFailureKind::kLowSpeedTimeout, ErrorKind::kTimeout,
                      "low-speed timeout: " + url + " sent less than " +
                          std::to_string(limits_.low_speed_bytes_per_second) + " bytes/s for " +
                          std::to_string(limits_.low_speed_window.count()) + " s",
                      true);
        }
        return Fail(failure, FetchFailureKind::kTotalTimeout, ErrorKind::kTimeout,
                    "total timeout: " + url + " did not finish within " + Seconds(limits_.total_timeout), true);
      }
      case CURLE_FILESIZE_EXCEEDED:
        return Fail(failure, FetchFailureKind::kTooLarge, ErrorKind::kTooLarge,
                    "response body from " + url + " exceeds the limit of " +
                        std::to_string(limits_.max_body_bytes) + " bytes (declared by Content-Length)",
                    false);
      case CURLE_TOO_MANY_REDIRECTS:
        return Fail(failure, FetchFailureKind::kTooManyRedirects, ErrorKind::kUpstream,
                    "too many redirects from " + url + " (limit " + std::to_string(limits_.max_redirects) +
                        "; a redirect loop?)",
                    false);
      case CURLE_COULDNT_CONNECT:
        return Fail(failure, FetchFailureKind::kConnectionRefused, ErrorKind::kUnavailable,
                    "connection refused by " + url, true);
      case CURLE_COULDNT_RESOLVE_HOST:
        return Fail(failure, FetchFailureKind::kHostNotFound, ErrorKind::kUnavailable,
                    "host not found: " + url, true);
      case CURLE_PARTIAL_FILE:
        return Fail(failure, FetchFailureKind::kTruncated, ErrorKind::kUpstream,
                    "truncated body from " + url + ": the connection closed after " +
                        std::to_string(t.body_bytes) + " bytes, before the length the server declared",
                    true);
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      case CURLE_SSL_INVALIDCERTSTATUS:
        return Fail(failure, FetchFailureKind::kTls, ErrorKind::kUpstream,
                    "TLS failure with " + url + ": " + detail + " (certificates are always verified)", false);
      default:
        return Fail(failure, FetchFailureKind::kOther, ErrorKind::kUnavailable,
                    "fetching " + url + " failed: " + detail, true);
    }
  }

  if (status == 304) {
    HttpResponse response;
    response.status = status;
    response.not_modified = true;
    response.etag = t.etag;
    response.last_modified = t.last_modified;
    response.effective_url = url;
    return response;
  }
  if (status >= 400 || t.error_status) {
    bool retryable = status == 429 || status >= 500;
    std::string message = "HTTP " + std::to_string(status) + " from " + url;
    std::optional<std::chrono::seconds> retry_after;
    if (!t.retry_after.empty()) retry_after = ParseRetryAfter(t.retry_after, std::chrono::system_clock::now());
    if (retry_after) message += "; retry after " + std::to_string(retry_after->count()) + " s";
    std::string snippet(Trim(t.error_snippet));
    if (!snippet.empty()) message += ": " + snippet.substr(0, 200);
    if (failure) {
      failure->kind = FetchFailureKind::kHttpStatus;
      failure->retryable = retryable;
      failure->retry_after = retry_after;
    }
    ErrorKind kind = status == 401 ? ErrorKind::kUnauthenticated
                     : status == 403 ? ErrorKind::kForbidden
                     : status == 404 ? ErrorKind::kNotFound
                     : retryable ? ErrorKind::kUnavailable
                                 : ErrorKind::kUpstream;
    return Error(kind, message);
  }
  if (!t.checked_first_body && !request.accepted_content_types.empty() && !CheckFirstBody(&t)) {
    // An empty body still has to have the right type.
    if (failure) failure->kind = FetchFailureKind::kWrongContentType;
    return *t.abort_error;
  }

  HttpResponse response;
  response.status = status;
  char* content_type = nullptr;
  curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &content_type);
  if (content_type) response.content_type = content_type;
  char* effective = nullptr;
  curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective);
  response.effective_url = effective ? RedactUrl(effective) : url;
  response.etag = t.etag;
  response.last_modified = t.last_modified;
  response.body_bytes = t.body_bytes;
  return response;
}

Result<std::pair<HttpResponse, std::string>> HttpClient::FetchToString(const HttpRequest& request,
                                                                       FetchFailure* failure) const {
  std::string body;
  auto response = Fetch(
      request,
      [&body](std::string_view chunk) {
        body.append(chunk);
        return Status::Ok();
      },
      failure);
  if (!response.ok()) return response.error();
  return std::make_pair(std::move(response.value()), std::move(body));
}

std::string RedactUrl(std::string_view url) {
  std::string out(url);
  auto scheme_end = out.find("://");
  if (scheme_end != std::string::npos) {
    auto authority_start = scheme_end + 3;
    auto authority_end = out.find_first_of("/?#", authority_start);
    auto at = out.rfind('@', authority_end == std::string::npos ? out.size() : authority_end);
    if (at != std::string::npos && at >= authority_start) out.erase(authority_start, at + 1 - authority_start);
  }
  auto query = out.find('?');
  if (query == std::string::npos) return out;
  static constexpr std::string_view kSecretWords[] = {"token", "key", "password", "passwd", "secret",
                                                      "auth", "signature", "sig", "credential"};
  std::string result = out.substr(0, query + 1);
  std::string_view rest = std::string_view(out).substr(query + 1);
  std::string_view fragment;
  if (auto hash = rest.find('#'); hash != std::string_view::npos) {
    fragment = rest.substr(hash);
    rest = rest.substr(0, hash);
  }
  bool first = true;
  while (true) {
    auto amp = rest.find('&');
    std::string_view param = rest.substr(0, amp);
    auto eq = param.find('=');
    std::string name = Lower(param.substr(0, eq));
    bool secret = std::any_of(std::begin(kSecretWords), std::end(kSecretWords),
                              [&name](std::string_view w) { return name.find(w) != std::string::npos; });
    if (!first) result += '&';
    first = false;
    if (secret && eq != std::string_view::npos) {
      result += std::string(param.substr(0, eq)) + "=REDACTED";
    } else {
      result += param;
    }
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  result += fragment;
  return result;
}

std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value,
                                                    std::chrono::system_clock::time_point now) {
  value = Trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (value.size() > 9) return std::nullopt;
    return std::chrono::seconds(std::stol(std::string(value)));
  }
  std::string text(value);
  time_t when = curl_getdate(text.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  auto delta = std::chrono::system_clock::from_time_t(when) - now;
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(delta);
  return seconds.count() < 0 ? std::chrono::seconds(0) : seconds;
}

}  // namespace hdcat::harvesters
