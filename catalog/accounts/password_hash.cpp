#include "catalog/accounts/password_hash.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <charconv>
#include <optional>
#include <memory>
#include <vector>

#include "base/random.h"
#include "base/utf8.h"

namespace hdcat::catalog {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
constexpr int kMaxIterations = 100'000'000;

struct KdfDeleter {
  void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
  void operator()(EVP_KDF_CTX* context) const { EVP_KDF_CTX_free(context); }
};

Result<std::string> DeriveKey(std::string_view password, std::string_view salt, int iterations) {
  std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, "PBKDF2", nullptr));
  if (!kdf) return Internal("OpenSSL has no PBKDF2");
  std::unique_ptr<EVP_KDF_CTX, KdfDeleter> context(EVP_KDF_CTX_new(kdf.get()));
  if (!context) return Internal("cannot create a PBKDF2 context");
  std::string password_copy(password), salt_copy(salt);
  unsigned int iteration_count = static_cast<unsigned int>(iterations);
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, password_copy.data(), password_copy.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt_copy.data(), salt_copy.size()),
      OSSL_PARAM_construct_uint(OSSL_KDF_PARAM_ITER, &iteration_count),
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_end()};
  std::string key(kKeyBytes, '\0');
  int derived = EVP_KDF_derive(context.get(), reinterpret_cast<unsigned char*>(key.data()), key.size(), params);
  OPENSSL_cleanse(password_copy.data(), password_copy.size());
  if (derived != 1) return Internal("PBKDF2 derivation failed");
  return key;
}

std::optional<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    unsigned value = 0;
    auto [end, error] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
    if (error != std::errc() || end != hex.data() + i + 2) return std::nullopt;
    out += static_cast<char>(value);
  }
  return out;
}

std::vector<std::string_view> SplitDollar(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t dollar = text.find('$');
    parts.push_back(text.substr(0, dollar));
    if (dollar == std::string_view::npos) return parts;
    text.remove_prefix(dollar + 1);
  }
}

}  // namespace

Status CheckPasswordRules(std::string_view password) {
  if (password.size() < kMinPasswordBytes) {
    return InvalidInput("a password needs at least " + std::to_string(kMinPasswordBytes) + " characters");
  }
  if (password.size() > kMaxPasswordBytes) {
    return InvalidInput("a password may have at most " + std::to_string(kMaxPasswordBytes) + " bytes");
  }
  if (!IsValidUtf8(password)) return InvalidInput("a password must be UTF-8 text");
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, int iterations) {
  HDCAT_TRY(CheckPasswordRules(password));
  if (iterations < kMinPasswordIterations || iterations > kMaxIterations) {
    return InvalidInput("the PBKDF2 iteration count must be from " + std::to_string(kMinPasswordIterations) + " to " +
                        std::to_string(kMaxIterations));
  }
  std::string salt = RandomBytes(kSaltBytes);
  auto key = DeriveKey(password, salt, iterations);
  if (!key.ok()) return key.error();
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + HexOf(salt) + "$" + HexOf(*key);
}

Result<bool> VerifyPassword(std::string_view password, std::string_view stored) {
  std::vector<std::string_view> parts = SplitDollar(stored);
  int iterations = 0;
  if (parts.size() != 4 || parts[0] != kScheme ||
      std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations).ec != std::errc() ||
      iterations < kMinPasswordIterations || iterations > kMaxIterations) {
    return Internal("the stored password hash has an unknown form");
  }
  auto salt = FromHex(parts[2]);
  auto expected = FromHex(parts[3]);
  if (!salt || !expected || expected->size() != kKeyBytes) return Internal("the stored password hash is malformed");
  if (password.size() > kMaxPasswordBytes) return false;
  auto key = DeriveKey(password, *salt, iterations);
  if (!key.ok()) return key.error();
  return CRYPTO_memcmp(key->data(), expected->data(), kKeyBytes) == 0;
}

}  // namespace hdcat::catalog
