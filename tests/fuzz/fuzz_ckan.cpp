// Fuzzes the CKAN package_search response handling: envelope and package mapping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/json.h"
#include "harvesters/mapping/ckan_mapping.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto response = hdcat::ParseJson(text);
  if (!response.ok() || !response->is_object()) return 0;
  static const hdcat::harvesters::mapping::CkanMapper mapper("fuzz-holder", "ja");
  auto result = response->find("result");
  if (result == response->end() || !result->is_object()) return 0;
  auto results = result->find("results");
  if (results == result->end() || !results->is_array()) return 0;
  for (const auto& package : *results) (void)mapper.MapPackage(package);
  return 0;
}
