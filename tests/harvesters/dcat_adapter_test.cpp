#include <catch2/catch.hpp>

#include "harvesters/adapters/record_stream.h"
#include "tests/harvesters/adapter_test_util.h"
#include "tests/support/fault_server.h"
#include "tests/support/paths.h"

using namespace hdcat::harvesters;
using hdcat::ErrorKind;
using hdcat::Json;
using hdcat::testing::Drain;
using hdcat::testing::FaultResponse;
using hdcat::testing::FaultServer;
using hdcat::testing::ReadFile;
using hdcat::testing::SourcePath;

namespace {

std::string Data(const std::string& name) { return ReadFile(SourcePath("tests/harvesters/data/" + name)); }

SourceConfig DcatConfig(const FaultServer& server, const std::string& path, SourceFormat format) {
  SourceConfig config;
  config.holder = "test-holder";
  config.endpoint = server.Url(path);
  config.format = format;
  return config;
}

std::string TurtlePage(const std::string& id, const std::string& next) {
  std::string page = "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n"
                     "@prefix hydra: <http://www.w3.org/ns/hydra/core#> .\n"
                     "<http://h.example/ds/" + id + "> a dcat:Dataset ; dct:identifier \"" + id + "\" ; dct:title \"" + id + "\"@en .\n";
  if (!next.empty()) page += "<http://h.example/catalog> a hydra:PagedCollection ; hydra:nextPage <" + next + "> .\n";
  return page;
}

}  // namespace

TEST_CASE("the official example harvested as Turtle and as RDF/XML", "[dcat][adapter]") {
  FaultServer server;
  server.Route("/catalog.ttl", FaultResponse::Ok("text/turtle; charset=utf-8", Data("example-healthdcat-dataset.ttl")));
  server.Route("/catalog.rdf", FaultResponse::Ok("application/rdf+xml", Data("example-healthdcat-dataset.rdf")));
  auto turtle = Drain(DcatConfig(server, "/catalog.ttl", SourceFormat::kDcatTurtle));
  auto rdfxml = Drain(DcatConfig(server, "/catalog.rdf", SourceFormat::kDcatRdfXml));
  for (const auto* drained : {&turtle, &rdfxml}) {
    CHECK(drained->status.complete);
    REQUIRE(drained->records.size() == 1);
    const SourceRecord& record = drained->records[0];
    CHECK(record.ok());
    CHECK(record.record_identifier == "https://healthdcat-ap.example.org/release-7/example/dataset-oncology-ehrs-2024");
    CHECK(record.document["identifier"] == "eu-hdca-r7-oncology-ehrs-2024");
    CHECK(record.raw_media_type == "application/n-triples");
    CHECK_THAT(record.raw, Catch::Contains("Variable inventory for the oncology EHR cohort"));
    CHECK_FALSE(record.unmapped.empty());
  }
  CHECK(turtle.records[0].document == rdfxml.records[0].document);
  CHECK(server.requests()[0].Header("accept") == "text/turtle, application/x-turtle");
}

TEST_CASE("hydra paging is followed in Turtle and JSON-LD", "[dcat][adapter]") {
  FaultServer server;
  server.Route("/p1", FaultResponse::Ok("text/turtle", TurtlePage("one", server.Url("/p2"))));
  server.Route("/p2", FaultResponse::Ok("text/turtle", TurtlePage("two", "")));
  auto turtle = Drain(DcatConfig(server, "/p1", SourceFormat::kDcatTurtle));
  CHECK(turtle.status.complete);
  CHECK(turtle.status.pages == 2);
  REQUIRE(turtle.records.size() == 2);
  CHECK(turtle.records[1].document["identifier"] == "two");

  std::string page1 = Data("dcatap-dataset-page1.jsonld");
  const std::string remote_next = "https://holder.example.jp/catalog?page=2";
  page1.replace(page1.find(remote_next), remote_next.size(), server.Url("/catalog?page=2"));
  server.Handle("/catalog", [page1](const hdcat::testing::FaultRequest& request) {
    if (request.query == "page=2") {
      return FaultResponse::Ok("application/ld+json", R"({"@context": "https://hdcat.jp/contexts/healthdcat-ap.jsonld",
          "@id": "http://h.example/ds/last", "@type": "dcat:Dataset", "dct:identifier": "last"})");
    }
    return FaultResponse::Ok("application/ld+json", page1);
  });
  auto jsonld = Drain(DcatConfig(server, "/catalog", SourceFormat::kDcatJsonLd));
  REQUIRE(jsonld.records.size() == 2);
  CHECK(jsonld.records[0].document["identifier"] == "ndb-sample");
  CHECK(jsonld.records[0].document["statistics"]["number_of_records"] == 1000);
  CHECK(jsonld.records[0].document["has_structured_data"] == false);
  CHECK(jsonld.records[0].document["health_categories"] == Json::array({"HRAD"}));
  CHECK(jsonld.records[0].document["title"] == Json::parse(R"({"ja": "NDBサンプル", "en": "NDB sample"})"));
  CHECK(jsonld.records[0].document["temporal"] == Json::parse(R"({"start": "2020-04-01"})"));
  CHECK(jsonld.records[1].document["identifier"] == "last");
  CHECK(jsonld.status.complete);
  REQUIRE(jsonld.status.warnings.size() == 1);
  CHECK_THAT(jsonld.status.warnings[0], Catch::Contains("keyword"));
}

TEST_CASE("DCAT faults", "[dcat][adapter][faults]") {
  FaultServer server;
  server.Route("/bad.ttl", FaultResponse::Ok("text/turtle", "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<http://a> a dcat:Dataset ;\n <http://p> \"unterminated ."));
  server.Route("/html", FaultResponse::Ok("text/html", "<html/>"));
  server.Route("/remote-context", FaultResponse::Ok("application/ld+json",
                                                    R"({"@context": "https://other.example/ctx.jsonld", "@type": "Dataset"})"));
  server.Route("/empty.ttl", FaultResponse::Ok("text/turtle", ""));

  auto bad = Drain(DcatConfig(server, "/bad.ttl", SourceFormat::kDcatTurtle));
  CHECK_FALSE(bad.status.complete);
  REQUIRE(bad.status.error.has_value());
  CHECK_THAT(bad.status.error->message, Catch::Contains("malformed Turtle"));

  auto html = Drain(DcatConfig(server, "/html", SourceFormat::kDcatTurtle));
  CHECK_FALSE(html.status.complete);
  CHECK_THAT(html.status.error->message, Catch::Contains("wrong content type"));

  server.Route("/mislabelled", FaultResponse::Ok("text/html", TurtlePage("one", "")));
  SourceConfig relaxed = DcatConfig(server, "/mislabelled", SourceFormat::kDcatTurtle);
  CHECK_THAT(Drain(relaxed).status.error->message, Catch::Contains("wrong content type"));
  relaxed.options["accept_any_content_type"] = true;
  auto relaxed_result = Drain(relaxed);
  CHECK(relaxed_result.status.complete);
  CHECK(relaxed_result.records.size() == 1);

  auto remote = Drain(DcatConfig(server, "/remote-context", SourceFormat::kDcatJsonLd));
  CHECK_FALSE(remote.status.complete);
  CHECK_THAT(remote.status.error->message, Catch::Contains("https://other.example/ctx.jsonld"));

  auto empty = Drain(DcatConfig(server, "/empty.ttl", SourceFormat::kDcatTurtle));
  CHECK(empty.status.complete);
  CHECK(empty.records.empty());
}

TEST_CASE("a DCAT source that has not changed answers 304", "[dcat][adapter]") {
  FaultServer server;
  server.Handle("/catalog.ttl", [](const hdcat::testing::FaultRequest& request) {
    if (request.Header("if-none-match") == "\"abc\"") return FaultResponse::Status(304);
    FaultResponse r = FaultResponse::Ok("text/turtle", TurtlePage("one", ""));
    r.headers.emplace_back("ETag", "\"abc\"");
    return r;
  });
  SourceConfig config = DcatConfig(server, "/catalog.ttl", SourceFormat::kDcatTurtle);
  auto first = Drain(config);
  CHECK(first.status.complete);
  CHECK(first.status.etag == "\"abc\"");
  config.etag = first.status.etag;
  auto second = Drain(config);
  CHECK(second.status.not_modified);
  CHECK_FALSE(second.status.complete);  // nothing was gathered: no deletion may follow
  CHECK(second.records.empty());
}
