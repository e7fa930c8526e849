// jsonld_oracle_tool: hdcat's side of the JSON-LD reference comparison
// (jsonld_oracle.sh).
//
//   jsonld_oracle_tool contexts OUT.json
//       writes {"<url>": <context document>, …}: every context hdcat resolves
//       offline, so that the reference processor gets exactly the same ones;
//   jsonld_oracle_tool convert OUT_DIR BASE_PREFIX FILE...
//       converts each FILE with hdcat's JSON-LD processor (base IRI
//       BASE_PREFIX + file name) to OUT_DIR/<file name>.nt, or writes the
//       processor's error to OUT_DIR/<file name>.error.
//
// Exit status 2 on a usage or I/O error; a document hdcat refuses is not one.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/json.h"
#include "harvesters/rdf/jsonld.h"
#include "tests/support/paths.h"

namespace rdf = hdcat::harvesters::rdf;

namespace {

bool Write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out);
}

int WriteContexts(const std::filesystem::path& out) {
  const rdf::ContextCache contexts = rdf::ContextCache::Builtin();
  hdcat::Json all = hdcat::Json::object();
  for (const auto& url : contexts.Urls()) {
    auto document = contexts.Find(url);
    if (!document.ok()) return 2;
    all[url] = **document;
  }
  return Write(out, all.dump(1)) ? 0 : 2;
}

int Convert(const std::filesystem::path& out_dir, const std::string& base_prefix, int count, char** files) {
  std::filesystem::create_directories(out_dir);
  const rdf::ContextCache contexts = rdf::ContextCache::Builtin();
  for (int i = 0; i < count; ++i) {
    const std::filesystem::path file = files[i];
    const std::string name = file.filename().string();
    rdf::ExpandOptions options;
    options.base_iri = base_prefix + name;
    auto graph = rdf::ParseJsonLd(hdcat::testing::ReadFile(file.string()), contexts, options);
    const bool written = graph.ok() ? Write(out_dir / (name + ".nt"), graph->ToNTriples())
                                    : Write(out_dir / (name + ".error"), graph.error().ToString() + "\n");
    if (!written) {
      std::cerr << "cannot write the conversion of " << file << " to " << out_dir << "\n";
      return 2;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "contexts" && argc == 3) return WriteContexts(argv[2]);
  if (command == "convert" && argc >= 5) return Convert(argv[2], argv[3], argc - 4, argv + 4);
  std::cerr << "usage: jsonld_oracle_tool contexts OUT.json\n"
               "       jsonld_oracle_tool convert OUT_DIR BASE_PREFIX FILE...\n";
  return 2;
}
