// hdcat-bench-search: hdcat's search against a PostgreSQL 15 full-text
// baseline on the same synthetic catalog and the same queries, in one run.
//
//   hdcat-bench-search [--datasets N] [--variables-per-dataset N]
//                      [--queries-per-class N] [--seed N] [--work DIR] [--keep]
//
// Steps: validate a sample of the generated descriptions; build the hdcat
// index from the generator (a CatalogSource, streamed); start a private
// PostgreSQL (scripts/pg.sh), COPY the same catalog in and build its indexes;
// run the query mix once on both engines to warm caches, then again timed;
// print per-class p50/p99/queries per second side by side, build times and
// sizes and hdcat's memory; stop PostgreSQL and remove the work directory.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench/search/pg_baseline.h"
#include "bench/search/query_mix.h"
#include "bench/search/synthetic_catalog.h"
#include "catalog/validator.h"
#include "search/catalog_sync.h"
#include "search/index_manager.h"
#include "search/search_vocabulary.h"
#include "search/searcher.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using hdcat::bench::BenchQuery;
using hdcat::bench::QueryClass;

constexpr int kHitsPerPage = 20;
constexpr int kValidatedSample = 200;

struct Options {
  hdcat::bench::CatalogShape shape;
  int queries_per_class = 200;
  std::string work;
  bool keep = false;
  bool hdcat_only = false;  // skip the baseline (profiling hdcat alone)
};

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// CPU seconds of this process (user + system): on a shared machine the wall
// time of a phase also counts other people's work.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

bool ParseOptions(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&](long long& out) {
      if (i + 1 >= argc) return false;
      char* end = nullptr;
      out = std::strtoll(argv[++i], &end, 10);
      return end != nullptr && *end == '\0' && out > 0;
    };
    long long value = 0;
    if (arg == "--datasets" && next(value)) {
      options.shape.datasets = value;
    } else if (arg == "--variables-per-dataset" && next(value)) {
      options.shape.variables_per_dataset = static_cast<int>(value);
    } else if (arg == "--queries-per-class" && next(value)) {
      options.queries_per_class = static_cast<int>(value);
    } else if (arg == "--seed" && next(value)) {
      options.shape.seed = static_cast<std::uint64_t>(value);
    } else if (arg == "--work" && i + 1 < argc) {
      options.work = argv[++i];
    } else if (arg == "--keep") {
      options.keep = true;
    } else if (arg == "--hdcat-only") {
      options.hdcat_only = true;
    } else {
      std::fprintf(stderr,
                   "usage: hdcat-bench-search [--datasets N] [--variables-per-dataset N] [--queries-per-class N]\n"
                   "                          [--seed N] [--work DIR] [--keep] [--hdcat-only]\n"
                   "defaults: 100000 datasets, 50 variables per dataset, 200 queries per class\n");
      return false;
    }
  }
  if (options.work.empty()) options.work = (fs::temp_directory_path() / ("hdcat-search-bench-" + std::to_string(getpid()))).string();
  return true;
}

// kB from a /proc/self/status line such as "VmRSS:  12345 kB".
long StatusKb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field) + 1);
  }
  return -1;
}

std::uintmax_t DiskBytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error)) total += it->file_size(error);
  }
  return total;
}

int RunScript(const std::vector<std::string>& args) {
  pid_t child = fork();
  if (child == 0) {
    std::vector<char*> argv;
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

// Starts the private cluster and stops it when the benchmark ends, however it ends.
class PrivatePostgres {
 public:
  explicit PrivatePostgres(std::string dir) : dir_(std::move(dir)) {}
  ~PrivatePostgres() {
    if (started_) RunScript({Script(), "stop", dir_});
  }
  bool Start() {
    started_ = RunScript({Script(), "start", dir_}) == 0;
    return started_;
  }
  std::string Conninfo() const { return "host=" + dir_ + "/socket dbname=postgres user=postgres"; }

 private:
  static std::string Script() { return std::string(HDCAT_SOURCE_DIR) + "/scripts/pg.sh"; }
  std::string dir_;
  bool started_ = false;
};

struct ClassFigures {
  std::vector<double> latencies_ms;
  double seconds = 0;
  double hits = 0;  // summed totals, for a sanity check that both engines find data
};

double Percentile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  std::size_t rank = static_cast<std::size_t>(share * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(rank, values.size() - 1)];
}

hdcat::search::SearchRequest RequestFor(const BenchQuery& query) {
  hdcat::search::SearchRequest request;
  request.query = query.text;
  request.filters = query.filters;
  request.limit = kHitsPerPage;
  if (query.counts_facets()) {
    for (std::string_view facet : hdcat::bench::kCountedFacets) request.facets.emplace_back(facet);
  }
  return request;
}

int Fail(const std::string& what, const hdcat::Error& error) {
  std::fprintf(stderr, "hdcat-bench-search: %s: %s\n", what.c_str(), error.ToString().c_str());
  return 1;
}

void PrintMib(const char* label, double bytes) { std::printf("%-44s %10.1f MiB\n", label, bytes / 1048576.0); }

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, options)) return 2;
  fs::create_directories(options.work);
  hdcat::bench::SyntheticCatalog catalog(options.shape);

  // The generator must produce what the catalog accepts.
  auto validator = hdcat::catalog::Validator::Load();
  if (!validator.ok()) return Fail("load validator", validator.error());
  for (int h = 0; h < options.shape.holders; ++h) {
    auto report = (*validator)->Validate(hdcat::catalog::DocumentKind::kHolder, catalog.Holder(h));
    if (!report.ok()) return Fail("generated holder " + catalog.HolderId(h) + " is invalid", hdcat::InvalidInput(report.errors[0].message + " at " + report.errors[0].pointer));
  }
  std::int64_t sample = std::min<std::int64_t>(kValidatedSample, options.shape.datasets);
  for (std::int64_t i = 0; i < sample; ++i) {
    std::int64_t index = i * options.shape.datasets / sample;
    auto report = (*validator)->Validate(hdcat::catalog::DocumentKind::kDataset, catalog.Dataset(index));
    if (!report.ok()) return Fail("generated dataset " + std::to_string(index) + " is invalid", hdcat::InvalidInput(report.errors[0].message + " at " + report.errors[0].pointer));
  }

  std::printf("hdcat search benchmark: %lld datasets, ~%d variables each, %d holders, seed %llu, %d queries/class\n",
              static_cast<long long>(options.shape.datasets), options.shape.variables_per_dataset,
              options.shape.holders, static_cast<unsigned long long>(options.shape.seed), options.queries_per_class);
  std::printf("validated %lld generated datasets and %d holders: no errors\n", static_cast<long long>(sample),
              options.shape.holders);
  std::fflush(stdout);

  // hdcat: full rebuild from the generator.
  auto vocabulary = hdcat::search::SearchVocabulary::LoadEmbedded();
  if (!vocabulary.ok()) return Fail("load vocabulary", vocabulary.error());
  hdcat::search::DocumentBuilder builder((*vocabulary)->coding_systems);
  hdcat::search::IndexManager index((fs::path(options.work) / "index").string());
  auto build_start = Clock::now();
  double build_cpu_start = CpuSeconds();
  auto rebuilt = hdcat::search::RebuildIndex(catalog, builder, index);
  if (!rebuilt.ok()) return Fail("rebuild the hdcat index", rebuilt.error());
  double hdcat_build_seconds = Seconds(build_start);
  double hdcat_build_cpu = CpuSeconds() - build_cpu_start;
  long build_peak_kb = StatusKb("VmHWM:");
  std::uintmax_t hdcat_bytes = DiskBytes(rebuilt->version_path);
  std::printf("hdcat: indexed %lld datasets and %lld variables in %.1f s\n", static_cast<long long>(rebuilt->datasets),
              static_cast<long long>(rebuilt->variables), hdcat_build_seconds);
  std::fflush(stdout);

  // PostgreSQL: load with COPY, then index.
  std::optional<PrivatePostgres> postgres;
  std::unique_ptr<hdcat::bench::PgBaseline> baseline;
  double pg_load_seconds = 0, pg_index_seconds = 0;
  hdcat::bench::PgSizes sizes;
  if (!options.hdcat_only) {
    postgres.emplace((fs::path(options.work) / "pg").string());
    if (!postgres->Start()) return Fail("start PostgreSQL", hdcat::Unavailable("scripts/pg.sh start failed"));
    auto connection = hdcat::pg::Connection::Open(postgres->Conninfo());
    if (!connection.ok()) return Fail("connect to PostgreSQL", connection.error());
    baseline = std::make_unique<hdcat::bench::PgBaseline>(std::move(*connection), (*vocabulary)->coding_systems);
    auto load_start = Clock::now();
    if (auto loaded = baseline->Load(catalog); !loaded.ok()) return Fail("load PostgreSQL", loaded.error());
    pg_load_seconds = Seconds(load_start);
    auto index_start = Clock::now();
    if (auto indexed = baseline->BuildIndexes(); !indexed.ok()) return Fail("index PostgreSQL", indexed.error());
    pg_index_seconds = Seconds(index_start);
    auto measured = baseline->Sizes();
    if (!measured.ok()) return Fail("PostgreSQL sizes", measured.error());
    sizes = *measured;
    std::printf("PostgreSQL: loaded in %.1f s, indexed in %.1f s\n", pg_load_seconds, pg_index_seconds);
    std::fflush(stdout);
  }

  // Queries: one warm-up pass over the whole mix on both engines, then the timed pass.
  auto searcher = hdcat::search::Searcher::Open(index, *vocabulary);
  if (!searcher.ok()) return Fail("open the hdcat index", searcher.error());
  std::vector<BenchQuery> mix = hdcat::bench::MakeQueryMix(catalog, options.queries_per_class, options.shape.seed);
  for (const BenchQuery& query : mix) {
    auto response = (*searcher)->Search(RequestFor(query));
    if (!response.ok()) return Fail("hdcat search '" + query.text + "'", response.error());
    if (!baseline) continue;
    auto answer = baseline->Search(query, kHitsPerPage);
    if (!answer.ok()) return Fail("PostgreSQL search '" + query.text + "'", answer.error());
  }
  std::map<QueryClass, ClassFigures> hdcat_figures, pg_figures;
  for (QueryClass query_class : hdcat::bench::kQueryClasses) {
    ClassFigures& ours = hdcat_figures[query_class];
    auto class_start = Clock::now();
    for (const BenchQuery& query : mix) {
      if (query.query_class != query_class) continue;
      auto start = Clock::now();
      auto response = (*searcher)->Search(RequestFor(query));
      ours.latencies_ms.push_back(Seconds(start) * 1000);
      if (!response.ok()) return Fail("hdcat search", response.error());
      ours.hits += static_cast<double>(response->total);
    }
    ours.seconds = Seconds(class_start);
    ClassFigures& theirs = pg_figures[query_class];
    class_start = Clock::now();
    for (const BenchQuery& query : mix) {
      if (query.query_class != query_class || !baseline) continue;
      auto start = Clock::now();
      auto answer = baseline->Search(query, kHitsPerPage);
      theirs.latencies_ms.push_back(Seconds(start) * 1000);
      if (!answer.ok()) return Fail("PostgreSQL search", answer.error());
      theirs.hits += static_cast<double>(answer->total);
    }
    theirs.seconds = Seconds(class_start);
  }
  long search_rss_kb = StatusKb("VmRSS:");

  std::printf("\n%-18s %5s | %9s %9s %8s %9s | %9s %9s %8s %9s | %8s\n", "class", "n", "hdcat p50", "p99", "q/s",
              "avg total", "PG p50", "p99", "q/s", "avg total", "p50 x");
  for (QueryClass query_class : hdcat::bench::kQueryClasses) {
    const ClassFigures& ours = hdcat_figures[query_class];
    const ClassFigures& theirs = pg_figures[query_class];
    double n = static_cast<double>(ours.latencies_ms.size());
    double our_p50 = Percentile(ours.latencies_ms, 0.5), their_p50 = Percentile(theirs.latencies_ms, 0.5);
    std::printf("%-18s %5.0f | %7.2fms %7.2fms %8.0f %9.0f | %7.2fms %7.2fms %8.0f %9.0f | %7.1fx\n",
                std::string(hdcat::bench::ClassName(query_class)).c_str(), n, our_p50,
                Percentile(ours.latencies_ms, 0.99), n / ours.seconds, ours.hits / n, their_p50,
                Percentile(theirs.latencies_ms, 0.99), n / theirs.seconds, theirs.hits / n,
                our_p50 > 0 ? their_p50 / our_p50 : 0.0);
  }
  std::printf("\n%-44s %10.1f s (CPU %.1f s)\n", "hdcat full rebuild (generate + index)", hdcat_build_seconds,
              hdcat_build_cpu);
  std::printf("%-44s %10.1f s\n", "PostgreSQL load (generate + COPY)", pg_load_seconds);
  std::printf("%-44s %10.1f s\n", "PostgreSQL index build (CREATE INDEX)", pg_index_seconds);
  PrintMib("hdcat index on disk", static_cast<double>(hdcat_bytes));
  PrintMib("PostgreSQL tables", static_cast<double>(sizes.table_bytes));
  PrintMib("PostgreSQL indexes", static_cast<double>(sizes.index_bytes));
  PrintMib("hdcat process peak RSS (build)", static_cast<double>(build_peak_kb) * 1024);
  PrintMib("hdcat process RSS while searching", static_cast<double>(search_rss_kb) * 1024);

  searcher->reset();
  if (!options.keep) {
    std::error_code ignored;
    baseline.reset();
    postgres.reset();  // the cluster stops before its directory goes
    fs::remove_all(options.work, ignored);
  }
  return 0;
}
