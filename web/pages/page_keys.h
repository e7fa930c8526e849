// PageKeys: the server secret the pages sign their cookies with, and the two
// signed values built from it — the basket and the CSRF token.
//
// The server keeps no session state: the basket lives in the `hdcat_basket`
// cookie as "<hmac>:<ref>+<ref>…" where each ref is a dataset's
// "holder/identifier" (at most kBasketLimit), and the hmac is
// HMAC-SHA256(secret, "basket:" + refs) in hex. A cookie whose signature does
// not verify, or whose refs are not identifiers, is ignored (empty basket).
//
// CSRF: double-submit. The `hdcat_csrf` cookie holds "<nonce>.<hmac>" with
// hmac = HMAC-SHA256(secret, "csrf:" + nonce); every form carries the same
// value in its `csrf` field. A POST is accepted only when the field equals
// the cookie and the cookie's signature verifies, so another site can neither
// read the token nor plant one of its own.
//
// The secret comes from the configuration (HDCAT_SECRET); when none is given
// a random one is drawn per process, so baskets and tokens then last only as
// long as the process and are not shared between servers.
//
// Thread-safety: immutable after construction; share freely.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/random.h"

namespace hdcat::web {

inline constexpr std::size_t kBasketLimit = 20;
inline constexpr std::string_view kBasketCookie = "hdcat_basket";
inline constexpr std::string_view kCsrfCookie = "hdcat_csrf";
inline constexpr std::string_view kCsrfField = "csrf";

class PageKeys {
 public:
  // `secret` "" = a random secret for this process.
  explicit PageKeys(std::string secret);

  std::string Sign(std::string_view purpose, std::string_view payload) const;  // hex HMAC
  bool Verify(std::string_view purpose, std::string_view payload, std::string_view signature_hex) const;

  std::string EncodeBasket(const std::vector<std::string>& refs) const;
  // The refs of a cookie value; empty when absent, malformed or tampered with.
  std::vector<std::string> DecodeBasket(std::string_view cookie_value) const;

  std::string NewCsrfToken() const;
  bool ValidCsrfToken(std::string_view token) const;

 private:
  std::string secret_;
};

}  // namespace hdcat::web
