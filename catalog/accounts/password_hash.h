// Password hashing for accounts: PBKDF2-HMAC-SHA256 through OpenSSL 3's EVP_KDF.
//
// A stored hash is 'pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>' with a
// fresh 16-byte random salt per hash and a 32-byte derived key. The iteration
// count travels with the hash, so raising kDefaultPasswordIterations later
// strengthens new hashes while old ones still verify. Verification recomputes
// the key with the stored salt and count and compares in constant time.
//
// Passwords must be 12 to 1024 bytes of valid UTF-8 (a long passphrase is
// welcome; a bound keeps one request from costing unbounded CPU).
//
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace hdcat::catalog {

// OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
inline constexpr int kDefaultPasswordIterations = 600'000;
inline constexpr int kMinPasswordIterations = 1'000;
inline constexpr std::size_t kMinPasswordBytes = 12;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// kInvalidInput when the password is too short, too long or not UTF-8.
Status CheckPasswordRules(std::string_view password);

// The stored form of `password`; kInvalidInput when it breaks the rules or
// `iterations` is below kMinPasswordIterations.
Result<std::string> HashPassword(std::string_view password, int iterations = kDefaultPasswordIterations);

// True when `password` matches `stored`; kInternal when `stored` is not a hash this code wrote.
Result<bool> VerifyPassword(std::string_view password, std::string_view stored);

}  // namespace hdcat::catalog
