#include <catch2/catch.hpp>

#include "harvesters/adapters/record_stream.h"
#include "harvesters/mapping/feed_mapping.h"
#include "tests/harvesters/adapter_test_util.h"
#include "tests/support/fault_server.h"

using namespace hdcat::harvesters;
using hdcat::ErrorKind;
using hdcat::Json;
using hdcat::testing::Drain;
using hdcat::testing::Fault;
using hdcat::testing::FaultResponse;
using hdcat::testing::FaultServer;

namespace {

SourceConfig FeedConfig(const FaultServer& server, const std::string& path) {
  SourceConfig config;
  config.source_id = "test";
  config.holder = "mhlw-ndb";
  config.endpoint = server.Url(path);
  config.format = SourceFormat::kNativeFeed;
  return config;
}

std::string Page(const std::vector<std::string>& identifiers, const std::string& next) {
  Json page{{"datasets", Json::array()}, {"next", next.empty() ? Json() : Json(next)}};
  for (const auto& id : identifiers) {
    page["datasets"].push_back(Json{{"identifier", id}, {"title", {{"ja", "題 " + id}}}});
  }
  return page.dump();
}

}  // namespace

TEST_CASE("a feed is followed page by page", "[feed]") {
  FaultServer server;
  Json first = Json::parse(Page({"a", "B-2"}, "/feed/2"));
  first["holder"] = Json{{"identifier", "mhlw-ndb"}};
  first["generated_at"] = "2024-06-01T00:00:00Z";
  server.Route("/feed", FaultResponse::Ok("application/json", first.dump()));
  Json second = Json::parse(Page({"c"}, ""));
  second["deleted"] = Json::array({Json{{"identifier", "old"}, {"deleted_at", "2024-05-31T12:00:00Z"}}});
  server.Route("/feed/2", FaultResponse::Ok("application/json; charset=utf-8", second.dump()));

  auto drained = Drain(FeedConfig(server, "/feed"));
  CHECK(drained.status.complete);
  CHECK_FALSE(drained.status.error.has_value());
  CHECK(drained.status.pages == 2);
  CHECK(drained.status.records == 3);
  REQUIRE(drained.status.deleted.size() == 1);
  CHECK(drained.status.deleted[0].record_identifier == "old");
  CHECK(drained.status.deleted[0].deleted_at == "2024-05-31T12:00:00Z");
  CHECK(drained.status.deleted[0].page_url == server.Url("/feed/2"));
  CHECK(drained.status.source_timestamp == "2024-06-01T00:00:00Z");
  REQUIRE(drained.records.size() == 3);
  CHECK(drained.records[0].record_identifier == "a");
  CHECK(drained.records[0].document["holder"] == "mhlw-ndb");
  REQUIRE(drained.records[0].holder.has_value());
  CHECK_FALSE(drained.records[1].holder.has_value());
  CHECK(drained.records[1].document["identifier"] == "b-2");
  CHECK(drained.records[1].document["source_identifier"] == "B-2");
  CHECK(Json::parse(drained.records[1].raw)["identifier"] == "B-2");
  CHECK(drained.records[2].page_url == server.Url("/feed/2"));
}

TEST_CASE("an incremental feed gather sends modified_since", "[feed]") {
  FaultServer server;
  server.Route("/feed", FaultResponse::Ok("application/json", Page({}, "")));
  SourceConfig config = FeedConfig(server, "/feed");
  config.modified_since = "2024-06-01T00:00:00Z";
  auto drained = Drain(config);
  CHECK(drained.status.complete);
  CHECK(server.requests().at(0).query == "modified_since=2024-06-01T00%3A00%3A00Z");
}

TEST_CASE("feed faults end the gather incomplete with a specific error", "[feed][faults]") {
  struct Case {
    const char* name;
    FaultResponse response;
    ErrorKind kind;
    const char* message_part;
  };
  FaultResponse not_utf8 = FaultResponse::Ok("application/json", "{\"datasets\": [{\"identifier\": \"\xff\"}], \"next\": null}");
  FaultResponse truncated = FaultResponse::WithFault(Fault::kTruncate, "application/json", "{\"datasets\": [");
  const Case cases[] = {
      {"malformed JSON", FaultResponse::Ok("application/json", "{\"datasets\": [}"), ErrorKind::kInvalidInput, "malformed JSON"},
      {"invalid UTF-8", not_utf8, ErrorKind::kInvalidInput, "not valid UTF-8"},
      {"no datasets array", FaultResponse::Ok("application/json", "{\"items\": []}"), ErrorKind::kInvalidInput, "no \"datasets\" array"},
      {"HTTP 500", FaultResponse::Status(500), ErrorKind::kUnavailable, "HTTP 500"},
      {"wrong content type", FaultResponse::Ok("text/html", "<html/>"), ErrorKind::kUpstream, "wrong content type"},
      {"truncated body", truncated, ErrorKind::kUpstream, "truncated body"},
      {"hang", FaultResponse::WithFault(Fault::kHang), ErrorKind::kTimeout, "total timeout"},
      {"2 GB body", FaultResponse::WithFault(Fault::kHuge), ErrorKind::kTooLarge, "exceeds the limit"},
      {"redirect loop", FaultResponse::Redirect("/feed"), ErrorKind::kUpstream, "too many redirects"},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      FaultServer server;
      server.Route("/feed", c.response);
      auto drained = Drain(FeedConfig(server, "/feed"));
      CHECK(drained.records.empty());
      CHECK_FALSE(drained.status.complete);
      REQUIRE(drained.status.error.has_value());
      CHECK(drained.status.error->kind == c.kind);
      CHECK_THAT(drained.status.error->message, Catch::Contains(c.message_part));
    }
  }
}

TEST_CASE("an empty catalog is a complete gather with no records", "[feed][faults]") {
  FaultServer server;
  server.Route("/feed", FaultResponse::Ok("application/json", R"({"datasets": [], "next": null})"));
  auto drained = Drain(FeedConfig(server, "/feed"));
  CHECK(drained.status.complete);
  CHECK(drained.status.records == 0);
}

TEST_CASE("a failure on a later page keeps earlier records but makes the gather incomplete", "[feed][faults]") {
  FaultServer server;
  server.Route("/feed", FaultResponse::Ok("application/json", Page({"a"}, "/feed/2")));
  FaultResponse busy = FaultResponse::Status(429);
  busy.headers.emplace_back("Retry-After", "7");
  server.Route("/feed/2", busy);
  auto drained = Drain(FeedConfig(server, "/feed"));
  CHECK(drained.records.size() == 1);
  CHECK_FALSE(drained.status.complete);
  REQUIRE(drained.status.fetch_failure.has_value());
  CHECK(drained.status.fetch_failure->http_status == 429);
  CHECK(drained.status.fetch_failure->retry_after->count() == 7);
  CHECK_THAT(drained.status.error->message, Catch::Contains("(page 2)"));
}

TEST_CASE("paging loops and the page limit stop the gather", "[feed][faults]") {
  FaultServer server;
  server.Route("/feed", FaultResponse::Ok("application/json", Page({"a"}, "/feed/2")));
  server.Route("/feed/2", FaultResponse::Ok("application/json", Page({"b"}, "/feed")));
  auto looped = Drain(FeedConfig(server, "/feed"));
  CHECK_FALSE(looped.status.complete);
  CHECK_THAT(looped.status.error->message, Catch::Contains("paging loop"));
  CHECK(looped.records.size() == 2);

  SourceConfig limited = FeedConfig(server, "/feed");
  limited.max_pages = 1;
  auto cut = Drain(limited);
  CHECK_FALSE(cut.status.complete);
  CHECK_THAT(cut.status.error->message, Catch::Contains("page limit"));
}

TEST_CASE("a bad record is a record error, not a gather error", "[feed]") {
  FaultServer server;
  server.Route("/feed", FaultResponse::Ok("application/json", R"({"datasets": [
      {"identifier": "good", "title": {"ja": "良"}, "colour": "blue"},
      {"title": {"ja": "no identifier"}},
      "not an object",
      {"identifier": "other", "holder": "someone-else"},
      {"identifier": "good", "title": {"ja": "duplicate"}}
    ], "next": null})"));
  auto drained = Drain(FeedConfig(server, "/feed"));
  CHECK(drained.status.complete);
  REQUIRE(drained.records.size() == 4);
  CHECK(drained.records[0].ok());
  CHECK(drained.records[0].unmapped == std::vector<std::string>{"colour"});
  CHECK_FALSE(drained.records[0].document.contains("colour"));
  CHECK_THAT(drained.records[0].raw, Catch::Contains("colour"));
  CHECK_FALSE(drained.records[1].ok());
  CHECK(drained.records[1].error->pointer == "/identifier");
  CHECK_FALSE(drained.records[2].ok());
  CHECK_FALSE(drained.records[3].ok());
  CHECK(drained.records[3].error->kind == ErrorKind::kConflict);
  REQUIRE(drained.status.warnings.size() == 1);
  CHECK_THAT(drained.status.warnings[0], Catch::Contains("appeared twice"));
}

TEST_CASE("feed page envelope parsing", "[feed]") {
  CHECK(mapping::ParseFeedPage(R"({"datasets": [], "next": "x"})", 1000)->next == "x");
  CHECK_FALSE(mapping::ParseFeedPage(R"({"datasets": [], "next": 5})", 1000).ok());
  CHECK_FALSE(mapping::ParseFeedPage(R"([1])", 1000).ok());
  CHECK(mapping::ParseFeedPage(std::string(2000, ' '), 1000).error().kind == ErrorKind::kTooLarge);
}

TEST_CASE("a malformed deleted list is a gather error naming the bad entry", "[feed]") {
  struct Row {
    const char* deleted;
    const char* pointer;
  };
  const Row rows[] = {{R"("old")", "/deleted"},
                      {"null", "/deleted"},
                      {R"([{"identifier": "a"}, "b"])", "/deleted/1"},
                      {R"([{"deleted_at": "2024-01-01T00:00:00Z"}])", "/deleted/0/identifier"},
                      {R"([{"identifier": ""}])", "/deleted/0/identifier"},
                      {R"([{"identifier": 7}])", "/deleted/0/identifier"},
                      {R"([{"identifier": "a", "deleted_at": 1}])", "/deleted/0/deleted_at"},
                      {R"([{"identifier": "a", "reason": "gone"}])", "/deleted/0/reason"}};
  for (const auto& row : rows) {
    INFO(row.deleted);
    auto page = mapping::ParseFeedPage(std::string(R"({"datasets": [], "next": null, "deleted": )") + row.deleted + "}",
                                       1000);
    REQUIRE_FALSE(page.ok());
    CHECK(page.error().kind == ErrorKind::kInvalidInput);
    CHECK(page.error().pointer == row.pointer);
  }
  auto page = mapping::ParseFeedPage(R"({"datasets": [], "next": null, "deleted": []})", 1000);
  REQUIRE(page.ok());
  CHECK(page->deleted.empty());
}

TEST_CASE("unknown formats and non-HTTP endpoints are refused", "[feed]") {
  CHECK_FALSE(ParseSourceFormat("oai-pmh").ok());
  CHECK(ParseSourceFormat("dcat-turtle").value() == SourceFormat::kDcatTurtle);
  SourceConfig config;
  config.endpoint = "file:///etc/passwd";
  HttpClient client;
  CHECK_FALSE(OpenRecordStream(config, client).ok());
}
