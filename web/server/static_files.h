// StaticFiles: the embedded assets under web/static/, served at /static/.
//
// Built once from the embedded table; a request names a file by its exact
// relative path ("css/site.css"), which is looked up in a map, so no path can
// reach outside the table. Each file has a strong ETag (a prefix of its
// SHA-256) and a Content-Type from its extension; Serve answers 304 when
// If-None-Match carries the current ETag, and 404 problem+json otherwise
// for unknown names.
//
// Thread-safety: immutable after construction; Serve may be called from any thread.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "web/server/http_message.h"

namespace hdcat::web {

class StaticFiles {
 public:
  StaticFiles();

  // `relative` is the path below /static/, already decoded.
  HttpResponse Serve(std::string_view relative, const HttpRequest& request) const;

  // The ETag of a file, for cache-busting links in pages ("" when absent).
  std::string ETagOf(std::string_view relative) const;

 private:
  struct Asset {
    std::string_view bytes;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, Asset, std::less<>> assets_;
};

// Content-Type for a file name, by extension.
std::string ContentTypeForPath(std::string_view path);

}  // namespace hdcat::web
