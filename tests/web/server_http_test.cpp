// The server over real sockets: health, readiness, the error model, limits,
// static files, keep-alive, request ids and graceful shutdown.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <chrono>
#include <future>
#include <thread>

#include "base/json.h"
#include "search/index_manager.h"
#include "tests/support/paths.h"
#include "tests/web/server_fixture.h"
#include "tests/web/server_test_client.h"

namespace hdcat::testing {
namespace {

Json ParseBody(const TestResponse& response) {
  auto parsed = ParseJson(response.body);
  INFO("body: " << response.body);
  REQUIRE(parsed.ok());
  return *parsed;
}

void RequireProblem(const TestResponse& response, int status, const std::string& kind) {
  INFO("status " << response.status << " body " << response.body);
  REQUIRE(response.status == status);
  REQUIRE(response.header("content-type") == "application/problem+json");
  Json problem = ParseBody(response);
  CHECK(problem["type"] == "https://hdcat.jp/problems/" + kind);
  CHECK(problem["status"] == status);
  CHECK(problem["title"].is_string());
  CHECK(problem["detail"].is_string());
  CHECK(problem["instance"].is_string());
}

}  // namespace

TEST_CASE("health answers 200 with a request id", "[web][server]") {
  TestServer running;
  auto response = HttpGet(running.port(), "/health");
  REQUIRE(response.status == 200);
  CHECK(ParseBody(response)["status"] == "ok");
  CHECK_FALSE(response.header("x-request-id").empty());
  auto second = HttpGet(running.port(), "/health");
  CHECK(second.header("x-request-id") != response.header("x-request-id"));
}

TEST_CASE("ready is 200 with a migrated database", "[web][server]") {
  TestServer running;
  auto response = HttpGet(running.port(), "/ready");
  INFO(response.body);
  REQUIRE(response.status == 200);
  Json body = ParseBody(response);
  CHECK(body["status"] == "ready");
  CHECK(body["checks"]["database"]["ok"] == true);
  CHECK(body["checks"]["migrations"]["ok"] == true);
}

TEST_CASE("ready is 503 problem+json when the database is unreachable", "[web][server]") {
  TestServer running(TestServerSetup{.with_database = false});
  auto response = HttpGet(running.port(), "/ready");
  RequireProblem(response, 503, "unavailable");
  Json body = ParseBody(response);
  CHECK(body["checks"]["database"]["ok"] == false);
  // Liveness does not depend on the database.
  CHECK(HttpGet(running.port(), "/health").status == 200);
  // Catalog endpoints say the dependency is missing rather than failing obscurely.
  RequireProblem(HttpGet(running.port(), "/api/v1/holders"), 503, "unavailable");
}

TEST_CASE("ready is 503 when the search index cannot be opened", "[web][server]") {
  TestServer running(TestServerSetup{.options = [](web::ServerOptions& options) {
    options.index_directory = "/nonexistent/hdcat-index";
  }});
  auto response = HttpGet(running.port(), "/ready");
  RequireProblem(response, 503, "unavailable");
  CHECK(ParseBody(response)["checks"]["index"]["ok"] == false);
}

TEST_CASE("search is wired to the index and checks its parameters", "[web][server]") {
  SECTION("without an index it is 503") {
    TestServer running;
    RequireProblem(HttpGet(running.port(), "/api/v1/search?q=x"), 503, "unavailable");
  }
  SECTION("with an empty published index it answers") {
    std::string root = BinaryPath("tests/web/index-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    REQUIRE(search::IndexManager(root).OpenForWriting().ok());
    TestServer running(TestServerSetup{.options = [&root](web::ServerOptions& options) {
      options.index_directory = root;
    }});
    CHECK(HttpGet(running.port(), "/ready").status == 200);
    auto response = HttpGet(running.port(), "/api/v1/search?q=%E7%B3%96%E5%B0%BF%E7%97%85&holder=jcs&sort=title");
    INFO(response.body);
    REQUIRE(response.status == 200);
    Json body = ParseBody(response);
    CHECK(body["total"] == 0);
    CHECK(body["hits"].empty());
    auto bad_sort = HttpGet(running.port(), "/api/v1/search?sort=titel");
    RequireProblem(bad_sort, 400, "invalid_input");
    CHECK(ParseBody(bad_sort)["errors"][0]["suggestion"] == "title");
    RequireProblem(HttpGet(running.port(), "/api/v1/search?facet_holder=jcs"), 400, "invalid_input");
    CHECK(HttpGet(running.port(), "/?lang=en").status == 200);
    std::filesystem::remove_all(root);
  }
}

TEST_CASE("unknown routes are 404 problems, wrong methods 405 with Allow", "[web][server]") {
  TestServer running;
  RequireProblem(HttpGet(running.port(), "/no/such/thing"), 404, "not_found");
  RequireProblem(HttpGet(running.port(), "/api/v1/nothing-here"), 404, "not_found");

  TestConnection connection(running.port());
  auto response = connection.Request("POST", "/health", {}, "x");
  REQUIRE(response.status == 405);
  CHECK(response.header("allow") == "GET, HEAD");
  CHECK(response.header("content-type") == "application/problem+json");
  CHECK(ParseBody(response)["type"] == "https://hdcat.jp/problems/method_not_allowed");
  auto remove = connection.Request("DELETE", "/api/v1/holders");
  CHECK(remove.status == 405);
}

TEST_CASE("HEAD is answered like GET without a body", "[web][server]") {
  TestServer running;
  TestConnection connection(running.port());
  auto response = connection.Request("HEAD", "/health");
  CHECK(response.status == 200);
  CHECK(response.body.empty());
}

TEST_CASE("unknown API parameters are 400 naming the parameter", "[web][server]") {
  TestServer running;
  auto response = HttpGet(running.port(), "/api/v1/holders?limt=5");
  RequireProblem(response, 400, "invalid_input");
  Json problem = ParseBody(response);
  CHECK(problem["detail"].get<std::string>().find("limt") != std::string::npos);
  CHECK(problem["pointer"] == "/limt");
  REQUIRE(problem["errors"].size() == 1);
  CHECK(problem["errors"][0]["suggestion"] == "limit");
  CHECK(problem["errors"][0]["expected"] == "one of: limit, offset");

  RequireProblem(HttpGet(running.port(), "/api/v1/holders/jcs?verbose=1"), 400, "invalid_input");
}

TEST_CASE("absurd paging is 400 with the allowed range", "[web][server]") {
  TestServer running;
  struct Case {
    std::string query;
    std::string pointer;
    std::string expected;
  };
  const std::string limit_range = "an integer from 1 to 100";
  const std::string offset_range = "an integer from 0 to 100000";
  const Case cases[] = {
      {"limit=1000000000", "/limit", limit_range},
      {"limit=101", "/limit", limit_range},
      {"limit=0", "/limit", limit_range},
      {"limit=-1", "/limit", limit_range},
      {"limit=abc", "/limit", limit_range},
      {"limit=1.5", "/limit", limit_range},
      {"limit=", "/limit", limit_range},
      {"limit=1e3", "/limit", limit_range},
      {"limit=99999999999999999999999", "/limit", limit_range},
      {"offset=-5", "/offset", offset_range},
      {"offset=1000000000", "/offset", offset_range},
  };
  for (const auto& c : cases) {
    for (const std::string path : {"/api/v1/holders", "/api/v1/datasets", "/api/v1/datasets/jcs/jroad/versions"}) {
      INFO(path << "?" << c.query);
      auto response = HttpGet(running.port(), path + "?" + c.query);
      RequireProblem(response, 400, "invalid_input");
      Json problem = ParseBody(response);
      CHECK(problem["pointer"] == c.pointer);
      CHECK(problem["errors"][0]["expected"] == c.expected);
    }
  }
  // The edges of the ranges are accepted.
  CHECK(HttpGet(running.port(), "/api/v1/holders?limit=100&offset=100000").status == 200);
  CHECK(HttpGet(running.port(), "/api/v1/holders?limit=1&offset=0").status == 200);
}

TEST_CASE("bodies over the limit are 413", "[web][server]") {
  TestServer running(TestServerSetup{.options = [](web::ServerOptions& options) {
    options.max_request_bytes = 64 * 1024;
    options.max_upload_bytes = 256 * 1024;
  }});
  {
    TestConnection connection(running.port());
    auto response = connection.Request("GET", "/api/v1/holders", {}, std::string(100 * 1024, 'x'));
    RequireProblem(response, 413, "too_large");
  }
  {
    // Over the parser's hard limit the request is refused before any route sees it.
    TestConnection connection(running.port());
    auto response = connection.Request("POST", "/api/v1/holders", {}, std::string(512 * 1024, 'x'));
    CHECK(response.status == 413);
  }
  CHECK(HttpGet(running.port(), "/health").status == 200);
}

TEST_CASE("path traversal never leaves the embedded files", "[web][server]") {
  TestServer running;
  const std::string targets[] = {
      "/static/../../etc/passwd",
      "/static/%2e%2e/%2e%2e/etc/passwd",
      "/static/%2E%2E/%2E%2E/etc/passwd",
      "/static/..%2f..%2fetc%2fpasswd",
      "/static/css/../../../etc/passwd",
      "/static/./css/site.css",
      "/static/css%2fsite.css",
      "/static//etc/passwd",
      "/static/%00",
      "/static/css/site.css%00.png",
      "/static/%c0%ae%c0%ae/etc/passwd",
      "/static/%252e%252e/etc/passwd",
      "/static/..\\..\\etc\\passwd",
      "/static/",
      "/static/%zz",
  };
  for (const auto& target : targets) {
    INFO(target);
    auto response = HttpGet(running.port(), target);
    CHECK((response.status == 400 || response.status == 404));
    CHECK(response.header("content-type") == "application/problem+json");
    CHECK(response.body.find("root:") == std::string::npos);
  }
}

TEST_CASE("static files have a content type, Cache-Control and an ETag", "[web][server]") {
  TestServer running;
  auto response = HttpGet(running.port(), "/static/css/site.css");
  REQUIRE(response.status == 200);
  CHECK(response.header("content-type") == "text/css; charset=utf-8");
  CHECK(response.header("cache-control").find("max-age=") != std::string::npos);
  std::string etag = response.header("etag");
  REQUIRE(etag.size() > 2);
  CHECK(response.body.find("body") != std::string::npos);

  auto again = HttpGet(running.port(), "/static/css/site.css", {{"If-None-Match", etag}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  auto stale = HttpGet(running.port(), "/static/css/site.css", {{"If-None-Match", "\"stale\""}});
  CHECK(stale.status == 200);
  CHECK(HttpGet(running.port(), "/static/js/site.js").header("content-type") == "text/javascript; charset=utf-8");
}

TEST_CASE("text from the request comes back only escaped", "[web][server]") {
  TestServer running;
  const std::string script = "<script>alert(1)</script>";
  const std::string encoded = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";

  SECTION("as a JSON string in problem+json") {
    auto response = HttpGet(running.port(), "/api/v1/holders?limit=" + encoded);
    RequireProblem(response, 400, "invalid_input");
    // Parses as JSON and the value is inside a string, not markup.
    CHECK(ParseBody(response)["detail"].get<std::string>().find(script) != std::string::npos);
    auto name = HttpGet(running.port(), "/api/v1/holders?" + encoded + "=1");
    RequireProblem(name, 400, "invalid_input");
    CHECK(ParseBody(name)["detail"].get<std::string>().find(script) != std::string::npos);
  }
  SECTION("HTML-escaped in an error page") {
    auto response = HttpGet(running.port(), "/holders?offset=" + encoded, {{"Accept", "text/html"}});
    REQUIRE(response.status == 400);
    CHECK(response.header("content-type") == "text/html; charset=utf-8");
    CHECK(response.body.find(script) == std::string::npos);
    CHECK(response.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  }
  SECTION("HTML-escaped in the search box") {
    auto response = HttpGet(running.port(), "/?q=" + encoded + "%22%20onfocus%3D%22x");
    REQUIRE(response.status == 200);
    CHECK(response.body.find(script) == std::string::npos);
    CHECK(response.body.find("\" onfocus=\"x") == std::string::npos);
    CHECK(response.body.find("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot; onfocus=&quot;x\"") !=
          std::string::npos);
  }
  SECTION("not as a header") {
    auto response = HttpGet(running.port(), "/?lang=en%0d%0aX-Injected:%201");
    CHECK(response.status == 200);
    CHECK(response.header("x-injected").empty());
    CHECK(response.header("set-cookie").empty());
    auto id = HttpGet(running.port(), "/health", {{"X-Request-Id", "abc<script>"}});
    CHECK(id.header("x-request-id") != "abc<script>");
    auto sane = HttpGet(running.port(), "/health", {{"X-Request-Id", "client-42"}});
    CHECK(sane.header("x-request-id") == "client-42");
  }
  SECTION("SQL-looking identifiers are refused before any query") {
    RequireProblem(HttpGet(running.port(), "/api/v1/holders/x'%20OR%20'1'%3D'1"), 400, "invalid_input");
    RequireProblem(HttpGet(running.port(), "/api/v1/datasets?holder=a';DROP%20TABLE%20holders;--"), 400,
                   "invalid_input");
    CHECK(HttpGet(running.port(), "/ready").status == 200);
  }
}

TEST_CASE("one connection serves several requests with keep-alive", "[web][server]") {
  TestServer running;
  TestConnection connection(running.port());
  for (int i = 0; i < 5; ++i) {
    auto response = connection.Request("GET", i % 2 ? "/health" : "/api/v1/holders");
    INFO("request " << i);
    CHECK(response.status == 200);
  }
  // An error does not close the connection either.
  CHECK(connection.Request("GET", "/api/v1/holders?limit=0").status == 400);
  CHECK(connection.Request("GET", "/health").status == 200);
}

TEST_CASE("every request gets one access-log line without secrets", "[web][server]") {
  TestServer running;
  HttpGet(running.port(), "/health");
  HttpGet(running.port(), "/api/v1/holders?token=s3cret-value&limit=2");
  // The line is written just after the answer is sent.
  auto log = running.access_log();
  for (int i = 0; i < 200 && log.size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    log = running.access_log();
  }
  REQUIRE(log.size() == 2);
  CHECK(log[0].find(" GET /health 200 ") != std::string::npos);
  CHECK(log[1].find("/api/v1/holders") != std::string::npos);
  CHECK(log[1].find("s3cret-value") == std::string::npos);
  CHECK(log[1].find(" 400 ") != std::string::npos);  // `token` is not an API parameter
}

TEST_CASE("shutdown finishes requests in flight", "[web][server]") {
  std::atomic<bool> handler_started{false};
  TestServer running(TestServerSetup{.before_start = [&handler_started](web::Server& server) {
    server.router().Add("GET", "/test/slow", [&handler_started](const web::HttpRequest&) {
      handler_started = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      web::HttpResponse response;
      response.body = std::string(100000, 'z');
      return response;
    });
  }});
  auto in_flight = std::async(std::launch::async, [&running] { return HttpGet(running.port(), "/test/slow"); });
  while (!handler_started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto started = std::chrono::steady_clock::now();
  running.server().Shutdown();
  auto waited = std::chrono::steady_clock::now() - started;
  TestResponse response = in_flight.get();
  CHECK(response.status == 200);
  CHECK(response.body == std::string(100000, 'z'));
  CHECK(waited >= std::chrono::milliseconds(200));  // Shutdown waited for the handler
}

}  // namespace hdcat::testing
