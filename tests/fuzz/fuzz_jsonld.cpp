// Fuzzes JSON-LD expansion (local contexts only), conversion to RDF and the DCAT mapping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harvesters/mapping/dcat_mapping.h"
#include "harvesters/rdf/jsonld.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hdcat::harvesters;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const rdf::ContextCache contexts = rdf::ContextCache::Builtin();
  rdf::ExpandOptions options;
  options.base_iri = "http://fuzz.example/catalog";
  auto graph = rdf::ParseJsonLd(text, contexts, options, nullptr, 1 << 20);
  if (!graph.ok()) return 0;
  static const mapping::DcatMapper mapper({"fuzz-holder", "ja"});
  for (const auto& dataset : graph->SubjectsOfType("http://www.w3.org/ns/dcat#Dataset")) {
    (void)mapper.MapDataset(*graph, dataset);
  }
  return 0;
}
