#include "bench/harvest/source_files.h"

#include <algorithm>
#include <fstream>

#include "catalog/store/dataset_ref.h"
#include "catalog/validator.h"
#include "harvesters/mapping/csv_dictionary.h"
#include "web/export/catalog_graph.h"
#include "web/export/ckan_package.h"
#include "web/export/rdf_writers.h"

namespace hdcat::bench::harvest {
namespace {

namespace fs = std::filesystem;
namespace ex = web::exporting;

constexpr int kCheckedPerHolder = 3;

Status WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Internal("cannot write " + path.string());
  return Status::Ok();
}

std::string CollectionUrl(const SourceSpec& spec, const BenchFormat& format) {
  if (format.format == "feed") return spec.base_url + "/bench/feed/feed.json";
  if (format.format == "ckan") return spec.base_url + "/bench/ckan";
  return spec.base_url + "/bench/" + std::string(format.format) + "/catalog." + std::string(format.extension);
}

std::string PageUrl(const SourceSpec& spec, const BenchFormat& format, std::int64_t page) {
  if (format.format == "ckan") {
    // As CkanSearchUrl asks for it, so the baseline fetches the very same requests.
    return CollectionUrl(spec, format) + "/api/3/action/package_search?q=%2A%3A%2A&sort=id%20asc&rows=" +
           std::to_string(format.page_size) + "&start=" + std::to_string((page - 1) * format.page_size);
  }
  return ex::PageUrl(CollectionUrl(spec, format), page);
}

ex::ExportSite SiteOf(std::string_view holder) {
  ex::ExportSite site;
  site.base_url = "https://bench.hdcat.example/" + std::string(holder);
  return site;
}

Status CheckValid(const catalog::Validator& validator, catalog::DocumentKind kind, const Json& document) {
  auto report = validator.Validate(kind, document);
  if (report.ok()) return Status::Ok();
  return Internal("a synthetic document is invalid: " + report.errors.front().pointer + ": " +
                  report.errors.front().message);
}

// The page body of `format` holding datasets [first, last).
Result<std::string> PageBody(const SyntheticCatalog& catalog, const ex::ExportVocabularies& vocabularies,
                             const SourceSpec& spec, const BenchFormat& format, const Json& holder,
                             std::int64_t page, std::int64_t pages) {
  const std::int64_t first = (page - 1) * format.page_size;
  const std::int64_t last = std::min(spec.datasets, first + format.page_size);
  std::vector<Json> datasets;
  for (std::int64_t i = first; i < last; ++i) datasets.push_back(catalog.Dataset(format.holder, i));
  const std::string holder_id(format.holder);
  if (format.format == "feed") {
    Json next = page < pages ? Json(PageUrl(spec, format, page + 1)) : Json(nullptr);
    Json body = {{"datasets", datasets}, {"holder", holder}, {"next", next}, {"total", spec.datasets}};
    return body.dump();
  }
  std::vector<ex::DatasetExport> exports;
  for (const Json& dataset : datasets) {
    exports.push_back({catalog::DatasetPublicId(holder_id, dataset.value("identifier", "")), dataset, holder, "", ""});
  }
  if (format.format == "ckan") {
    Json results = Json::array();
    for (const auto& input : exports) results.push_back(ex::CkanPackage(SiteOf(holder_id), vocabularies, input, "ja"));
    Json body = {{"help", CollectionUrl(spec, format) + "/api/3/action/help_show?name=package_search"},
                 {"success", true},
                 {"result", {{"count", spec.datasets}, {"results", results}, {"sort", "id asc"}}}};
    return body.dump();
  }
  auto rdf_format = ex::RdfFormatFromExtension(format.extension);
  if (!rdf_format.ok()) return rdf_format.error();
  ex::CatalogPage paging;
  paging.collection_url = CollectionUrl(spec, format);
  paging.page = page;
  paging.page_size = format.page_size;
  paging.total_items = spec.datasets;
  auto graph = ex::CatalogGraph(SiteOf(holder_id), vocabularies, exports, paging);
  if (!graph.ok()) return graph.error();
  return ex::Serialize(*graph, *rdf_format);
}

Status WritePages(const SyntheticCatalog& catalog, const ex::ExportVocabularies& vocabularies,
                  const SourceSpec& spec, const BenchFormat& format) {
  const fs::path folder = spec.dir / std::string(format.format);
  fs::create_directories(folder);
  const Json holder = catalog.Holder(format.holder);
  const std::int64_t pages = std::max<std::int64_t>(1, (spec.datasets + format.page_size - 1) / format.page_size);
  std::ofstream urls(folder / "urls.txt", std::ios::trunc);
  for (std::int64_t page = 1; page <= pages; ++page) {
    auto body = PageBody(catalog, vocabularies, spec, format, holder, page, pages);
    if (!body.ok()) return body.error();
    HDCAT_TRY(WriteFile(PageFile(spec.dir, format, page), *body));
    urls << PageUrl(spec, format, page) << '\n';
  }
  urls.close();
  if (!urls) return Internal("cannot write " + (folder / "urls.txt").string());
  return Status::Ok();
}

bool Selected(const SourceSpec& spec, std::string_view format) {
  return spec.formats.empty() || std::find(spec.formats.begin(), spec.formats.end(), format) != spec.formats.end();
}

}  // namespace

const std::vector<BenchFormat>& BenchFormats() {
  static const std::vector<BenchFormat> formats = {
      {"feed", "bench-feed", "json", 100},         {"dcat-turtle", "bench-turtle", "ttl", 50},
      {"dcat-rdfxml", "bench-rdfxml", "rdf", 50},  {"dcat-jsonld", "bench-jsonld", "jsonld", 50},
      {"ckan", "bench-ckan", "json", 100},
  };
  return formats;
}

const BenchFormat* FindBenchFormat(std::string_view format) {
  for (const auto& known : BenchFormats()) {
    if (known.format == format) return &known;
  }
  return nullptr;
}

fs::path PageFile(const fs::path& dir, const BenchFormat& format, std::int64_t page) {
  return dir / std::string(format.format) / ("page-" + std::to_string(page) + "." + std::string(format.extension));
}

Status WriteSource(const SyntheticCatalog& catalog, const SourceSpec& spec) {
  if (spec.datasets < 1) return InvalidInput("--datasets must be at least 1");
  auto validator = catalog::Validator::Load();
  if (!validator.ok()) return validator.error();
  fs::create_directories(spec.dir / "holders");
  std::ofstream sources(spec.dir / "sources.txt", std::ios::trunc);
  const ex::ExportVocabularies vocabularies = ex::ExportVocabularies::Load();
  for (const auto& format : BenchFormats()) {
    const Json holder = catalog.Holder(format.holder);
    HDCAT_TRY(CheckValid(**validator, catalog::DocumentKind::kHolder, holder));
    for (std::int64_t i = 0; i < std::min<std::int64_t>(kCheckedPerHolder, spec.datasets); ++i) {
      HDCAT_TRY(CheckValid(**validator, catalog::DocumentKind::kDataset, catalog.Dataset(format.holder, i)));
    }
    HDCAT_TRY(WriteFile(spec.dir / "holders" / (std::string(format.holder) + ".json"), holder.dump(2)));
    sources << "bench-" << format.format << ' ' << format.holder << ' ' << format.format << ' '
            << CollectionUrl(spec, format) << (format.format == "ckan" ? " page_size=" + std::to_string(format.page_size) : "")
            << '\n';
    if (Selected(spec, format.format)) HDCAT_TRY(WritePages(catalog, vocabularies, spec, format));
  }
  // Data dictionaries complete datasets of the native feed (another variant of their variables).
  const BenchFormat& feed = BenchFormats().front();
  const std::int64_t dictionaries = std::min(spec.dictionaries, spec.datasets);
  if (Selected(spec, kDictionaryFormat) && dictionaries > 0) {
    const fs::path folder = spec.dir / std::string(kDictionaryFormat);
    fs::create_directories(folder);
    std::ofstream urls(folder / "urls.txt", std::ios::trunc);
    for (std::int64_t i = 0; i < dictionaries; ++i) {
      const std::string id = SyntheticCatalog::DatasetIdentifier(i);
      const std::string url = spec.base_url + "/bench/" + std::string(kDictionaryFormat) + "/" + id + ".csv";
      HDCAT_TRY(WriteFile(folder / (id + ".csv"),
                          harvesters::mapping::WriteCsvDictionary(catalog.Dataset(feed.holder, i, 1))));
      sources << "bench-dictionary-" << i << ' ' << feed.holder << ' ' << kDictionaryFormat << ' ' << url
              << " dataset=" << id << '\n';
      urls << url << '\n';
    }
    urls.close();
    if (!urls) return Internal("cannot write " + (folder / "urls.txt").string());
  }
  sources.close();
  if (!sources) return Internal("cannot write " + (spec.dir / "sources.txt").string());
  return Status::Ok();
}

}  // namespace hdcat::bench::harvest
