#include "web/pages/page_keys.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "catalog/store/dataset_ref.h"

namespace hdcat::web {
namespace {

// "holder/identifier" with both parts following the model's identifier rule.
bool IsDatasetRef(std::string_view ref) {
  std::size_t slash = ref.find('/');
  if (slash == std::string_view::npos) return false;
  return catalog::IsIdentifier(ref.substr(0, slash)) && catalog::IsIdentifier(ref.substr(slash + 1));
}

}  // namespace

PageKeys::PageKeys(std::string secret) : secret_(secret.empty() ? RandomHex(32) : std::move(secret)) {}

std::string PageKeys::Sign(std::string_view purpose, std::string_view payload) const {
  std::string message = std::string(purpose) + ":" + std::string(payload);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  return HexOf(std::string_view(reinterpret_cast<const char*>(digest), length));
}

bool PageKeys::Verify(std::string_view purpose, std::string_view payload, std::string_view signature_hex) const {
  std::string expected = Sign(purpose, payload);
  return expected.size() == signature_hex.size() &&
         CRYPTO_memcmp(expected.data(), signature_hex.data(), expected.size()) == 0;
}

std::string PageKeys::EncodeBasket(const std::vector<std::string>& refs) const {
  std::string joined;
  for (const auto& ref : refs) joined += (joined.empty() ? "" : "+") + ref;
  return Sign("basket", joined) + ":" + joined;
}

std::vector<std::string> PageKeys::DecodeBasket(std::string_view cookie_value) const {
  std::size_t colon = cookie_value.find(':');
  if (colon == std::string_view::npos) return {};
  std::string_view joined = cookie_value.substr(colon + 1);
  if (!Verify("basket", joined, cookie_value.substr(0, colon))) return {};
  std::vector<std::string> refs;
  while (!joined.empty() && refs.size() < kBasketLimit) {
    std::size_t plus = joined.find('+');
    std::string_view ref = joined.substr(0, plus);
    if (!IsDatasetRef(ref)) return {};
    refs.emplace_back(ref);
    if (plus == std::string_view::npos) break;
    joined.remove_prefix(plus + 1);
  }
  return refs;
}

std::string PageKeys::NewCsrfToken() const {
  std::string nonce = RandomHex(16);
  return nonce + "." + Sign("csrf", nonce);
}

bool PageKeys::ValidCsrfToken(std::string_view token) const {
  std::size_t dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  return Verify("csrf", token.substr(0, dot), token.substr(dot + 1));
}

}  // namespace hdcat::web
