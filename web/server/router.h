// Router: the table of routes the server answers, and the lookup of one request.
//
// A route is a method, a path pattern of literal segments and `{name}`
// placeholders ("/api/v1/holders/{holder}"), a handler, and the largest body
// it accepts. Lookup tells apart the three outcomes HTTP needs: a match (with
// the placeholder values), a path known under other methods (405 with an
// Allow list), and an unknown path (404). HEAD is answered by GET routes.
// Routes may also match every path below a prefix ("/static/{*path}"): the
// rest of the path, joined with '/', is the value of `path`.
//
// Thread-safety: built single-threaded before the server starts; afterwards
// only read, from any number of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/server/http_message.h"

namespace hdcat::web {

using RouteHandler = std::function<HttpResponse(const HttpRequest&)>;

struct Route {
  std::string method;
  std::string pattern;
  RouteHandler handler;
  std::size_t max_body_bytes = 0;  // 0 = the server's default limit
};

struct RouteMatch {
  enum class Outcome { kFound, kMethodNotAllowed, kNotFound };
  Outcome outcome = Outcome::kNotFound;
  const Route* route = nullptr;
  std::map<std::string, std::string, std::less<>> params;
  std::vector<std::string> allowed_methods;  // for kMethodNotAllowed
};

class Router {
 public:
  void Add(Route route);
  void Add(std::string method, std::string pattern, RouteHandler handler) {
    Add(Route{std::move(method), std::move(pattern), std::move(handler), 0});
  }

  RouteMatch Match(std::string_view method, const std::vector<std::string>& segments) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  static bool MatchPattern(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
                           std::map<std::string, std::string, std::less<>>* params);

  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> patterns_;  // split routes_[i].pattern
};

}  // namespace hdcat::web
