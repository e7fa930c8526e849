#include <catch2/catch.hpp>

#include "harvesters/adapters/ckan_adapter.h"
#include "harvesters/mapping/ckan_mapping.h"
#include "tests/harvesters/adapter_test_util.h"
#include "tests/support/fault_server.h"

using namespace hdcat::harvesters;
using hdcat::Json;
using hdcat::testing::Drain;
using hdcat::testing::FaultResponse;
using hdcat::testing::FaultServer;

namespace {

Json Package(int n) {
  return Json{{"id", "uuid-" + std::to_string(n)}, {"name", "pkg-" + std::to_string(n)}, {"title", "Package " + std::to_string(n)}};
}

std::string QueryValue(const std::string& query, const std::string& name) {
  std::string key = name + "=";
  auto pos = query.find(key);
  if (pos == std::string::npos) return {};
  auto end = query.find('&', pos);
  return query.substr(pos + key.size(), end == std::string::npos ? std::string::npos : end - pos - key.size());
}

}  // namespace

TEST_CASE("CKAN package_search is paged with a stable sort", "[ckan]") {
  FaultServer server;
  server.Handle("/api/3/action/package_search", [](const hdcat::testing::FaultRequest& request) {
    int start = std::stoi(QueryValue(request.query, "start"));
    int rows = std::stoi(QueryValue(request.query, "rows"));
    Json results = Json::array();
    for (int i = start; i < std::min(start + rows, 5); ++i) results.push_back(Package(i));
    Json body{{"help", "x"}, {"success", true}, {"result", {{"count", 5}, {"results", results}}}};
    return FaultResponse::Ok("application/json", body.dump());
  });
  SourceConfig config;
  config.holder = "ckan-holder";
  config.endpoint = server.Url("/");
  config.format = SourceFormat::kCkan;
  config.options["page_size"] = 2;
  config.modified_since = "2024-06-01T00:00:00";
  auto drained = Drain(config);
  CHECK(drained.status.complete);
  CHECK(drained.status.pages == 3);
  REQUIRE(drained.records.size() == 5);
  CHECK(drained.records[4].record_identifier == "uuid-4");
  CHECK(drained.records[4].document["identifier"] == "pkg-4");
  CHECK(drained.records[4].document["holder"] == "ckan-holder");
  const auto requests = server.requests();
  const auto& first = requests.at(0);
  CHECK(QueryValue(first.query, "sort") == "id%20asc");
  CHECK(QueryValue(first.query, "fq") == "metadata_modified%3A%5B2024-06-01T00%3A00%3A00Z%20TO%20%2A%5D");
}

TEST_CASE("CKAN errors and shifting sources", "[ckan][faults]") {
  FaultServer server;
  server.Route("/fail/api/3/action/package_search",
               FaultResponse::Ok("application/json", R"({"success": false, "error": {"__type": "Search Query Error", "message": "bad sort"}})"));
  server.Route("/notckan/api/3/action/package_search", FaultResponse::Ok("application/json", R"({"results": []})"));
  int calls = 0;
  server.Handle("/shift/api/3/action/package_search", [&calls](const hdcat::testing::FaultRequest&) {
    ++calls;
    Json body{{"success", true}, {"result", {{"count", 2 + calls}, {"results", Json::array({Package(calls)})}}}};
    return FaultResponse::Ok("application/json", body.dump());
  });
  SourceConfig config;
  config.format = SourceFormat::kCkan;
  config.options["page_size"] = 1;
  for (const auto& [path, message] : {std::pair{"/fail", "bad sort"}, std::pair{"/notckan", "success"},
                                      std::pair{"/shift", "changed during the gather"}}) {
    config.endpoint = server.Url(path);
    auto drained = Drain(config);
    INFO(path);
    CHECK_FALSE(drained.status.complete);
    REQUIRE(drained.status.error.has_value());
    CHECK_THAT(drained.status.error->message, Catch::Contains(message));
  }
}

TEST_CASE("CKAN packages map field by field", "[ckan][mapping]") {
  Json package = Json::parse(R"({
    "id": "0b1c", "name": "NDB-Open", "title": "NDBオープンデータ", "notes": "集計表",
    "title_translated": {"en": "NDB open data"},
    "url": "https://www.mhlw.go.jp/ndb", "version": "9",
    "metadata_created": "2024-05-01T10:00:00.123456", "metadata_modified": "2024-05-02T11:00:00.5",
    "author": "厚労省", "author_email": "ndb@example.jp", "maintainer": "", "maintainer_email": "help@example.jp",
    "organization": {"name": "mhlw", "title": "厚生労働省"},
    "tags": [{"name": "レセプト"}, {"name": "claims", "display_name": "claims"}],
    "resources": [{"name": "表1", "url": "https://e/t1.xlsx", "format": "XLSX", "mimetype": "application/vnd.ms-excel", "size": 123}],
    "license_id": "cc-by", "state": "active", "num_tags": 2,
    "extras": [
      {"key": "access_rights", "value": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
      {"key": "theme", "value": "[\"http://publications.europa.eu/resource/authority/data-theme/HEAL\"]"},
      {"key": "health_category", "value": "HRAD"},
      {"key": "number_of_records", "value": "12345"},
      {"key": "min_typical_age", "value": "old"},
      {"key": "coding_system", "value": "[\"https://hdeu-dcat.data.health.europa.eu/resource/authority/coding-system/ICD-10\"]"},
      {"key": "has_structured_data", "value": "false"},
      {"key": "temporal_start", "value": "2015-04-01"},
      {"key": "custom_field", "value": "kept in raw"}
    ]})");
  mapping::CkanMapper mapper("mhlw-ndb", "ja");
  auto mapped = mapper.MapPackage(package);
  REQUIRE(mapped.ok());
  struct Row {
    const char* pointer;
    const char* expected;
  };
  const Row rows[] = {
      {"/identifier", R"("ndb-open")"},
      {"/source_identifier", R"("NDB-Open")"},
      {"/holder", R"("mhlw-ndb")"},
      {"/title", R"({"ja": "NDBオープンデータ", "en": "NDB open data"})"},
      {"/description", R"({"ja": "集計表"})"},
      {"/keywords", R"({"ja": ["レセプト", "claims"]})"},
      {"/publisher/name", R"({"ja": "厚生労働省"})"},
      {"/landing_page", R"("https://www.mhlw.go.jp/ndb")"},
      {"/version", R"("9")"},
      {"/issued", R"("2024-05-01")"},
      {"/modified", R"("2024-05-02")"},
      {"/contact_points", R"([{"name": {"ja": "厚労省"}, "email": "ndb@example.jp"}, {"email": "help@example.jp"}])"},
      {"/distributions", R"([{"title": {"ja": "表1"}, "access_url": "https://e/t1.xlsx", "format": "XLSX",
                              "media_type": "application/vnd.ms-excel", "byte_size": 123}])"},
      {"/access_rights", R"("PUBLIC")"},
      {"/themes", R"(["HEAL"])"},
      {"/health_categories", R"(["HRAD"])"},
      {"/statistics/number_of_records", "12345"},
      {"/coding_systems", R"(["icd10"])"},
      {"/has_structured_data", "false"},
      {"/temporal/start", R"("2015-04-01")"},
  };
  for (const auto& row : rows) {
    INFO(row.pointer);
    Json::json_pointer pointer(row.pointer);
    REQUIRE(mapped->document.contains(pointer));
    CHECK(mapped->document.at(pointer) == Json::parse(row.expected));
  }
  CHECK(mapped->record_identifier == "0b1c");
  const auto& unmapped = mapped->unmapped;
  CHECK(std::find(unmapped.begin(), unmapped.end(), "license_id") != unmapped.end());
  CHECK(std::find(unmapped.begin(), unmapped.end(), "custom_field") != unmapped.end());
  CHECK(std::find(unmapped.begin(), unmapped.end(), "min_typical_age (not a non-negative integer: old)") != unmapped.end());
  CHECK(std::find(unmapped.begin(), unmapped.end(), "state") == unmapped.end());
  CHECK_FALSE(mapped->document.contains("population"));
}

TEST_CASE("CKAN members of an unexpected type are skipped, never thrown on", "[ckan][mapping]") {
  // Found by the fuzz replay run (tests/fuzz/corpus/ckan/resource-url-number.json).
  Json package = Json::parse(R"({"id": "u1", "name": "n-1", "title": "t", "tags": [{"name": 7}, {"display_name": "ok"}],
    "organization": {"title": ["x"], "name": "org"}, "extras": [{"key": 3, "value": "v"}],
    "resources": [{"url": 5, "name": {"ja": "x"}, "format": "CSV"}]})");
  mapping::CkanMapper mapper("ckan-holder", "ja");
  auto mapped = mapper.MapPackage(package);
  REQUIRE(mapped.ok());
  CHECK(mapped->document["keywords"]["ja"] == Json::array({"ok"}));
  CHECK(mapped->document["publisher"]["name"]["ja"] == "org");
  REQUIRE(mapped->document["distributions"].size() == 1);
  CHECK_FALSE(mapped->document["distributions"][0].contains("access_url"));
  CHECK(mapped->document["distributions"][0]["format"] == "CSV");

  FaultServer server;
  server.Route("/api/3/action/package_search",
               FaultResponse::Ok("application/json", R"({"success": false, "error": {"message": 5}})"));
  SourceConfig config;
  config.format = SourceFormat::kCkan;
  config.endpoint = server.Url("/");
  auto drained = Drain(config);
  REQUIRE(drained.status.error.has_value());
  CHECK_THAT(drained.status.error->message, Catch::Contains(R"({"message":5})"));
}

TEST_CASE("CKAN search URLs", "[ckan]") {
  SourceConfig config;
  config.endpoint = "https://ckan.example/api/3/action/package_search?include_private=false";
  std::string url = CkanSearchUrl(config, 200, 100);
  CHECK(url == "https://ckan.example/api/3/action/package_search?include_private=false&q=%2A%3A%2A&sort=id%20asc&rows=100&start=200");
}
