#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>
#include <zlib.h>

#include "harvesters/http/http_client.h"
#include "tests/support/fault_server.h"

using hdcat::ErrorKind;
using namespace hdcat::harvesters;
using hdcat::testing::Fault;
using hdcat::testing::FaultResponse;
using hdcat::testing::FaultServer;

namespace {

HttpLimits FastLimits() {
  HttpLimits limits;
  limits.connect_timeout = std::chrono::milliseconds(2000);
  limits.total_timeout = std::chrono::milliseconds(5000);
  limits.low_speed_window = std::chrono::seconds(0);
  limits.max_redirects = 3;
  limits.max_body_bytes = 1 << 20;
  return limits;
}

struct Outcome {
  bool ok = false;
  hdcat::Error error;
  FetchFailure failure;
  HttpResponse response;
  std::string body;
  int chunks = 0;
};

Outcome Get(const HttpClient& client, HttpRequest request) {
  Outcome out;
  auto result = client.Fetch(
      request,
      [&out](std::string_view chunk) {
        out.body.append(chunk);
        ++out.chunks;
        return hdcat::Status::Ok();
      },
      &out.failure);
  out.ok = result.ok();
  if (result.ok()) out.response = *result;
  else out.error = result.error();
  return out;
}

Outcome Get(const HttpClient& client, const std::string& url) {
  HttpRequest request;
  request.url = url;
  return Get(client, request);
}

}  // namespace

TEST_CASE("a plain fetch streams the body and names the service", "[http]") {
  FaultServer server;
  std::string body(200000, 'x');
  server.Route("/ok", FaultResponse::Ok("application/json", body));
  HttpClient client(FastLimits());
  Outcome out = Get(client, server.Url("/ok"));
  REQUIRE(out.ok);
  CHECK(out.body == body);
  CHECK(out.chunks > 1);  // delivered in pieces, not as one buffer
  CHECK(out.response.status == 200);
  CHECK(out.response.body_bytes == body.size());
  auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].Header("user-agent") == std::string(kUserAgent));
  CHECK(requests[0].Header("accept-encoding").find("gzip") != std::string::npos);
}

TEST_CASE("each fault gives its specific error", "[http][faults]") {
  struct Case {
    const char* name;
    FaultResponse response;
    FetchFailureKind failure;
    ErrorKind kind;
    const char* message_part;
    HttpLimits limits;
  };
  HttpLimits base = FastLimits();
  HttpLimits hang_limits = base;
  hang_limits.total_timeout = std::chrono::milliseconds(800);
  HttpLimits drip_limits = base;
  drip_limits.low_speed_bytes_per_second = 100;
  drip_limits.low_speed_window = std::chrono::seconds(1);
  FaultResponse drip = FaultResponse::WithFault(Fault::kSlowDrip, "application/json", std::string(100, 'a'));
  FaultResponse huge_declared = FaultResponse::WithFault(Fault::kHuge);
  FaultResponse huge_undeclared = FaultResponse::WithFault(Fault::kHugeChunked);
  FaultResponse truncated = FaultResponse::WithFault(Fault::kTruncate, "application/json", "{\"datasets\": [");

  std::vector<Case> cases = {
      {"hang", FaultResponse::WithFault(Fault::kHang), FetchFailureKind::kTotalTimeout, ErrorKind::kTimeout,
       "total timeout", hang_limits},
      {"slow drip", drip, FetchFailureKind::kLowSpeedTimeout, ErrorKind::kTimeout, "low-speed timeout", drip_limits},
      {"500", FaultResponse::Status(500, "boom"), FetchFailureKind::kHttpStatus, ErrorKind::kUnavailable, "HTTP 500",
       base},
      {"404", FaultResponse::Status(404), FetchFailureKind::kHttpStatus, ErrorKind::kNotFound, "HTTP 404", base},
      {"truncated", truncated, FetchFailureKind::kTruncated, ErrorKind::kUpstream, "truncated body", base},
      {"2 GB declared", huge_declared, FetchFailureKind::kTooLarge, ErrorKind::kTooLarge, "1048576 bytes", base},
      {"2 GB undeclared", huge_undeclared, FetchFailureKind::kTooLarge, ErrorKind::kTooLarge, "1048576 bytes", base},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      FaultServer server;
      server.Route("/fault", c.response);
      HttpClient client(c.limits);
      Outcome out = Get(client, server.Url("/fault"));
      REQUIRE_FALSE(out.ok);
      CHECK(out.failure.kind == c.failure);
      CHECK(out.error.kind == c.kind);
      CHECK_THAT(out.error.message, Catch::Contains(c.message_part));
      CHECK(out.body.size() <= c.limits.max_body_bytes);
    }
  }
}

TEST_CASE("429 carries Retry-After to the job runner", "[http][faults]") {
  FaultServer server;
  FaultResponse busy = FaultResponse::Status(429, "slow down");
  busy.headers.emplace_back("Retry-After", "120");
  server.Route("/busy", busy);
  HttpClient client(FastLimits());
  Outcome out = Get(client, server.Url("/busy"));
  REQUIRE_FALSE(out.ok);
  CHECK(out.failure.kind == FetchFailureKind::kHttpStatus);
  CHECK(out.failure.http_status == 429);
  CHECK(out.failure.retryable);
  REQUIRE(out.failure.retry_after.has_value());
  CHECK(out.failure.retry_after->count() == 120);
  CHECK_THAT(out.error.message, Catch::Contains("retry after 120 s"));
}

TEST_CASE("a redirect loop stops at the redirect limit", "[http][faults]") {
  FaultServer server;
  server.Route("/loop", FaultResponse::Redirect("/loop"));
  server.Route("/hop", FaultResponse::Redirect("/ok"));
  server.Route("/ok", FaultResponse::Ok("text/plain", "fine"));
  HttpClient client(FastLimits());
  Outcome looped = Get(client, server.Url("/loop"));
  REQUIRE_FALSE(looped.ok);
  CHECK(looped.failure.kind == FetchFailureKind::kTooManyRedirects);
  CHECK_THAT(looped.error.message, Catch::Contains("too many redirects"));
  CHECK(server.requests().size() == 4);  // the first request and three redirects

  Outcome hopped = Get(client, server.Url("/hop"));
  REQUIRE(hopped.ok);
  CHECK(hopped.body == "fine");
  CHECK_THAT(hopped.response.effective_url, Catch::EndsWith("/ok"));
}

TEST_CASE("a wrong content type is refused when the caller needs one", "[http][faults]") {
  FaultServer server;
  server.Route("/html", FaultResponse::Ok("text/html; charset=utf-8", "<html></html>"));
  server.Route("/json", FaultResponse::Ok("Application/JSON; charset=utf-8", "{}"));
  HttpClient client(FastLimits());
  HttpRequest request;
  request.accepted_content_types = {"application/json"};
  request.url = server.Url("/html");
  Outcome wrong = Get(client, request);
  REQUIRE_FALSE(wrong.ok);
  CHECK(wrong.failure.kind == FetchFailureKind::kWrongContentType);
  CHECK_THAT(wrong.error.message, Catch::Contains("text/html"));
  CHECK(wrong.error.expected == "application/json");
  CHECK(wrong.body.empty());
  request.url = server.Url("/json");
  CHECK(Get(client, request).ok);
}

TEST_CASE("connection refused and TLS failures are told apart", "[http][faults]") {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int closed_port = ntohs(addr.sin_port);
  ::close(fd);  // nothing listens there now

  HttpClient client(FastLimits());
  Outcome refused = Get(client, "http://127.0.0.1:" + std::to_string(closed_port) + "/");
  REQUIRE_FALSE(refused.ok);
  CHECK(refused.failure.kind == FetchFailureKind::kConnectionRefused);
  CHECK(refused.error.kind == ErrorKind::kUnavailable);

  FaultServer server;  // plain HTTP: a TLS handshake with it must fail
  server.Route("/", FaultResponse::Ok("text/plain", "not tls"));
  Outcome tls = Get(client, "https://127.0.0.1:" + std::to_string(server.port()) + "/");
  REQUIRE_FALSE(tls.ok);
  CHECK(tls.failure.kind == FetchFailureKind::kTls);
  CHECK_THAT(tls.error.message, Catch::Contains("TLS"));
}

TEST_CASE("conditional requests give NotModified", "[http]") {
  FaultServer server;
  server.Handle("/doc", [](const hdcat::testing::FaultRequest& request) {
    if (request.Header("if-none-match") == "\"v1\"" ||
        request.Header("if-modified-since") == "Sat, 01 Jun 2024 00:00:00 GMT") {
      return FaultResponse::Status(304);
    }
    FaultResponse r = FaultResponse::Ok("text/turtle", "<a> <b> <c> .");
    r.headers.emplace_back("ETag", "\"v1\"");
    r.headers.emplace_back("Last-Modified", "Sat, 01 Jun 2024 00:00:00 GMT");
    return r;
  });
  HttpClient client(FastLimits());
  HttpRequest request;
  request.url = server.Url("/doc");
  Outcome first = Get(client, request);
  REQUIRE(first.ok);
  CHECK_FALSE(first.response.not_modified);
  CHECK(first.response.etag == "\"v1\"");
  CHECK(first.response.last_modified == "Sat, 01 Jun 2024 00:00:00 GMT");

  request.if_none_match = first.response.etag;
  Outcome by_etag = Get(client, request);
  REQUIRE(by_etag.ok);
  CHECK(by_etag.response.not_modified);
  CHECK(by_etag.body.empty());

  request.if_none_match.clear();
  request.if_modified_since = first.response.last_modified;
  Outcome by_date = Get(client, request);
  REQUIRE(by_date.ok);
  CHECK(by_date.response.not_modified);
}

TEST_CASE("credentials are sent but never appear in errors", "[http]") {
  FaultServer server;
  server.Route("/private", FaultResponse::Status(500, "internal"));
  HttpClient client(FastLimits());

  HttpRequest bearer;
  bearer.url = server.Url("/private?api_key=sekret-key&page=2");
  bearer.credentials.kind = HttpCredentials::Kind::kBearer;
  bearer.credentials.token = "tok-12345";
  Outcome out = Get(client, bearer);
  REQUIRE_FALSE(out.ok);
  CHECK(server.requests().back().Header("authorization") == "Bearer tok-12345");
  CHECK_THAT(out.error.ToString(), !Catch::Contains("tok-12345"));
  CHECK_THAT(out.error.ToString(), !Catch::Contains("sekret-key"));
  CHECK_THAT(out.error.ToString(), Catch::Contains("page=2"));

  HttpRequest basic;
  basic.url = "http://alice:pw-secret@127.0.0.1:" + std::to_string(server.port()) + "/private";
  basic.credentials.kind = HttpCredentials::Kind::kBasic;
  basic.credentials.user = "bob";
  basic.credentials.password = "hunter2";
  out = Get(client, basic);
  REQUIRE_FALSE(out.ok);
  CHECK(server.requests().back().Header("authorization") == "Basic Ym9iOmh1bnRlcjI=");
  CHECK_THAT(out.error.ToString(), !Catch::Contains("hunter2"));
  CHECK_THAT(out.error.ToString(), !Catch::Contains("pw-secret"));
}

TEST_CASE("RedactUrl removes user info and secret parameters", "[http]") {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"https://a.jp/x?page=1", "https://a.jp/x?page=1"},
      {"https://u:p@a.jp/x", "https://a.jp/x"},
      {"https://a.jp/x?token=abc&page=2", "https://a.jp/x?token=REDACTED&page=2"},
      {"https://a.jp/x?API_KEY=abc#f", "https://a.jp/x?API_KEY=REDACTED#f"},
      {"https://a.jp/x?password=1&client_secret=2", "https://a.jp/x?password=REDACTED&client_secret=REDACTED"},
  };
  for (const auto& row : rows) CHECK(RedactUrl(row.in) == row.out);
}

TEST_CASE("Retry-After accepts seconds and HTTP dates", "[http]") {
  auto now = std::chrono::system_clock::from_time_t(1717200000);  // 2024-06-01T00:00:00Z
  CHECK(ParseRetryAfter("30", now)->count() == 30);
  CHECK(ParseRetryAfter("Sat, 01 Jun 2024 00:01:00 GMT", now)->count() == 60);
  CHECK(ParseRetryAfter("Fri, 31 May 2024 00:00:00 GMT", now)->count() == 0);
  CHECK_FALSE(ParseRetryAfter("soon", now).has_value());
}

namespace {

// gzip-wrapped deflate of `text` (zlib's windowBits 16 + 15).
std::string Gzip(const std::string& text) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, text.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace

TEST_CASE("gzip bodies are decoded and the size limit applies to the decoded bytes", "[http]") {
  FaultServer server;
  FaultResponse small = FaultResponse::Ok("application/json", Gzip("{\"datasets\": []}"));
  small.headers.emplace_back("Content-Encoding", "gzip");
  server.Route("/small", small);
  std::string bomb_text(8 << 20, '0');  // 8 MiB that compress to a few KiB
  FaultResponse bomb = FaultResponse::Ok("application/json", Gzip(bomb_text));
  bomb.headers.emplace_back("Content-Encoding", "gzip");
  server.Route("/bomb", bomb);
  HttpClient client(FastLimits());

  Outcome ok = Get(client, server.Url("/small"));
  REQUIRE(ok.ok);
  CHECK(ok.body == "{\"datasets\": []}");

  Outcome bombed = Get(client, server.Url("/bomb"));
  REQUIRE_FALSE(bombed.ok);
  CHECK(bombed.failure.kind == FetchFailureKind::kTooLarge);
  CHECK(bombed.body.size() <= FastLimits().max_body_bytes);
}
