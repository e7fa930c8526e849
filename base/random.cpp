#include "base/random.h"

#include <openssl/rand.h>

#include <cstdio>
#include <cstdlib>

namespace hdcat {

std::string RandomBytes(std::size_t bytes) {
  std::string buffer(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(buffer.data()), static_cast<int>(bytes)) != 1) {
    std::fputs("hdcat: OpenSSL RAND_bytes failed\n", stderr);
    std::abort();
  }
  return buffer;
}

std::string RandomHex(std::size_t bytes) { return HexOf(RandomBytes(bytes)); }

std::string HexOf(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0f];
  }
  return out;
}

}  // namespace hdcat
