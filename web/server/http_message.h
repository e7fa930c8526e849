// HttpRequest and HttpResponse: the server's own view of one HTTP exchange,
// independent of the HTTP library, so that routes, pages and API adapters can
// be written and tested without a socket.
//
// A request's path is already split into percent-decoded segments and checked
// (valid UTF-8, no dot segments, no NUL or slash inside a segment); its query
// parameters are percent-decoded ('+' is a space). Header names are lower case.
//
// Thread-safety: plain value types.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hdcat::web {

struct HttpRequest {
  std::string method;                                        // "GET", "POST" ...
  std::string path;                                          // decoded, e.g. "/api/v1/holders/mhlw"
  std::vector<std::string> segments;                         // decoded path segments
  std::vector<std::pair<std::string, std::string>> query;    // decoded query parameters
  std::map<std::string, std::string, std::less<>> headers;   // lower-case names
  std::map<std::string, std::string, std::less<>> cookies;
  std::map<std::string, std::string, std::less<>> path_params;  // "{holder}" -> value
  std::string body;
  std::string request_id;

  std::optional<std::string> header(std::string_view lower_name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  const std::string& path_param(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type

  HttpResponse& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

}  // namespace hdcat::web
