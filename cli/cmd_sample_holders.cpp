// hdcat sample-holders: serves samples/ on 127.0.0.1 the way real holders
// publish, so that the demo catalog is filled by harvesting, not by loading
// files. Each sample holder gets one endpoint in one format:
//   /samples/<holder>/feed.json?page=N                        native feed (3 per page)
//   /samples/<holder>/catalog.{ttl,jsonld,rdf}?page=N         DCAT-AP (hydra paging, 2 per page)
//   /samples/<holder>/api/3/action/package_search?rows&start  CKAN Action API
//   /samples/<holder>/dictionary/<dataset>.csv                a CSV data dictionary
// DCAT and CKAN documents come from the catalog's own exporters (web/export).
// One dataset is published by the feed without its variables, which its CSV
// data dictionary then supplies. `--list-sources` prints the sources to
// register (name holder format url [options]), one per line.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/store/dataset_ref.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "harvesters/mapping/csv_dictionary.h"
#include "web/export/catalog_graph.h"
#include "web/export/ckan_package.h"
#include "web/export/rdf_writers.h"
#include "web/server/server.h"
#include "web/server/termination_signals.h"

namespace hdcat::cli {
namespace {

namespace fs = std::filesystem;
namespace ex = web::exporting;

constexpr const char* kUsage =
    "usage: hdcat sample-holders [--samples DIR] [--port N] [--list-sources]\n\n"
    "Serves the sample holders of DIR (default: samples) on 127.0.0.1 as holder\n"
    "endpoints: most as hdcat native feeds, some as DCAT-AP Turtle, JSON-LD or\n"
    "RDF/XML catalogs, one as a CKAN portal, and one dataset's variables as a CSV\n"
    "data dictionary. Runs until SIGTERM or SIGINT.\n\n"
    "  --port N           port (default 8090; 0 = any free port, printed at start)\n"
    "  --list-sources     print the harvest sources to register for these endpoints and exit:\n"
    "                     NAME HOLDER FORMAT URL [--option KEY=VALUE ...]\n";

constexpr int kFeedPageSize = 3;
constexpr int kDcatPageSize = 2;
constexpr std::string_view kStableBase = "https://samples.hdcat.example";

// Which holder publishes how; every other holder publishes a native feed.
struct Publication {
  std::string_view holder;
  std::string_view format;  // a harvest source format
};
constexpr Publication kPublications[] = {
    {"ncc", "dcat-turtle"}, {"ncd", "dcat-jsonld"}, {"bbj", "dcat-rdfxml"}, {"tommo", "ckan"}};
// The dataset whose variables are published only as a CSV data dictionary.
constexpr std::string_view kDictionaryHolder = "sakura-univ-hospital";
constexpr std::string_view kDictionaryDataset = "ssmix2-research-db";

std::string_view FormatOf(std::string_view holder) {
  for (const auto& publication : kPublications) {
    if (publication.holder == holder) return publication.format;
  }
  return "feed";
}

struct SampleHolder {
  Json document;
  std::vector<Json> datasets;  // ordered by identifier
};

Result<Json> ReadJson(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto parsed = ParseJson(bytes.str());
  if (!parsed.ok()) {
    Error error = parsed.error();
    error.message = path.string() + ": " + error.message;
    return error;
  }
  return parsed;
}

Result<std::map<std::string, SampleHolder>> LoadSamples(const fs::path& root) {
  std::map<std::string, SampleHolder> holders;
  std::error_code error;
  if (!fs::is_directory(root / "holders", error)) {
    return NotFound("no holders/ directory under " + root.string() + " (--samples DIR)");
  }
  for (const auto& entry : fs::directory_iterator(root / "holders", error)) {
    if (entry.path().extension() != ".json") continue;
    auto document = ReadJson(entry.path());
    if (!document.ok()) return document.error();
    std::string id = document->value("identifier", std::string());
    if (!catalog::IsIdentifier(id)) return InvalidInput(entry.path().string() + " has no valid identifier");
    holders[id].document = std::move(document).value();
  }
  for (auto& [id, holder] : holders) {
    fs::path dir = root / "datasets" / id;
    if (!fs::is_directory(dir, error)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      auto document = ReadJson(file);
      if (!document.ok()) return document.error();
      holder.datasets.push_back(std::move(document).value());
    }
  }
  return holders;
}

long QueryNumber(const web::HttpRequest& request, std::string_view name, long fallback) {
  auto text = request.query_param(name);
  if (!text) return fallback;
  long value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < 0) return fallback;
  return value;
}

web::HttpResponse Respond(int status, std::string content_type, std::string body) {
  web::HttpResponse response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

web::HttpResponse NotFoundResponse(std::string what) {
  return Respond(404, "application/json", Json{{"error", "not found: " + what}}.dump());
}

std::string BaseUrl(const web::HttpRequest& request) {
  return "http://" + request.header("host").value_or("127.0.0.1");
}

// The dataset as its holder publishes it in the feed (the dictionary dataset without its variables).
Json Published(const std::string& holder, const Json& dataset) {
  if (holder != kDictionaryHolder || dataset.value("identifier", std::string()) != kDictionaryDataset) return dataset;
  Json without = dataset;
  without.erase("variables");
  without["has_structured_data"] = false;
  return without;
}

class SampleRoutes {
 public:
  explicit SampleRoutes(std::map<std::string, SampleHolder> holders)
      : holders_(std::move(holders)), vocabularies_(ex::ExportVocabularies::Load()) {}

  void AddTo(web::Router& router) {
    router.Add("GET", "/samples", [this](const web::HttpRequest& request) { return Index(request); });
    router.Add("GET", "/samples/{holder}/feed.json", [this](const web::HttpRequest& request) { return Feed(request); });
    for (std::string_view extension : {"ttl", "jsonld", "rdf"}) {
      router.Add("GET", "/samples/{holder}/catalog." + std::string(extension),
                 [this, extension](const web::HttpRequest& request) { return Dcat(request, extension); });
    }
    router.Add("GET", "/samples/{holder}/api/3/action/package_search",
               [this](const web::HttpRequest& request) { return Ckan(request); });
    router.Add("GET", "/samples/{holder}/dictionary/{file}",
               [this](const web::HttpRequest& request) { return Dictionary(request); });
  }

  // The sources to register: {name, holder, format, path, options}.
  struct SourceLine {
    std::string name, holder, format, path;
    std::vector<std::string> options;
  };
  std::vector<SourceLine> Sources() const {
    std::vector<SourceLine> out;
    for (const auto& [id, holder] : holders_) {
      std::string format(FormatOf(id));
      SourceLine line{id + "-" + format, id, format, "", {}};
      if (format == "feed") line.path = "/samples/" + id + "/feed.json";
      else if (format == "dcat-turtle") line.path = "/samples/" + id + "/catalog.ttl";
      else if (format == "dcat-jsonld") line.path = "/samples/" + id + "/catalog.jsonld";
      else if (format == "dcat-rdfxml") line.path = "/samples/" + id + "/catalog.rdf";
      else if (format == "ckan") {
        line.path = "/samples/" + id;
        line.options.push_back("page_size=2");
      }
      out.push_back(std::move(line));
    }
    // The dictionary goes last, so the dataset it completes is harvested first.
    if (holders_.count(std::string(kDictionaryHolder)) != 0) {
      out.push_back({std::string(kDictionaryHolder) + "-dictionary", std::string(kDictionaryHolder), "csv-dictionary",
                     "/samples/" + std::string(kDictionaryHolder) + "/dictionary/" + std::string(kDictionaryDataset) +
                         ".csv",
                     {"dataset=" + std::string(kDictionaryDataset)}});
    }
    return out;
  }

 private:
  const SampleHolder* Holder(const web::HttpRequest& request) const {
    auto it = holders_.find(request.path_param("holder"));
    return it == holders_.end() ? nullptr : &it->second;
  }

  web::HttpResponse Index(const web::HttpRequest& request) const {
    Json list = Json::array();
    for (const auto& line : Sources()) {
      list.push_back({{"source", line.name}, {"holder", line.holder}, {"format", line.format},
                      {"url", BaseUrl(request) + line.path}});
    }
    return Respond(200, "application/json", Json{{"sources", list}}.dump(2));
  }

  web::HttpResponse Feed(const web::HttpRequest& request) const {
    const SampleHolder* holder = Holder(request);
    if (holder == nullptr) return NotFoundResponse(request.path);
    const std::string& id = request.path_param("holder");
    const long page = std::max(1L, QueryNumber(request, "page", 1));
    const long total = static_cast<long>(holder->datasets.size());
    Json datasets = Json::array();
    for (long i = (page - 1) * kFeedPageSize; i < std::min(total, page * kFeedPageSize); ++i) {
      datasets.push_back(Published(id, holder->datasets[static_cast<std::size_t>(i)]));
    }
    Json next = page * kFeedPageSize < total
                    ? Json(BaseUrl(request) + "/samples/" + id + "/feed.json?page=" + std::to_string(page + 1))
                    : Json(nullptr);
    Json body = {{"datasets", datasets}, {"holder", holder->document}, {"next", next}, {"total", total}};
    return Respond(200, "application/json", body.dump());
  }

  std::vector<Json> CkanSorted(const std::string& id, const SampleHolder& holder) const {
    std::vector<Json> sorted = holder.datasets;
    std::sort(sorted.begin(), sorted.end(), [&](const Json& a, const Json& b) {
      return catalog::DatasetPublicId(id, a.value("identifier", "")) <
             catalog::DatasetPublicId(id, b.value("identifier", ""));
    });
    return sorted;
  }

  ex::ExportSite Site(const std::string& holder) const {
    ex::ExportSite site;
    site.base_url = std::string(kStableBase) + "/" + holder;  // stable IRIs whatever the port
    return site;
  }

  web::HttpResponse Dcat(const web::HttpRequest& request, std::string_view extension) const {
    const SampleHolder* holder = Holder(request);
    if (holder == nullptr) return NotFoundResponse(request.path);
    const std::string& id = request.path_param("holder");
    auto format = ex::RdfFormatFromExtension(extension);
    if (!format.ok()) return NotFoundResponse(request.path);
    const long page = std::max(1L, QueryNumber(request, "page", 1));
    const long total = static_cast<long>(holder->datasets.size());
    std::vector<ex::DatasetExport> exports;
    for (long i = (page - 1) * kDcatPageSize; i < std::min(total, page * kDcatPageSize); ++i) {
      const Json& dataset = holder->datasets[static_cast<std::size_t>(i)];
      exports.push_back({catalog::DatasetPublicId(id, dataset.value("identifier", "")), dataset, holder->document, "",
                         ""});
    }
    ex::CatalogPage paging;
    paging.collection_url = BaseUrl(request) + "/samples/" + id + "/catalog." + std::string(extension);
    paging.page = page;
    paging.page_size = kDcatPageSize;
    paging.total_items = total;
    auto graph = ex::CatalogGraph(Site(id), vocabularies_, exports, paging);
    if (!graph.ok()) return Respond(500, "application/json", Json{{"error", graph.error().ToString()}}.dump());
    auto bytes = ex::Serialize(*graph, *format);
    if (!bytes.ok()) return Respond(500, "application/json", Json{{"error", bytes.error().ToString()}}.dump());
    return Respond(200, std::string(ex::RdfFormatMediaType(*format)), std::move(bytes).value());
  }

  web::HttpResponse Ckan(const web::HttpRequest& request) const {
    const SampleHolder* holder = Holder(request);
    if (holder == nullptr) return NotFoundResponse(request.path);
    const std::string& id = request.path_param("holder");
    const long rows = std::clamp(QueryNumber(request, "rows", 10), 0L, 1000L);
    const long start = QueryNumber(request, "start", 0);
    std::vector<Json> sorted = CkanSorted(id, *holder);
    Json results = Json::array();
    for (long i = start; i < std::min(static_cast<long>(sorted.size()), start + rows); ++i) {
      const Json& dataset = sorted[static_cast<std::size_t>(i)];
      ex::DatasetExport input{catalog::DatasetPublicId(id, dataset.value("identifier", "")), dataset,
                              holder->document, "", ""};
      results.push_back(ex::CkanPackage(Site(id), vocabularies_, input, "ja"));
    }
    Json body = {{"help", BaseUrl(request) + "/samples/" + id + "/api/3/action/help_show?name=package_search"},
                 {"success", true},
                 {"result", {{"count", sorted.size()}, {"results", results}, {"sort", "id asc"}}}};
    return Respond(200, "application/json", body.dump());
  }

  web::HttpResponse Dictionary(const web::HttpRequest& request) const {
    const SampleHolder* holder = Holder(request);
    const std::string& file = request.path_param("file");
    if (holder == nullptr || !file.ends_with(".csv")) return NotFoundResponse(request.path);
    std::string identifier = file.substr(0, file.size() - 4);
    for (const auto& dataset : holder->datasets) {
      if (dataset.value("identifier", std::string()) != identifier) continue;
      return Respond(200, "text/csv; charset=utf-8", harvesters::mapping::WriteCsvDictionary(dataset));
    }
    return NotFoundResponse(request.path);
  }

  std::map<std::string, SampleHolder> holders_;
  ex::ExportVocabularies vocabularies_;
};

}  // namespace

int RunSampleHolders(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"samples", "port"});
  if (!args.ok() || args->help() || !args->positional().empty()) {
    bool help = args.ok() && args->help();
    if (!args.ok()) std::fprintf(stderr, "hdcat sample-holders: %s\n", args.error().message.c_str());
    std::fprintf(help ? stdout : stderr, "%s", kUsage);
    return help ? 0 : 2;
  }
  long port = 8090;
  if (auto text = args->option("port")) {
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), port);
    if (error != std::errc() || end != text->data() + text->size() || port < 0 || port > 65535) {
      std::fprintf(stderr, "hdcat sample-holders: --port takes 0..65535\n");
      return 2;
    }
  }
  auto holders = LoadSamples(args->option_or("samples", "samples"));
  if (!holders.ok()) {
    std::fprintf(stderr, "hdcat sample-holders: %s\n", holders.error().ToString().c_str());
    return ExitCodeFor(holders.error());
  }
  SampleRoutes routes(std::move(holders).value());
  if (args->flag("list-sources")) {
    const std::string base = "http://127.0.0.1:" + std::to_string(port);
    for (const auto& line : routes.Sources()) {
      std::printf("%s %s %s %s", line.name.c_str(), line.holder.c_str(), line.format.c_str(),
                  (base + line.path).c_str());
      for (const auto& option : line.options) std::printf(" --option %s", option.c_str());
      std::printf("\n");
    }
    return 0;
  }

  web::BlockTerminationSignals();
  web::ServerOptions options;
  options.bind_address = "127.0.0.1";
  options.port = static_cast<std::uint16_t>(port);
  options.access_log = [](const std::string&) {};  // the harvester's own log says what was fetched
  auto server = web::Server::Create(options);
  if (!server.ok()) {
    std::fprintf(stderr, "hdcat sample-holders: %s\n", server.error().ToString().c_str());
    return ExitCodeFor(server.error());
  }
  routes.AddTo((*server)->router());
  if (Status started = (*server)->Start(); !started.ok()) {
    std::fprintf(stderr, "hdcat sample-holders: %s\n", started.error().ToString().c_str());
    return ExitCodeFor(started.error());
  }
  std::printf("sample holders on http://127.0.0.1:%u/samples\n", static_cast<unsigned>((*server)->port()));
  std::fflush(stdout);
  web::WaitForTerminationSignal();
  (*server)->Shutdown();
  return 0;
}

}  // namespace hdcat::cli
