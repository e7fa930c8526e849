// Fuzzes the native feed page parser and the per-entry mapping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harvesters/mapping/feed_mapping.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto page = hdcat::harvesters::mapping::ParseFeedPage(text, 1 << 20);
  if (page.ok()) {
    for (const auto& entry : page->datasets) hdcat::harvesters::mapping::MapFeedEntry(entry, "fuzz-holder");
  }
  return 0;
}
