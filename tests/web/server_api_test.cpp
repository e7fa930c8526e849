// The API layer without sockets: the OpenAPI document against the routes, the
// parameter checks, the one ErrorKind -> status mapping, path decoding, routing.
#include <catch2/catch.hpp>

#include <set>

#include "base/json.h"
#include "web/api/api_routes.h"
#include "web/api/operations.h"
#include "web/api/param_spec.h"
#include "web/server/problem.h"
#include "web/server/request_target.h"
#include "web/server/router.h"
#include "web/server/server.h"
#include "web/server/web_resources.h"

namespace hdcat::testing {
namespace {

Json OpenApiDocument() {
  auto bytes = web::WebResource("api/openapi.json");
  REQUIRE(bytes.has_value());
  auto document = ParseJson(*bytes);
  REQUIRE(document.ok());
  return *document;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

TEST_CASE("every documented path is routed and every API route is documented", "[web][openapi]") {
  Json document = OpenApiDocument();
  CHECK(document["openapi"] == "3.1.0");
  web::ServerOptions options;
  options.port = 0;
  auto server = web::Server::Create(options);
  REQUIRE(server.ok());

  std::set<std::pair<std::string, std::string>> routed;  // (path, method) for the API, exports, IRI redirects and probes
  for (const auto& route : (*server)->router().routes()) {
    if (route.pattern.starts_with("/api/") || route.pattern.starts_with("/catalog.") ||
        route.pattern.starts_with("/dataset/") || route.pattern == "/catalog" ||
        route.pattern.starts_with("/holder/") || route.pattern == "/health" || route.pattern == "/ready") {
      routed.emplace(route.pattern, Lower(route.method));
    }
  }
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : document["paths"].items()) {
    for (const auto& [method, operation] : item.items()) documented.emplace(path, method);
  }
  CHECK(routed == documented);
}

TEST_CASE("the documented parameters of each operation are exactly its ParamSpecs", "[web][openapi]") {
  Json document = OpenApiDocument();
  for (const auto& operation : web::api::Operations()) {
    INFO(operation.name);
    Json item = document["paths"][std::string(operation.pattern)][Lower(std::string(operation.method))];
    REQUIRE(item.is_object());
    CHECK(item["operationId"] == operation.name);
    std::set<std::string> documented;
    for (const auto& parameter : item["parameters"]) {
      Json resolved = parameter;
      if (parameter.contains("$ref")) {
        std::string ref = parameter["$ref"];
        resolved = document["components"]["parameters"][ref.substr(ref.rfind('/') + 1)];
      }
      documented.insert(resolved["name"].get<std::string>());
      for (const auto& spec : operation.params) {
        if (spec.name != resolved["name"].get<std::string>()) continue;
        const Json& schema = resolved["schema"];
        if (spec.type == web::api::ParamType::kInteger) {
          CHECK(schema["minimum"] == spec.min);
          CHECK(schema["maximum"] == spec.max);
        }
        CHECK(resolved.value("required", false) == spec.required);
      }
    }
    std::set<std::string> specified;
    for (const auto& spec : operation.params) specified.emplace(spec.name);
    CHECK(documented == specified);
  }
}

TEST_CASE("each ErrorKind has one HTTP status", "[web][problem]") {
  const std::pair<ErrorKind, int> expected[] = {
      {ErrorKind::kInvalidInput, 400}, {ErrorKind::kNotFound, 404},     {ErrorKind::kConflict, 409},
      {ErrorKind::kForbidden, 403},    {ErrorKind::kUnauthenticated, 401}, {ErrorKind::kTooLarge, 413},
      {ErrorKind::kUnavailable, 503},  {ErrorKind::kTimeout, 504},      {ErrorKind::kUpstream, 502},
      {ErrorKind::kInternal, 500},
  };
  for (const auto& [kind, status] : expected) {
    INFO(ErrorKindName(kind));
    CHECK(web::HttpStatusFor(kind) == status);
    Json problem = web::ProblemDocument(Error(kind, "boom"), "/x");
    CHECK(problem["status"] == status);
    CHECK(problem["type"] == "https://hdcat.jp/problems/" + std::string(ErrorKindName(kind)));
  }
  // Internal details stay in the log.
  CHECK(web::ProblemDocument(Internal("pq: relation xyz"), "/x")["detail"] == "an unexpected error occurred");
}

TEST_CASE("parameter specs check names, types, ranges and values", "[web][api]") {
  using web::api::ParamSpec;
  using web::api::ParamType;
  const std::vector<ParamSpec> specs = {
      web::api::LimitParam(),
      ParamSpec{.name = "sort", .allowed = {"relevance", "title"}, .fallback = Json("relevance")},
      ParamSpec{.name = "holder", .type = ParamType::kIdentifier},
      ParamSpec{.name = "exact", .type = ParamType::kBoolean},
  };
  auto defaults = web::api::CheckParams(specs, Json::object());
  REQUIRE(defaults.ok());
  CHECK((*defaults)["limit"] == 20);
  CHECK((*defaults)["sort"] == "relevance");
  CHECK_FALSE(defaults->contains("holder"));

  auto typed = web::api::CheckParams(specs, Json{{"limit", "7"}, {"exact", "true"}, {"holder", "mhlw-ndb"}});
  REQUIRE(typed.ok());
  CHECK((*typed)["limit"] == 7);
  CHECK((*typed)["exact"] == true);

  struct Bad {
    Json params;
    std::string pointer;
    std::string suggestion;
  };
  const Bad bad[] = {
      {Json{{"sort", "titel"}}, "/sort", "title"},
      {Json{{"srot", "title"}}, "/srot", "sort"},
      {Json{{"holder", "Bad Holder"}}, "/holder", ""},
      {Json{{"holder", "../etc"}}, "/holder", ""},
      {Json{{"exact", "maybe"}}, "/exact", ""},
      {Json{{"limit", Json::array()}}, "/limit", ""},
      {Json{{"a/b", "1"}}, "/a~1b", ""},
  };
  for (const auto& c : bad) {
    INFO(c.params.dump());
    auto result = web::api::CheckParams(specs, c.params);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == ErrorKind::kInvalidInput);
    CHECK(result.error().pointer == c.pointer);
    CHECK(result.error().suggestion == c.suggestion);
    CHECK_FALSE(result.error().expected.empty());
  }
}

TEST_CASE("request paths decode to segments and refuse dot segments", "[web][server]") {
  struct Case {
    std::string raw;
    bool ok;
    std::vector<std::string> segments;
  };
  const Case cases[] = {
      {"/", true, {}},
      {"/a/b", true, {"a", "b"}},
      {"/a/b/", true, {"a", "b"}},
      {"/a%20b/%E7%B3%96", true, {"a b", "糖"}},
      {"/a%2Fb", true, {"a/b"}},
      {"/a+b", true, {"a+b"}},
      {"/..", false, {}},
      {"/a/./b", false, {}},
      {"/a/%2e%2E/b", false, {}},
      {"/a//b", false, {}},
      {"/a%00", false, {}},
      {"/a%0d%0a", false, {}},
      {"/%ff", false, {}},
      {"/%c0%ae", false, {}},
      {"/%2", false, {}},
      {"/%g0", false, {}},
      {"relative", false, {}},
  };
  for (const auto& c : cases) {
    INFO(c.raw);
    auto decoded = web::DecodePath(c.raw);
    REQUIRE(decoded.ok() == c.ok);
    if (c.ok) CHECK(*decoded == c.segments);
  }
}

TEST_CASE("the router tells found, method not allowed and not found apart", "[web][server]") {
  web::Router router;
  auto answer = [](int status) {
    return [status](const web::HttpRequest&) {
      web::HttpResponse response;
      response.status = status;
      return response;
    };
  };
  router.Add("GET", "/api/v1/holders", answer(1));
  router.Add("GET", "/api/v1/holders/{holder}", answer(2));
  router.Add("POST", "/api/v1/holders/{holder}", answer(3));
  router.Add("GET", "/static/{*path}", answer(4));

  auto found = router.Match("GET", {"api", "v1", "holders", "jcs"});
  REQUIRE(found.outcome == web::RouteMatch::Outcome::kFound);
  CHECK(found.route->handler(web::HttpRequest{}).status == 2);
  CHECK(found.params.at("holder") == "jcs");
  CHECK(router.Match("POST", {"api", "v1", "holders", "jcs"}).route->handler(web::HttpRequest{}).status == 3);
  CHECK(router.Match("HEAD", {"api", "v1", "holders"}).outcome == web::RouteMatch::Outcome::kFound);

  auto wrong = router.Match("DELETE", {"api", "v1", "holders", "jcs"});
  CHECK(wrong.outcome == web::RouteMatch::Outcome::kMethodNotAllowed);
  CHECK(wrong.allowed_methods == std::vector<std::string>{"GET", "HEAD", "POST"});

  CHECK(router.Match("GET", {"api", "v1", "holders", "jcs", "extra"}).outcome == web::RouteMatch::Outcome::kNotFound);
  CHECK(router.Match("GET", {"api", "v1"}).outcome == web::RouteMatch::Outcome::kNotFound);

  auto asset = router.Match("GET", {"static", "css", "site.css"});
  REQUIRE(asset.outcome == web::RouteMatch::Outcome::kFound);
  CHECK(asset.params.at("path") == "css/site.css");
  CHECK(router.Match("GET", {"static"}).outcome == web::RouteMatch::Outcome::kNotFound);
  CHECK(router.Match("GET", {"static", "css/site.css"}).outcome == web::RouteMatch::Outcome::kNotFound);
}

}  // namespace hdcat::testing
