// Fuzzes the turtle parser (raptor2, offline) and the DCAT mapping of every dataset found.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harvesters/mapping/dcat_mapping.h"
#include "harvesters/rdf/rdf_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hdcat::harvesters;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto graph = rdf::ParseRdf(text, rdf::RdfSyntax::kTurtle, "http://fuzz.example/");
  if (!graph.ok()) return 0;
  static const mapping::DcatMapper mapper({"fuzz-holder", "ja"});
  for (const auto& dataset : graph->SubjectsOfType("http://www.w3.org/ns/dcat#Dataset")) {
    (void)mapper.MapDataset(*graph, dataset);
  }
  return 0;
}
