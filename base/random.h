// Random values for secrets, salts and tokens, from OpenSSL's generator.
//
// There is no fallback: when the generator fails no secret can be made safely,
// so the process stops (abort) rather than hand out a guessable value.
//
// Thread-safety: free functions; OpenSSL's generator is thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hdcat {

// `bytes` random bytes.
std::string RandomBytes(std::size_t bytes);

// Lower-case hex of `bytes` random bytes (2 * bytes characters).
std::string RandomHex(std::size_t bytes);

// Lower-case hex of any bytes.
std::string HexOf(std::string_view bytes);

}  // namespace hdcat
