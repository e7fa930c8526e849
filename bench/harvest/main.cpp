// hdcat-bench-harvest: the synthetic source of the harvest benchmark
// (bench/harvest.sh drives it).
//   generate --dir D --base-url URL [--datasets N] [--dictionaries K] [--seed S] [--formats F,G]
//   serve    --dir D --port P [--max-seconds T]     serves D on 127.0.0.1 until SIGTERM or T seconds
//   fetch    --dir D --format F                     the baseline: download + parse every page of F
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "bench/harvest/fetch_baseline.h"
#include "bench/harvest/source_files.h"
#include "bench/harvest/source_server.h"
#include "web/server/server.h"
#include "web/server/termination_signals.h"

namespace {

using namespace hdcat;

constexpr const char* kUsage =
    "usage: hdcat-bench-harvest generate --dir D --base-url URL [--datasets N] [--dictionaries K]\n"
    "                                    [--seed S] [--formats F,G,...]\n"
    "       hdcat-bench-harvest serve --dir D --port P [--max-seconds T]\n"
    "       hdcat-bench-harvest fetch --dir D --format F\n";

int Fail(const std::string& message) {
  std::fprintf(stderr, "hdcat-bench-harvest: %s\n", message.c_str());
  return 1;
}

// --name value pairs after the subcommand.
bool ParseOptions(int argc, char** argv, std::map<std::string, std::string>* options) {
  for (int i = 2; i < argc; i += 2) {
    std::string name = argv[i];
    if (!name.starts_with("--") || i + 1 >= argc) return false;
    (*options)[name.substr(2)] = argv[i + 1];
  }
  return true;
}

std::int64_t Number(const std::map<std::string, std::string>& options, const std::string& name, std::int64_t fallback) {
  auto it = options.find(name);
  if (it == options.end()) return fallback;
  char* end = nullptr;
  long long value = std::strtoll(it->second.c_str(), &end, 10);
  if (end == it->second.c_str() || *end != '\0' || value < 0) return -1;
  return value;
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

int Generate(const std::map<std::string, std::string>& options) {
  bench::harvest::SourceSpec spec;
  if (!options.count("dir") || !options.count("base-url")) return Fail("generate needs --dir and --base-url");
  spec.dir = options.at("dir");
  spec.base_url = options.at("base-url");
  spec.datasets = Number(options, "datasets", 100'000);
  spec.dictionaries = Number(options, "dictionaries", 100);
  const std::int64_t seed = Number(options, "seed", 1);
  if (spec.datasets < 1 || spec.dictionaries < 0 || seed < 0) return Fail("numbers must be non-negative integers");
  if (options.count("formats")) spec.formats = SplitCommas(options.at("formats"));
  auto catalog = bench::harvest::SyntheticCatalog::Load(static_cast<std::uint64_t>(seed));
  if (!catalog.ok()) return Fail(catalog.error().ToString());
  if (Status written = bench::harvest::WriteSource(*catalog, spec); !written.ok()) return Fail(written.error().ToString());
  return 0;
}

int Serve(const std::map<std::string, std::string>& options) {
  const std::int64_t port = Number(options, "port", -1);
  const std::int64_t max_seconds = Number(options, "max-seconds", 7200);
  if (!options.count("dir") || port < 1 || port > 65535 || max_seconds < 1) {
    return Fail("serve needs --dir and --port 1..65535 (and --max-seconds >= 1)");
  }
  web::BlockTerminationSignals();
  web::ServerOptions server_options;
  server_options.bind_address = "127.0.0.1";
  server_options.port = static_cast<std::uint16_t>(port);
  server_options.access_log = [](const std::string&) {};
  auto server = web::Server::Create(server_options);
  if (!server.ok()) return Fail(server.error().ToString());
  bench::harvest::SourceRoutes(options.at("dir")).AddTo((*server)->router());
  if (Status started = (*server)->Start(); !started.ok()) return Fail(started.error().ToString());
  std::printf("serving %s on http://127.0.0.1:%u/bench\n", options.at("dir").c_str(),
              static_cast<unsigned>((*server)->port()));
  std::fflush(stdout);
  // Stops by itself after --max-seconds, so a benchmark that dies never leaves it running.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  const timespec limit{static_cast<time_t>(max_seconds), 0};
  sigtimedwait(&signals, nullptr, &limit);
  (*server)->Shutdown();
  return 0;
}

int Fetch(const std::map<std::string, std::string>& options) {
  if (!options.count("dir") || !options.count("format")) return Fail("fetch needs --dir and --format");
  const std::string format = options.at("format");
  std::ifstream list(std::string(options.at("dir")) + "/" + format + "/urls.txt");
  if (!list) return Fail("no page list for " + format + " under " + options.at("dir") + " (generate it first)");
  std::vector<std::string> urls;
  for (std::string line; std::getline(list, line);) {
    if (!line.empty()) urls.push_back(line);
  }
  const auto started = std::chrono::steady_clock::now();
  auto counts = bench::harvest::FetchAndParse(format, urls);
  if (!counts.ok()) return Fail(counts.error().ToString());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("pages=%lld bytes=%lld records=%lld seconds=%.3f\n", static_cast<long long>(counts->pages),
              static_cast<long long>(counts->bytes), static_cast<long long>(counts->records), seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> options;
  if (argc < 2 || !ParseOptions(argc, argv, &options)) {
    std::fprintf(stderr, "%s", kUsage);
    return 2;
  }
  const std::string command = argv[1];
  if (command == "generate") return Generate(options);
  if (command == "serve") return Serve(options);
  if (command == "fetch") return Fetch(options);
  std::fprintf(stderr, "%s", kUsage);
  return 2;
}
