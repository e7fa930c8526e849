#include "web/server/static_files.h"

#include "base/hash.h"
#include "web/server/problem.h"
#include "web/server/web_resources.h"

namespace hdcat::web {

namespace {
constexpr std::string_view kStaticPrefix = "static/";
constexpr std::string_view kCacheControl = "public, max-age=3600";
}  // namespace

std::string ContentTypeForPath(std::string_view path) {
  struct Mapping {
    std::string_view extension;
    std::string_view type;
  };
  static constexpr Mapping kTypes[] = {
      {".css", "text/css; charset=utf-8"},         {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},                   {".png", "image/png"},
      {".ico", "image/x-icon"},                    {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},       {".woff2", "font/woff2"},
  };
  for (const auto& mapping : kTypes) {
    if (path.ends_with(mapping.extension)) return std::string(mapping.type);
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles() {
  for (const auto& file : WebResources(kStaticPrefix)) {
    std::string relative(file.path.substr(kStaticPrefix.size()));
    assets_[relative] = Asset{file.bytes, ContentTypeForPath(relative), "\"" + Sha256Hex(file.bytes).substr(0, 20) + "\""};
  }
}

HttpResponse StaticFiles::Serve(std::string_view relative, const HttpRequest& request) const {
  auto it = assets_.find(relative);
  if (it == assets_.end()) return ProblemResponse(NotFound("no static file at this path"), request.path);
  const Asset& asset = it->second;
  HttpResponse response;
  response.with_header("Cache-Control", std::string(kCacheControl)).with_header("ETag", asset.etag);
  auto if_none_match = request.header("if-none-match");
  if (if_none_match && if_none_match->find(asset.etag) != std::string::npos) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.content_type = asset.content_type;
  response.body = std::string(asset.bytes);
  return response;
}

std::string StaticFiles::ETagOf(std::string_view relative) const {
  auto it = assets_.find(relative);
  return it == assets_.end() ? std::string() : it->second.etag;
}

}  // namespace hdcat::web
