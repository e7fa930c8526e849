// Content hashing (SHA-256 through OpenSSL 3).
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>

namespace hdcat {

// Lower-case hex SHA-256 of the bytes.
std::string Sha256Hex(std::string_view bytes);

}  // namespace hdcat
