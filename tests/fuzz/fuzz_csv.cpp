// Fuzzes encoding detection (UTF-8 / CP932), RFC 4180 parsing and the data-dictionary mapping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harvesters/mapping/csv_dictionary.h"
#include "harvesters/mapping/text_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto text = hdcat::harvesters::mapping::ToUtf8(bytes, true);
  if (!text.ok()) return 0;
  (void)hdcat::harvesters::mapping::MapCsvDictionary(text->utf8);
  return 0;
}
