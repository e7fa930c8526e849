// export_samples_tool OUT_DIR FILE...
//
// Exports every dataset description among FILE... (holder descriptions are
// recognised by their `holder_type` and used for the datasets that name them)
// to OUT_DIR/<holder>__<identifier>.{ttl,nt,jsonld,rdf}, the whole set as one
// catalog page to OUT_DIR/catalog.{ttl,jsonld,rdf}, and writes
// OUT_DIR/counts.tsv with the number of triples of each graph, for
// export_shacl.sh to compare with what RDF parsers read back.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <vector>

#include "base/json.h"
#include "catalog/store/dataset_ref.h"
#include "tests/support/paths.h"
#include "web/export/catalog_graph.h"
#include "web/export/dataset_graph.h"
#include "web/export/rdf_writers.h"

namespace ex = hdcat::web::exporting;

namespace {

bool Write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out);
}

bool WriteAll(const std::filesystem::path& base, const ex::Graph& graph, std::ofstream& counts) {
  for (ex::RdfFormat format : {ex::RdfFormat::kTurtle, ex::RdfFormat::kNTriples, ex::RdfFormat::kJsonLd,
                               ex::RdfFormat::kRdfXml}) {
    auto bytes = ex::Serialize(graph, format);
    if (!bytes.ok()) {
      std::cerr << base << ": " << bytes.error().ToString() << "\n";
      return false;
    }
    std::filesystem::path path = base;
    path += "." + std::string(ex::RdfFormatExtension(format));
    if (!Write(path, *bytes)) return false;
  }
  counts << base.filename().string() << "\t" << graph.size() << "\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: export_samples_tool OUT_DIR FILE...\n";
    return 2;
  }
  std::filesystem::path out_dir = argv[1];
  std::filesystem::create_directories(out_dir);
  std::map<std::string, hdcat::Json> holders;
  std::vector<hdcat::Json> datasets;
  for (int i = 2; i < argc; ++i) {
    auto parsed = hdcat::ParseJson(hdcat::testing::ReadFile(argv[i]));
    if (!parsed.ok()) {
      std::cerr << argv[i] << ": " << parsed.error().ToString() << "\n";
      return 1;
    }
    if (parsed->contains("holder_type")) {
      holders[(*parsed)["identifier"].get<std::string>()] = *parsed;
    } else {
      datasets.push_back(*parsed);
    }
  }
  const ex::ExportSite site;
  const ex::ExportVocabularies vocabularies = ex::ExportVocabularies::Load();
  const hdcat::Json no_holder;
  std::ofstream counts(out_dir / "counts.tsv");
  std::vector<ex::DatasetExport> page;
  for (const hdcat::Json& dataset : datasets) {
    std::string holder = dataset.value("holder", "");
    std::string identifier = dataset.value("identifier", "");
    auto it = holders.find(holder);
    ex::DatasetExport input{hdcat::catalog::DatasetPublicId(holder, identifier), dataset,
                            it == holders.end() ? no_holder : it->second, "2024-05-01T10:00:00Z",
                            "2024-05-02T10:00:00Z"};
    page.push_back(input);
    if (!WriteAll(out_dir / (holder + "__" + identifier), ex::DatasetGraph(site, vocabularies, input), counts)) {
      return 1;
    }
  }
  ex::CatalogPage paging{site.base_url + "/catalog.ttl", 1, static_cast<std::int64_t>(page.size() + 1),
                         static_cast<std::int64_t>(page.size())};
  auto catalog = ex::CatalogGraph(site, vocabularies, page, paging);
  if (!catalog.ok() || !WriteAll(out_dir / "catalog", *catalog, counts)) return 1;
  std::cout << "exported " << datasets.size() << " datasets of " << holders.size() << " holders to " << out_dir << "\n";
  return 0;
}
