// UTF-8 checks for untrusted input.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string_view>

namespace hdcat {

// Offset of the first byte that does not begin a well-formed UTF-8 sequence
// (overlongs, surrogates and code points above U+10FFFF are ill-formed), or
// npos when the whole text is valid.
std::size_t FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) { return FindInvalidUtf8(text) == std::string_view::npos; }

}  // namespace hdcat
