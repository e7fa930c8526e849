#include "base/error.h"

namespace hdcat {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput: return "invalid_input";
    case ErrorKind::kNotFound: return "not_found";
    case ErrorKind::kConflict: return "conflict";
    case ErrorKind::kForbidden: return "forbidden";
    case ErrorKind::kUnauthenticated: return "unauthenticated";
    case ErrorKind::kTooLarge: return "too_large";
    case ErrorKind::kUnavailable: return "unavailable";
    case ErrorKind::kTimeout: return "timeout";
    case ErrorKind::kUpstream: return "upstream";
    case ErrorKind::kInternal: return "internal";
  }
  return "internal";
}

std::string Error::ToString() const {
  std::string out(ErrorKindName(kind));
  out += ": ";
  out += message;
  std::string details;
  auto add = [&details](std::string_view part) {
    if (!details.empty()) details += "; ";
    details += part;
  };
  if (!pointer.empty()) add("at " + pointer);
  if (!expected.empty()) add("expected " + expected);
  if (!suggestion.empty()) add("did you mean " + suggestion + "?");
  if (!details.empty()) out += " (" + details + ")";
  return out;
}

}  // namespace hdcat
