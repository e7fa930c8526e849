// Contract tests of the CKAN Action API against a real server with every
// sample holder and dataset loaded (../shared/reference/catalogs-and-ckan-api.md §2).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/json.h"
#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "catalog/validator.h"
#include "search/catalog_sync.h"
#include "search/document_builder.h"
#include "search/index_manager.h"
#include "search/search_vocabulary.h"
#include "search/store_source.h"
#include "tests/support/paths.h"
#include "tests/web/server_fixture.h"
#include "tests/web/server_test_client.h"

namespace hdcat::testing {
namespace {

std::vector<std::string> SampleNames(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(SourcePath(folder))) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> SampleDatasetFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourcePath("samples/datasets"))) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  return files;
}

// The search index of the CKAN server, removed when the test program ends.
struct IndexDirectory {
  std::string path = BinaryPath("tests/web/ckan-index-" + std::to_string(::getpid()));
  IndexDirectory() { std::filesystem::remove_all(path); }
  ~IndexDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

// Loads every sample dataset into the fixture's database and builds the
// search index from it, as `hdcat load` and `hdcat reindex` do, before the
// server starts.
void LoadDatasets(web::ServerOptions& options) {
  static IndexDirectory index_directory;
  auto validator = catalog::Validator::Load();
  REQUIRE(validator.ok());
  auto conn = pg::Connection::Open(options.database);
  REQUIRE(conn.ok());
  catalog::CatalogStore store(**conn, **validator);
  for (const std::string& file : SampleDatasetFiles()) {
    auto document = ParseJson(ReadFile(file));
    REQUIRE(document.ok());
    auto put = store.PutDataset(*document, "load:test");
    INFO(file << ": " << (put.ok() ? std::string() : put.error().ToString()));
    REQUIRE(put.ok());
  }
  auto vocabulary = search::SearchVocabulary::LoadEmbedded();
  REQUIRE(vocabulary.ok());
  search::StoreSource source(store);
  search::DocumentBuilder builder((*vocabulary)->coding_systems);
  auto rebuilt = search::RebuildIndex(source, builder, search::IndexManager(index_directory.path));
  INFO((rebuilt.ok() ? std::string() : rebuilt.error().ToString()));
  REQUIRE(rebuilt.ok());
  options.index_directory = index_directory.path;
}

TestServer& Server() {
  static TestServer server(TestServerSetup{.with_database = true,
                                           .sample_holders = SampleNames("samples/holders"),
                                           .options = LoadDatasets,
                                           .before_start = {}});
  return server;
}

std::string Encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Target(const std::string& action, const std::vector<std::pair<std::string, std::string>>& params) {
  std::string target = "/api/3/action/" + action;
  for (std::size_t i = 0; i < params.size(); ++i) {
    target += (i == 0 ? "?" : "&") + Encode(params[i].first) + "=" + Encode(params[i].second);
  }
  return target;
}

struct Answer {
  int status = 0;
  Json body;
};

Answer Call(const std::string& action, const std::vector<std::pair<std::string, std::string>>& params = {}) {
  TestResponse response = HttpGet(Server().port(), Target(action, params));
  auto body = ParseJson(response.body);
  INFO(response.body);
  REQUIRE(body.ok());
  return Answer{response.status, *body};
}

Answer Post(const std::string& action, const std::string& body, const std::string& content_type = "application/json") {
  TestConnection connection(Server().port());
  TestResponse response = connection.Request("POST", "/api/3/action/" + action, {{"Content-Type", content_type}}, body);
  auto parsed = ParseJson(response.body);
  INFO(response.body);
  REQUIRE(parsed.ok());
  return Answer{response.status, *parsed};
}

Json Result(const std::string& action, const std::vector<std::pair<std::string, std::string>>& params = {}) {
  Answer answer = Call(action, params);
  INFO(answer.body.dump());
  REQUIRE(answer.status == 200);
  REQUIRE(answer.body["success"] == true);
  return answer.body["result"];
}

// Every dataset as package_show returns it, by name.
std::map<std::string, Json> AllPackages() {
  std::map<std::string, Json> packages;
  for (const Json& name : Result("package_list")) {
    packages[name.get<std::string>()] = Result("package_show", {{"id", name.get<std::string>()}});
  }
  return packages;
}

std::vector<std::string> ValuesOf(const Json& package, const std::string& field) {
  std::vector<std::string> values;
  if (field == "organization") values.push_back(package["organization"]["name"]);
  if (field == "tags") {
    for (const Json& tag : package["tags"]) values.push_back(tag["name"]);
  }
  if (field == "res_format") {
    for (const Json& resource : package["resources"]) {
      if (resource["format"].is_string() && !resource["format"].get<std::string>().empty()) {
        values.push_back(resource["format"]);
      }
    }
  }
  if (field == "license_id") values.push_back(package["license_id"]);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

std::map<std::string, std::int64_t> CountOver(const std::map<std::string, Json>& packages, const std::string& field) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& [name, package] : packages) {
    for (const std::string& value : ValuesOf(package, field)) ++counts[value];
  }
  return counts;
}

void CheckError(const Answer& answer, int status, const std::string& type, const std::string& field = "") {
  INFO(answer.body.dump());
  CHECK(answer.status == status);
  CHECK(answer.body["success"] == false);
  CHECK(answer.body["error"]["__type"] == type);
  CHECK(answer.body["help"].is_string());
  if (!field.empty()) {
    CHECK(answer.body["error"][field].is_array());
    CHECK_FALSE(answer.body["error"].contains("message"));
  }
}

}  // namespace

TEST_CASE("every action answers in CKAN's envelope", "[ckan][web]") {
  for (const char* action : {"status_show", "package_list", "organization_list", "package_search"}) {
    INFO(action);
    Answer answer = Call(action);
    CHECK(answer.status == 200);
    CHECK(answer.body["success"] == true);
    CHECK(answer.body["help"].get<std::string>().ends_with("/api/3/action/help_show?name=" + std::string(action)));
    CHECK(answer.body.contains("result"));
  }
  Json status = Result("status_show");
  CHECK(status["ckan_version"].get<std::string>().starts_with("2.10."));
  CHECK(status["locale_default"] == "ja");
  CHECK(status["extensions"] == Json::array({"hdcat"}));
  CHECK(status["site_title"].is_string());
  // The unversioned path is the same API.
  TestResponse legacy = HttpGet(Server().port(), "/api/action/status_show");
  CHECK(legacy.status == 200);
  CHECK(legacy.header("content-type").starts_with("application/json"));
}

TEST_CASE("package_list names every sample dataset, pages with limit/offset, and package_show accepts each",
          "[ckan][web]") {
  Json names = Result("package_list");
  REQUIRE(names.size() == SampleDatasetFiles().size());
  CHECK(std::is_sorted(names.begin(), names.end()));
  Json page = Result("package_list", {{"limit", "5"}, {"offset", "3"}});
  REQUIRE(page.size() == 5);
  for (std::size_t i = 0; i < page.size(); ++i) CHECK(page[i] == names[i + 3]);

  for (const Json& name : names) {
    Json package = Result("package_show", {{"id", name.get<std::string>()}});
    CHECK(package["name"] == name);
    CHECK(package["id"] == name);
    std::string text = name.get<std::string>();
    CHECK(std::all_of(text.begin(), text.end(), [](char c) { return std::islower(c) || std::isdigit(c) || c == '-'; }));
    CHECK(package["state"] == "active");
    CHECK(package["organization"]["name"] == package["owner_org"]);
    CHECK(package["num_resources"] == package["resources"].size());
    CHECK(package["num_tags"] == package["tags"].size());
    CHECK_FALSE(package["metadata_modified"].get<std::string>().ends_with("Z"));
  }
}

TEST_CASE("package_search pages with start/rows without repeats or gaps, in every sort", "[ckan][web]") {
  Json names = Result("package_list");
  std::set<std::string> all(names.begin(), names.end());
  for (const char* sort :
       {"score desc, metadata_modified desc", "name asc", "title_string asc", "metadata_modified desc", "id asc"}) {
    INFO(sort);
    std::vector<std::string> seen;
    std::int64_t count = -1;
    for (int start = 0;; start += 4) {
      Json page = Result("package_search", {{"rows", "4"}, {"start", std::to_string(start)}, {"sort", sort}});
      CHECK(page["sort"] == sort);
      if (count < 0) count = page["count"];
      CHECK(page["count"] == count);
      if (page["results"].empty()) break;
      CHECK(page["results"].size() <= 4);
      for (const Json& package : page["results"]) seen.push_back(package["name"]);
    }
    CHECK(count == static_cast<std::int64_t>(all.size()));
    CHECK(std::set<std::string>(seen.begin(), seen.end()) == all);
    CHECK(seen.size() == all.size());
    if (std::string(sort) == "name asc") CHECK(std::is_sorted(seen.begin(), seen.end()));
  }
  Json defaults = Result("package_search");
  CHECK(defaults["results"].size() == std::min<std::size_t>(10, all.size()));
  CHECK(defaults["sort"] == "score desc, metadata_modified desc");
}

TEST_CASE("package_search fq filters by organization, tags, negation, OR and modification time", "[ckan][web]") {
  std::map<std::string, Json> packages = AllPackages();
  auto organizations = CountOver(packages, "organization");
  auto tags = CountOver(packages, "tags");
  REQUIRE(organizations.size() >= 2);
  REQUIRE_FALSE(tags.empty());
  auto busiest = std::max_element(organizations.begin(), organizations.end(),
                                  [](const auto& a, const auto& b) { return a.second < b.second; });
  const std::string org = busiest->first;
  const std::string other =
      org == organizations.begin()->first ? std::next(organizations.begin())->first : organizations.begin()->first;
  auto common_tag =
      std::max_element(tags.begin(), tags.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  const std::int64_t total = static_cast<std::int64_t>(packages.size());

  struct Case {
    std::string fq;
    std::int64_t expected;
  };
  const Case cases[] = {
      {"organization:" + org, organizations[org]},
      {"organization:\"" + org + "\"", organizations[org]},
      {"-organization:" + org, total - organizations[org]},
      {"organization:" + org + " OR organization:" + other, organizations[org] + organizations[other]},
      {"+organization:" + org + " +organization:" + other, 0},
      {"tags:\"" + common_tag->first + "\"", common_tag->second},
      {"metadata_modified:[2000-01-01T00:00:00Z TO *]", total},
      {"metadata_modified:[NOW+1DAY TO *]", 0},
      {"*:*", total},
  };
  for (const Case& c : cases) {
    INFO(c.fq);
    Json result = Result("package_search", {{"fq", c.fq}, {"rows", "1000"}});
    CHECK(result["count"] == c.expected);
    CHECK(result["results"].size() == static_cast<std::size_t>(c.expected));
    if (c.fq.starts_with("organization:") && c.fq.find(' ') == std::string::npos) {
      for (const Json& package : result["results"]) CHECK(package["organization"]["name"] == org);
    }
  }
  // The same clause in q and in fq selects the same datasets.
  CHECK(Result("package_search", {{"q", "organization:" + org}})["count"] == organizations[org]);
}

TEST_CASE("package_search facet counts equal counts over package_show results", "[ckan][web]") {
  std::map<std::string, Json> packages = AllPackages();
  Json result = Result(
      "package_search",
      {{"facet.field", R"(["organization","tags","res_format","license_id"])"}, {"facet.limit", "-1"}, {"rows", "0"}});
  CHECK(result["results"].empty());
  for (const char* field : {"organization", "tags", "res_format", "license_id"}) {
    INFO(field);
    auto expected = CountOver(packages, field);
    std::map<std::string, std::int64_t> facets;
    for (const auto& [value, count] : result["facets"][field].items()) facets[value] = count;
    CHECK(facets == expected);
    const Json& items = result["search_facets"][field]["items"];
    CHECK(result["search_facets"][field]["title"] == field);
    CHECK(items.size() == expected.size());
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
      CHECK(items[i]["display_name"].get<std::string>() >= items[i + 1]["display_name"].get<std::string>());
    }
    for (const Json& item : items) {
      CHECK(item["count"] == expected[item["name"]]);
      if (std::string(field) == "organization") {
        Json organization = Result("organization_show", {{"id", item["name"]}});
        CHECK(item["display_name"] == organization["title"]);
      }
    }
  }
  // facet.limit keeps the most frequent values; facet.mincount drops rare ones.
  Json limited = Result("package_search", {{"facet.field", R"(["organization"])"}, {"facet.limit", "2"}});
  CHECK(limited["facets"]["organization"].size() == 2);
  auto organizations = CountOver(packages, "organization");
  std::int64_t most = 0;
  for (const auto& [name, count] : organizations) most = std::max(most, count);
  Json frequent =
      Result("package_search", {{"facet.field", R"(["organization"])"}, {"facet.mincount", std::to_string(most)}});
  for (const auto& [name, count] : frequent["facets"]["organization"].items()) CHECK(count == most);
  CHECK_FALSE(frequent["facets"]["organization"].empty());
  // Facets are counted over the filtered matches.
  const std::string org = organizations.begin()->first;
  Json filtered = Result("package_search", {{"fq", "organization:" + org}, {"facet.field", R"(["organization"])"}});
  CHECK(filtered["facets"]["organization"] == Json{{org, organizations[org]}});
}

TEST_CASE("package_search finds Japanese words in titles and descriptions", "[ckan][web]") {
  std::map<std::string, Json> packages = AllPackages();
  for (const std::string word : {"データ", "調査", "患者"}) {
    INFO(word);
    std::set<std::string> expected;
    for (const auto& [name, package] : packages) {
      std::string text = package["title_translated"].dump() + package["notes_translated"].dump();
      for (const Json& tag : package["tags"]) text += tag["name"].get<std::string>();
      text += package["organization"]["title"].get<std::string>();
      if (text.find(word) != std::string::npos) expected.insert(name);
    }
    Json result = Result("package_search", {{"q", word}, {"rows", "1000"}});
    std::set<std::string> found;
    for (const Json& package : result["results"]) found.insert(package["name"]);
    CHECK(result["count"] == found.size());
    for (const std::string& name : expected) CHECK(found.contains(name));
  }
  // Words side by side must all match; a word found nowhere matches nothing.
  CHECK(Result("package_search", {{"q", "データ 存在しない語彙ゼロ件"}})["count"] == 0);
}

TEST_CASE("package_search on the index returns package_show's dicts and filters as they read", "[ckan][web]") {
  std::map<std::string, Json> packages = AllPackages();
  Json all = Result("package_search", {{"rows", "1000"}, {"sort", "name asc"}});
  REQUIRE(all["results"].size() == packages.size());
  for (const Json& package : all["results"]) CHECK(package == packages[package["name"]]);

  for (const char* field : {"res_format", "license_id", "tags"}) {
    for (const auto& [value, count] : CountOver(packages, field)) {
      INFO(field << ":" << value);
      Json result = Result("package_search", {{"fq", std::string(field) + ":\"" + value + "\""}, {"rows", "1000"}});
      CHECK(result["count"] == count);
      for (const Json& package : result["results"]) {
        auto values = ValuesOf(package, field);
        CHECK(std::find(values.begin(), values.end(), value) != values.end());
      }
    }
  }
  // Sorting by a number sorts numerically.
  Json by_resources = Result("package_search", {{"rows", "1000"}, {"sort", "num_resources desc"}});
  for (std::size_t i = 0; i + 1 < by_resources["results"].size(); ++i) {
    CHECK(by_resources["results"][i]["num_resources"] >= by_resources["results"][i + 1]["num_resources"]);
  }
  // fl projects the dicts.
  Json names = Result("package_search", {{"fl", "name"}, {"rows", "3"}, {"sort", "name asc"}});
  REQUIRE(names["results"].size() == 3);
  CHECK(names["results"][0].is_string());
}

TEST_CASE("package_search refuses what the index cannot answer instead of answering wrongly", "[ckan][web]") {
  CheckError(Call("package_search", {{"q", "title:データ"}}), 400, "Search Query Error");
  CheckError(Call("package_search", {{"fq", "extras_holder:x"}}), 400, "Search Query Error");
  CheckError(Call("package_search", {{"facet.field", R"(["maintainer"])"}}), 400, "Search Query Error");
  CheckError(Call("package_search", {{"sort", "name asc, score desc"}}), 400, "Search Query Error");
  CheckError(Call("package_search", {{"fq", "metadata_modified:[yesterday TO *]"}}), 400, "Search Query Error");
  Answer answer = Call("package_search", {{"q", "title:データ"}});
  CHECK(answer.body["error"]["message"].get<std::string>().find("searchable fields") != std::string::npos);
}

TEST_CASE("POST takes the parameters as a JSON object and answers as GET does", "[ckan][web]") {
  Json by_get = Result("package_search",
                       {{"q", "*:*"}, {"rows", "3"}, {"sort", "name asc"}, {"facet.field", R"(["organization"])"}});
  Answer by_post =
      Post("package_search", R"({"q": "*:*", "rows": 3, "sort": "name asc", "facet.field": ["organization"]})");
  REQUIRE(by_post.status == 200);
  CHECK(by_post.body["result"] == by_get);
  Answer form = Post("package_search", "rows=3&sort=name+asc&q=*:*&facet.field=%5B%22organization%22%5D",
                     "application/x-www-form-urlencoded");
  REQUIRE(form.status == 200);
  CHECK(form.body["result"] == by_get);
  Answer show = Post("package_show", Json{{"id", by_get["results"][0]["name"]}}.dump());
  CHECK(show.status == 200);
  CHECK(show.body["result"]["name"] == by_get["results"][0]["name"]);
}

TEST_CASE("organization_list and organization_show", "[ckan][web]") {
  std::map<std::string, Json> packages = AllPackages();
  auto counts = CountOver(packages, "organization");
  std::vector<std::string> holders = SampleNames("samples/holders");

  Json names = Result("organization_list", {{"sort", "name asc"}});
  CHECK(names.size() == holders.size());
  CHECK(std::is_sorted(names.begin(), names.end()));
  Json dicts = Result("organization_list", {{"all_fields", "true"}, {"sort", "package_count desc"}, {"limit", "100"}});
  REQUIRE(dicts.size() == std::min<std::size_t>(25, holders.size()));
  for (std::size_t i = 0; i < dicts.size(); ++i) {
    CHECK(dicts[i]["is_organization"] == true);
    CHECK(dicts[i]["package_count"] == counts[dicts[i]["name"]]);
    if (i > 0) CHECK(dicts[i - 1]["package_count"] >= dicts[i]["package_count"]);
  }
  Json page = Result("organization_list", {{"sort", "name asc"}, {"limit", "3"}, {"offset", "2"}});
  REQUIRE(page.size() == 3);
  CHECK(page[0] == names[2]);
  Json by_title = Result("organization_list");
  CHECK(by_title.size() == names.size());

  const std::string org = counts.begin()->first;
  Json organization = Result("organization_show", {{"id", org}, {"include_datasets", "true"}});
  CHECK(organization["name"] == org);
  CHECK(organization["packages"].size() == static_cast<std::size_t>(counts[org]));
  for (const Json& package : organization["packages"]) CHECK(package["owner_org"] == org);
  CHECK_FALSE(Result("organization_show", {{"id", org}}).contains("packages"));
}

TEST_CASE("bad requests get CKAN's error codes and bodies", "[ckan][web]") {
  CheckError(Call("package_show", {{"id", "ds-0000000000000000"}}), 404, "Not Found Error");
  CheckError(Call("package_show"), 409, "Validation Error", "id");
  CheckError(Call("organization_show", {{"id", "no-such-holder"}}), 404, "Not Found Error");
  CheckError(Call("package_search", {{"rows", "-1"}}), 409, "Validation Error", "rows");
  CheckError(Call("package_search", {{"rows", "1000000000"}}), 409, "Validation Error", "rows");
  CheckError(Call("package_search", {{"rows", "10^9"}}), 409, "Validation Error", "rows");
  CheckError(Call("package_search", {{"start", "-5"}}), 409, "Validation Error", "start");
  CheckError(Call("package_search", {{"facet.field", "tags"}}), 409, "Validation Error", "facet.field");
  CheckError(Call("package_search", {{"facet", "maybe"}}), 409, "Validation Error", "facet");
  CheckError(Call("package_list", {{"limit", "ten"}}), 409, "Validation Error", "limit");
  CheckError(Call("organization_list", {{"sort", "holder_type asc"}}), 409, "Validation Error", "sort");
  CheckError(Call("package_search", {{"sort", "popularity desc"}}), 400, "Search Query Error");
  CheckError(Call("package_search", {{"sort", "name sideways"}}), 400, "Search Query Error");
  CheckError(Call("package_search", {{"q", "(unbalanced"}}), 400, "Search Query Error");
  CheckError(Call("package_search", {{"q", "{!lucene}name:x"}}), 400, "Search Query Error");
  CheckError(Call("package_search", {{"no_such_param", "1"}}), 400, "Search Query Error");

  // Above CKAN's maximum, rows is cut to 1000 rather than refused.
  Json clamped = Result("package_search", {{"rows", "5000"}});
  CHECK(clamped["results"].size() == clamped["count"].get<std::size_t>());
  // ext_* parameters are passed to extensions in CKAN: accepted.
  CHECK(Result("package_search", {{"ext_bbox", "1,2,3,4"}})["count"].is_number());

  Answer unknown = Call("package_delete");
  CHECK(unknown.status == 400);
  CHECK(unknown.body == "Bad request - Action name not known: package_delete");
  Answer malformed = Post("package_search", "{\"q\": ");
  CHECK(malformed.status == 400);
  REQUIRE(malformed.body.is_string());
  CHECK(malformed.body.get<std::string>().starts_with("Bad request - JSON Error"));
  Answer not_object = Post("package_search", "[1, 2]");
  CHECK(not_object.status == 400);
  CHECK(not_object.body.is_string());

  // Markup in a parameter comes back only inside JSON strings, never as markup.
  TestResponse reflected = HttpGet(Server().port(), Target("package_show", {{"id", "<script>alert(1)</script>"}}));
  CHECK(reflected.status == 404);
  CHECK(reflected.header("content-type").starts_with("application/json"));
}

TEST_CASE("ckan.js, the CKAN project's JavaScript client, reads hdcat", "[ckan][web][client]") {
  const std::string command = "bash " + SourcePath("tests/web/ckan_client/run.sh") +
                              " http://127.0.0.1:" + std::to_string(Server().port()) + " " +
                              BinaryPath("tests/web/ckan_client") + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, read);
  const int status = pclose(pipe);
  const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (exit_code == 77) {
    WARN("ckan.js could not be installed here, not run: " << output);
    return;
  }
  INFO(output);
  CHECK(exit_code == 0);
}

}  // namespace hdcat::testing
