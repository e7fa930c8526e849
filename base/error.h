// Error: what went wrong, in terms a holder, a researcher or an operator can act on.
//
// Every failure in hdcat is described by one Error: a kind (which decides the
// HTTP status in web/ and the exit code in cli/, each mapped in exactly one
// place), a human-readable message, and optionally the JSON pointer of the
// offending part of an input document, what was expected there, and a
// suggestion ("did you mean jlac10?").
//
// Thread-safety: plain value type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hdcat {

enum class ErrorKind {
  kInvalidInput,      // the caller's input is malformed or breaks a rule
  kNotFound,          // the named thing does not exist
  kConflict,          // the input collides with stored state (e.g. duplicate identifier)
  kForbidden,         // the caller may not do this
  kUnauthenticated,   // the caller did not prove who it is
  kTooLarge,          // the input exceeds a size limit
  kUnavailable,       // a dependency (database, remote endpoint) cannot be reached now
  kTimeout,           // an operation ran out of time
  kUpstream,          // a remote endpoint answered wrongly
  kInternal,          // a bug or an unexpected state
};

std::string_view ErrorKindName(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
  std::string pointer;     // JSON pointer into the input ("" when not about a document)
  std::string expected;    // what was expected at `pointer`, when known
  std::string suggestion;  // a likely fix, when one can be computed

  Error() = default;
  Error(ErrorKind k, std::string msg) : kind(k), message(std::move(msg)) {}

  Error& at(std::string json_pointer) {
    pointer = std::move(json_pointer);
    return *this;
  }

  // "kind: message (at /pointer; expected ...; did you mean ...?)" for logs and CLI output.
  std::string ToString() const;
};

inline Error InvalidInput(std::string msg) { return Error(ErrorKind::kInvalidInput, std::move(msg)); }
inline Error NotFound(std::string msg) { return Error(ErrorKind::kNotFound, std::move(msg)); }
inline Error Conflict(std::string msg) { return Error(ErrorKind::kConflict, std::move(msg)); }
inline Error Internal(std::string msg) { return Error(ErrorKind::kInternal, std::move(msg)); }
inline Error Unavailable(std::string msg) { return Error(ErrorKind::kUnavailable, std::move(msg)); }
inline Error TooLarge(std::string msg) { return Error(ErrorKind::kTooLarge, std::move(msg)); }

}  // namespace hdcat
