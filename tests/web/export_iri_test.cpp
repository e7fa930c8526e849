// The IRIs the RDF exports mint resolve on a real server started with
// --base-url: every IRI under the base in an exported catalog page, and the
// dataset IRI's content negotiation; the base URL reaches schema.org JSON-LD
// and CKAN dicts too.
#include <raptor2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "base/json.h"
#include "catalog/store/dataset_ref.h"
#include "tests/support/paths.h"
#include "tests/web/pages_fixture.h"
#include "tests/web/server_test_client.h"

namespace hdcat::testing {
namespace {

constexpr const char* kBase = "http://catalog.example.test/hd";

void CollectIri(std::set<std::string>* iris, raptor_term* term) {
  if (term != nullptr && term->type == RAPTOR_TERM_TYPE_URI) {
    iris->insert(reinterpret_cast<const char*>(raptor_uri_as_string(term->value.uri)));
  }
}

void OnStatement(void* user_data, raptor_statement* statement) {
  auto* iris = static_cast<std::set<std::string>*>(user_data);
  CollectIri(iris, statement->subject);
  CollectIri(iris, statement->object);
}

// Subject and object IRIs of N-Triples; nullopt when they do not parse.
std::optional<std::set<std::string>> IrisOf(const std::string& ntriples) {
  std::set<std::string> iris;
  raptor_world* world = raptor_new_world();
  raptor_parser* parser = raptor_new_parser(world, "ntriples");
  raptor_parser_set_statement_handler(parser, &iris, OnStatement);
  raptor_uri* base = raptor_new_uri(world, reinterpret_cast<const unsigned char*>(kBase));
  raptor_parser_parse_start(parser, base);
  bool failed = raptor_parser_parse_chunk(parser, reinterpret_cast<const unsigned char*>(ntriples.data()),
                                          ntriples.size(), 1) != 0;
  raptor_free_uri(base);
  raptor_free_parser(parser);
  raptor_free_world(world);
  if (failed) return std::nullopt;
  return iris;
}

// GET `target`, following up to three local redirects; the final response.
TestResponse Follow(std::uint16_t port, std::string target, const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  TestResponse response;
  for (int hop = 0; hop < 4; ++hop) {
    response = HttpGet(port, target, headers);
    if (response.status != 301 && response.status != 303) break;
    target = response.header("location");
    if (!target.starts_with("/")) break;
  }
  return response;
}

// Every sample, so that links between datasets point into this catalog.
PagesSetup AllSamples() {
  PagesSetup setup;
  for (const auto& entry : std::filesystem::directory_iterator(SourcePath("samples/holders"))) {
    if (entry.path().extension() == ".json") setup.holders.push_back(entry.path().stem().string());
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourcePath("samples/datasets"))) {
    if (entry.path().extension() != ".json") continue;
    setup.datasets.push_back(entry.path().parent_path().filename().string() + "/" + entry.path().stem().string());
  }
  return setup;
}

PagesServer& Running() {
  static PagesServer server(PagesSetup{.holders = AllSamples().holders,
                                       .datasets = AllSamples().datasets,
                                       .extra_datasets = {},
                                       .with_index = true,
                                       .base_url = std::string(kBase) + "/"});
  return server;
}

}  // namespace

TEST_CASE("every IRI under the base URL in an exported catalog page resolves", "[web][export][pg]") {
  TestResponse page = HttpGet(Running().port(), "/catalog.nt?page_size=500");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("https://hdcat.jp/dataset/") == std::string::npos);
  auto iris = IrisOf(page.body);
  REQUIRE(iris.has_value());
  std::set<std::string> paths;
  for (const std::string& iri : *iris) {
    if (!iri.starts_with(kBase)) continue;
    std::string path = iri.substr(std::string(kBase).size());
    path = path.substr(0, path.find('#'));
    paths.insert(path.empty() ? "/" : path);
  }
  CHECK(paths.contains("/catalog"));
  CHECK(paths.contains("/holder/mhlw"));
  std::size_t dataset_iris = 0;
  for (const std::string& path : paths) {
    INFO(path);
    if (path.starts_with("/dataset/ds-")) ++dataset_iris;
    CHECK(Follow(Running().port(), path).status == 200);
    CHECK(Follow(Running().port(), path, {{"Accept", "text/turtle"}}).status == 200);
  }
  CHECK(dataset_iris >= AllSamples().datasets.size());
}

TEST_CASE("a dataset IRI redirects to its page, which negotiates RDF, and to its exports", "[web][export][pg]") {
  const std::string id = catalog::DatasetPublicId("ncgm", "j-dreams");
  TestResponse page = HttpGet(Running().port(), "/dataset/" + id);
  CHECK(page.status == 303);
  CHECK(page.header("location") == "/datasets/ncgm/j-dreams");
  TestResponse turtle = Follow(Running().port(), "/dataset/" + id, {{"Accept", "text/turtle"}});
  CHECK(turtle.status == 200);
  CHECK(turtle.header("content-type").starts_with("text/turtle"));
  CHECK(turtle.body.find(std::string(kBase) + "/dataset/" + id) != std::string::npos);

  TestResponse export_file = HttpGet(Running().port(), "/dataset/" + id + ".jsonld");
  CHECK(export_file.status == 303);
  CHECK(export_file.header("location") == "/dataset/ncgm/j-dreams.jsonld");
  CHECK(Follow(Running().port(), "/dataset/" + id + ".jsonld").header("content-type").starts_with("application/ld+json"));

  CHECK(HttpGet(Running().port(), "/dataset/ds-0000000000000000").status == 404);
  CHECK(HttpGet(Running().port(), "/dataset/" + id + ".exe").status == 404);
  CHECK(HttpGet(Running().port(), "/dataset/not-an-id").status == 404);
  CHECK(HttpGet(Running().port(), "/catalog", {{"Accept", "application/rdf+xml"}}).header("location") == "/catalog.rdf");
}

TEST_CASE("the base URL is the base of schema.org JSON-LD and CKAN dicts", "[web][export][pg]") {
  const std::string id = catalog::DatasetPublicId("ncgm", "j-dreams");
  TestResponse page = HttpGet(Running().port(), "/datasets/ncgm/j-dreams", {{"Accept", "text/html"}});
  REQUIRE(page.status == 200);
  CHECK(page.body.find(std::string(kBase) + "/dataset/" + id) != std::string::npos);
  CHECK(page.body.find("https://hdcat.jp/dataset/") == std::string::npos);

  TestResponse ckan = HttpGet(Running().port(), "/api/3/action/package_show?id=" + id);
  REQUIRE(ckan.status == 200);
  auto body = ParseJson(ckan.body);
  REQUIRE(body.ok());
  std::string uri;
  for (const Json& extra : (*body)["result"]["extras"]) {
    if (extra["key"] == "uri") uri = extra["value"];
  }
  CHECK(uri == std::string(kBase) + "/dataset/" + id);
}

TEST_CASE("a base URL that cannot prefix IRIs is refused at start", "[web][export]") {
  for (const char* bad : {"ftp://catalog.example.test", "catalog.example.test", "https://", "https:///path",
                          "https://catalog.example.test/a b", "https://catalog.example.test/?q=1",
                          "https://catalog.example.test/#top"}) {
    INFO(bad);
    web::ServerOptions options;
    options.port = 0;
    options.base_url = bad;
    auto server = web::Server::Create(options);
    REQUIRE_FALSE(server.ok());
    CHECK(server.error().kind == ErrorKind::kInvalidInput);
  }
}

}  // namespace hdcat::testing
