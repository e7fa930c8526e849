// hdcat search: query the search index from the command line.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"
#include "search/index_schema.h"
#include "search/searcher.h"

namespace hdcat::cli {
namespace {

constexpr const char* kUsage =
    "usage: hdcat search \"QUERY\" [--facet NAME=VALUE ...] [--count NAME ...] [--lang ja|en]\n"
    "                    [--sort relevance|updated|size|title] [--period FROM..TO] [--variables]\n"
    "                    [--limit N] [--offset N] [--json] [--index DIR]\n\n"
    "Searches datasets (or, with --variables, variables) in Japanese or English words and in\n"
    "codes (E11, 3D046 ...). Words are all required; when no dataset has them all, datasets\n"
    "with some of them are shown and the output says so.\n\noptions:\n"
    "  --facet NAME=VALUE  keep results with this facet value (repeat; values of one facet are ORed)\n"
    "  --count NAME        print counts for this facet (repeat; `--count all` for every facet)\n"
    "  --lang ja|en        language of titles and snippets (default ja)\n"
    "  --sort ORDER        relevance (default), updated, size or title\n"
    "  --period FROM..TO   covered period overlapping YYYY[-MM[-DD]]..YYYY[-MM[-DD]] (either may be empty)\n"
    "  --variables         search variables instead of datasets\n"
    "  --limit N           results per page (default 10), --offset N to page\n"
    "  --json              print the response as JSON\n"
    "  --index DIR         the search index (default <repo>/.hdcat/index, see --db in other commands)\n"
    "facets: holder holder_type data_type health_category coding_system update_frequency access_route\n"
    "        processing_level access_rights language quality_grade population_size\n";

int Fail(const Error& error) {
  std::fprintf(stderr, "hdcat search: %s\n", error.ToString().c_str());
  return ExitCodeFor(error);
}

int Usage(const std::string& message) {
  std::fprintf(stderr, "hdcat search: %s\n%s", message.c_str(), kUsage);
  return 2;
}

Result<int> ParseCount(const std::string& text, const char* name) {
  try {
    std::size_t used = 0;
    int value = std::stoi(text, &used);
    if (used == text.size() && value >= 0) return value;
  } catch (const std::exception&) {
  }
  return InvalidInput(std::string("--") + name + " must be a number >= 0");
}

// Plain-text form of a snippet: <mark>x</mark> -> [x], entities decoded.
std::string PlainSnippet(std::string text) {
  const std::pair<const char*, const char*> replacements[] = {
      {"<mark>", "["}, {"</mark>", "]"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}};
  for (const auto& [from, to] : replacements) {
    for (std::size_t at; (at = text.find(from)) != std::string::npos;) text.replace(at, std::strlen(from), to);
  }
  return text;
}

std::string TitleOf(const Json& title, const std::string& lang) {
  if (!title.is_object()) return "";
  if (title.contains(lang) && title[lang].is_string()) return title[lang].get<std::string>();
  for (const auto& [key, value] : title.items()) {
    if (value.is_string()) return value.get<std::string>();
  }
  return "";
}

}  // namespace

std::string DefaultIndexDir() { return (std::filesystem::path(RepoRoot()) / ".hdcat" / "index").string(); }

int RunSearch(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"facet", "count", "lang", "sort", "period", "limit", "offset", "index"});
  if (!args.ok()) return Usage(args.error().message);
  if (args->help()) {
    std::printf("%s", kUsage);
    return 0;
  }
  if (args->positional().size() > 1) return Usage("give the query as one argument (quote it)");

  search::SearchRequest request;
  request.query = args->positional().empty() ? "" : args->positional()[0];
  request.lang = args->option_or("lang", "ja");
  request.limit = 10;
  if (args->flag("variables")) request.target = search::SearchTarget::kVariables;
  for (const std::string& facet : args->options("facet")) {
    std::size_t equals = facet.find('=');
    if (equals == std::string::npos || equals == 0) return Usage("--facet takes NAME=VALUE, got '" + facet + "'");
    request.filters[facet.substr(0, equals)].push_back(facet.substr(equals + 1));
  }
  for (const std::string& facet : args->options("count")) {
    if (facet == "all") {
      request.facets.assign(search::schema::kFacets.begin(), search::schema::kFacets.end());
    } else {
      request.facets.push_back(facet);
    }
  }
  if (auto sort = args->option("sort")) {
    auto order = search::ParseSortOrder(*sort);
    if (!order.ok()) return Usage(order.error().ToString());
    request.sort = *order;
  }
  if (auto period = args->option("period")) {
    std::size_t dots = period->find("..");
    if (dots == std::string::npos) return Usage("--period takes FROM..TO");
    if (dots > 0) request.period_start = period->substr(0, dots);
    if (dots + 2 < period->size()) request.period_end = period->substr(dots + 2);
  }
  for (const char* name : {"limit", "offset"}) {
    if (auto value = args->option(name)) {
      auto parsed = ParseCount(*value, name);
      if (!parsed.ok()) return Usage(parsed.error().message);
      (std::string(name) == "limit" ? request.limit : request.offset) = *parsed;
    }
  }

  auto vocabulary = search::SearchVocabulary::LoadEmbedded();
  if (!vocabulary.ok()) return Fail(vocabulary.error());
  search::IndexManager index(args->option_or("index", DefaultIndexDir()));
  auto searcher = search::Searcher::Open(index, *vocabulary);
  if (!searcher.ok()) return Fail(searcher.error());
  auto response = (*searcher)->Search(request);
  if (!response.ok()) return Fail(response.error());

  if (args->flag("json")) {
    std::printf("%s\n", search::ToJson(*response).dump(2).c_str());
    return 0;
  }
  std::printf("%lld result%s%s%s\n", static_cast<long long>(response->total), response->total == 1 ? "" : "s",
              response->total_exact ? "" : " (estimate)",
              response->relaxed ? " — no result has every word; showing results with some of them" : "");
  if (!response->did_you_mean.empty()) std::printf("did you mean: %s\n", response->did_you_mean.c_str());
  int rank = request.offset;
  for (const search::SearchHit& hit : response->hits) {
    std::string title = TitleOf(hit.title, request.lang);
    if (!hit.variable.empty()) {
      title = hit.table + "." + hit.variable + "  " + title + "  — " + TitleOf(hit.dataset_title, request.lang);
    }
    std::printf("\n%d. %s\n   %s  %s  (%s)\n", ++rank, title.c_str(), hit.ref.c_str(), hit.public_id.c_str(),
                TitleOf(hit.holder_name, request.lang).c_str());
    if (!hit.snippet.empty()) std::printf("   %s\n", PlainSnippet(hit.snippet).c_str());
    for (const std::string& reason : hit.matched_because) std::printf("   · %s\n", reason.c_str());
  }
  for (const search::FacetCounts& facet : response->facets) {
    std::printf("\n%s:", facet.facet.c_str());
    for (const search::FacetValueCount& value : facet.values) {
      std::printf(" %s (%lld)", value.value.c_str(), static_cast<long long>(value.count));
    }
    std::printf("\n");
  }
  return 0;
}

}  // namespace hdcat::cli
