#include "bench/harvest/source_server.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <string>

#include "bench/harvest/source_files.h"
#include "catalog/store/dataset_ref.h"

namespace hdcat::bench::harvest {
namespace {

web::HttpResponse NotFoundResponse(const std::string& what) {
  return web::HttpResponse{404, "application/json", Json{{"error", "not found: " + what}}.dump(), {}};
}

std::int64_t QueryNumber(const web::HttpRequest& request, std::string_view name, std::int64_t fallback) {
  auto text = request.query_param(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < 0) return fallback;
  return value;
}

web::HttpResponse FileResponse(const std::filesystem::path& file, std::string content_type) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFoundResponse(file.filename().string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return web::HttpResponse{200, std::move(content_type), std::move(bytes).str(), {}};
}

std::string MediaType(std::string_view extension) {
  if (extension == "ttl") return "text/turtle";
  if (extension == "rdf") return "application/rdf+xml";
  if (extension == "jsonld") return "application/ld+json";
  return "application/json";
}

}  // namespace

void SourceRoutes::AddTo(web::Router& router) const {
  const std::filesystem::path dir = dir_;
  for (const auto& format : BenchFormats()) {
    if (format.format == "ckan") {
      router.Add("GET", "/bench/ckan/api/3/action/package_search", [dir, format](const web::HttpRequest& request) {
        const std::int64_t rows = QueryNumber(request, "rows", format.page_size);
        const std::int64_t start = QueryNumber(request, "start", 0);
        if (rows != format.page_size || start % rows != 0) {
          Json problem = {{"success", false},
                          {"error", {{"message", "this synthetic source serves rows=" +
                                                     std::to_string(format.page_size) + " at multiples only"}}}};
          return web::HttpResponse{400, "application/json", problem.dump(), {}};
        }
        return FileResponse(PageFile(dir, format, start / rows + 1), "application/json");
      });
      continue;
    }
    const std::string file = format.format == "feed" ? "feed.json" : "catalog." + std::string(format.extension);
    router.Add("GET", "/bench/" + std::string(format.format) + "/" + file, [dir, format](const web::HttpRequest& request) {
      return FileResponse(PageFile(dir, format, std::max<std::int64_t>(1, QueryNumber(request, "page", 1))),
                          MediaType(format.extension));
    });
  }
  router.Add("GET", "/bench/csv-dictionary/{file}", [dir](const web::HttpRequest& request) {
    const std::string& file = request.path_param("file");
    if (!file.ends_with(".csv") || !catalog::IsIdentifier(file.substr(0, file.size() - 4))) {
      return NotFoundResponse(file);
    }
    return FileResponse(dir / std::string(kDictionaryFormat) / file, "text/csv; charset=utf-8");
  });
}

}  // namespace hdcat::bench::harvest
