#include "web/server/router.h"

#include <algorithm>

namespace hdcat::web {
namespace {

std::vector<std::string> SplitPattern(std::string_view pattern) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < pattern.size()) {
    std::size_t end = pattern.find('/', start);
    if (end == std::string_view::npos) end = pattern.size();
    if (end > start) parts.emplace_back(pattern.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool IsPlaceholder(std::string_view part) { return part.size() > 2 && part.front() == '{' && part.back() == '}'; }
bool IsRestPlaceholder(std::string_view part) { return IsPlaceholder(part) && part[1] == '*'; }

}  // namespace

void Router::Add(Route route) {
  patterns_.push_back(SplitPattern(route.pattern));
  routes_.push_back(std::move(route));
}

bool Router::MatchPattern(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
                          std::map<std::string, std::string, std::less<>>* params) {
  params->clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string& part = pattern[i];
    if (IsRestPlaceholder(part)) {
      if (i + 1 != pattern.size() || i >= segments.size()) return false;
      std::string rest;
      for (std::size_t j = i; j < segments.size(); ++j) {
        // A slash hidden inside one segment (%2F) must not open a second level.
        if (segments[j].find('/') != std::string::npos) return false;
        if (!rest.empty()) rest += '/';
        rest += segments[j];
      }
      (*params)[part.substr(2, part.size() - 3)] = std::move(rest);
      return true;
    }
    if (i >= segments.size()) return false;
    if (IsPlaceholder(part)) {
      (*params)[part.substr(1, part.size() - 2)] = segments[i];
    } else if (part != segments[i]) {
      return false;
    }
  }
  return pattern.size() == segments.size();
}

RouteMatch Router::Match(std::string_view method, const std::vector<std::string>& segments) const {
  RouteMatch match;
  std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  std::map<std::string, std::string, std::less<>> params;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!MatchPattern(patterns_[i], segments, &params)) continue;
    if (routes_[i].method == wanted) {
      match.outcome = RouteMatch::Outcome::kFound;
      match.route = &routes_[i];
      match.params = std::move(params);
      match.allowed_methods.clear();
      return match;
    }
    match.allowed_methods.push_back(routes_[i].method);
    if (routes_[i].method == "GET") match.allowed_methods.push_back("HEAD");
  }
  if (!match.allowed_methods.empty()) {
    std::sort(match.allowed_methods.begin(), match.allowed_methods.end());
    match.allowed_methods.erase(std::unique(match.allowed_methods.begin(), match.allowed_methods.end()),
                                match.allowed_methods.end());
    match.outcome = RouteMatch::Outcome::kMethodNotAllowed;
  }
  return match;
}

}  // namespace hdcat::web
