#include "web/server/problem.h"

namespace hdcat::web {

int HttpStatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput: return 400;
    case ErrorKind::kUnauthenticated: return 401;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kTooLarge: return 413;
    case ErrorKind::kInternal: return 500;
    case ErrorKind::kUpstream: return 502;
    case ErrorKind::kUnavailable: return 503;
    case ErrorKind::kTimeout: return 504;
  }
  return 500;
}

std::string_view ProblemTitle(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput: return "Invalid input";
    case ErrorKind::kUnauthenticated: return "Authentication required";
    case ErrorKind::kForbidden: return "Forbidden";
    case ErrorKind::kNotFound: return "Not found";
    case ErrorKind::kConflict: return "Conflict";
    case ErrorKind::kTooLarge: return "Request too large";
    case ErrorKind::kInternal: return "Internal error";
    case ErrorKind::kUpstream: return "Bad upstream response";
    case ErrorKind::kUnavailable: return "Service unavailable";
    case ErrorKind::kTimeout: return "Timed out";
  }
  return "Internal error";
}

namespace {

Json DetailEntry(const Error& error) {
  Json entry = Json::object();
  entry["pointer"] = error.pointer;
  entry["message"] = error.message;
  if (!error.expected.empty()) entry["expected"] = error.expected;
  if (!error.suggestion.empty()) entry["suggestion"] = error.suggestion;
  return entry;
}

}  // namespace

Json ProblemDocument(const Error& error, std::string_view instance, const std::vector<Error>& details) {
  Json doc = Json::object();
  doc["type"] = std::string(kProblemTypeBase) + std::string(ErrorKindName(error.kind));
  doc["title"] = ProblemTitle(error.kind);
  doc["status"] = HttpStatusFor(error.kind);
  // Internal failures may carry implementation detail; operators read it in the log.
  doc["detail"] = error.kind == ErrorKind::kInternal ? std::string("an unexpected error occurred") : error.message;
  doc["instance"] = instance;
  if (!error.pointer.empty()) doc["pointer"] = error.pointer;
  Json errors = Json::array();
  for (const auto& detail : details) errors.push_back(DetailEntry(detail));
  if (errors.empty() && !error.pointer.empty()) errors.push_back(DetailEntry(error));
  if (!errors.empty()) doc["errors"] = std::move(errors);
  return doc;
}

HttpResponse ProblemResponse(const Error& error, std::string_view instance, const std::vector<Error>& details) {
  HttpResponse response;
  response.status = HttpStatusFor(error.kind);
  response.content_type = std::string(kProblemJsonType);
  // error_handler::replace: request text that is not UTF-8 must not throw here.
  response.body = ProblemDocument(error, instance, details).dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

}  // namespace hdcat::web
