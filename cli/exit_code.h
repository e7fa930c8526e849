// The process exit code for an error, the CLI's one mapping of ErrorKind
// (see commands.h: 1 the input or the state was wrong, 3 a dependency cannot
// be reached, 1 for anything else that failed).
//
// Thread-safety: free function without shared state.
#pragma once

#include "base/error.h"

namespace hdcat::cli {

inline int ExitCodeFor(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kUnavailable:
    case ErrorKind::kTimeout:
    case ErrorKind::kUpstream:
      return 3;
    default:
      return 1;
  }
}

}  // namespace hdcat::cli
