// Problem details (RFC 9457): how every error leaves the server.
//
// HttpStatusFor is THE mapping from ErrorKind to an HTTP status; nothing else
// in web/ chooses an error status. ProblemResponse renders an Error as an
// `application/problem+json` body:
//   {type: "https://hdcat.jp/problems/<kind>", title, status, detail,
//    instance, pointer?, errors?: [{pointer, message, expected, suggestion}]}
// `detail` and every other string are JSON strings (never raw HTML), so text
// taken from the request can be echoed safely.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "base/json.h"
#include "web/server/http_message.h"

namespace hdcat::web {

inline constexpr std::string_view kProblemJsonType = "application/problem+json";
inline constexpr std::string_view kProblemTypeBase = "https://hdcat.jp/problems/";

int HttpStatusFor(ErrorKind kind);

// A short English title for the kind ("Invalid input").
std::string_view ProblemTitle(ErrorKind kind);

// The problem+json document for `error`; `instance` is the request path.
// `details` (e.g. every validator finding) becomes `errors`; when empty and the
// error names a pointer, `errors` holds that one entry.
Json ProblemDocument(const Error& error, std::string_view instance, const std::vector<Error>& details = {});

HttpResponse ProblemResponse(const Error& error, std::string_view instance, const std::vector<Error>& details = {});

}  // namespace hdcat::web
