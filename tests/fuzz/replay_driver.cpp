// A replay-and-mutate driver for the libFuzzer targets, for compilers without
// libFuzzer (g++) and for the ordinary test suite.
//
// Linked with one fuzz_<name>.cpp (its LLVMFuzzerTestOneInput), it replays
// every file of the seed corpus, then feeds the target deterministic
// mutations of those seeds — byte flips, interesting bytes, truncations,
// insertions, duplicated chunks and splices of two seeds — from a seeded
// generator, until it has run --runs inputs or --seconds have passed. The
// same seed gives the same sequence of inputs, so a failure can be replayed;
// a sanitizer report or a crash writes the input being run to
// crash-<name>-<n> in the working directory first (add it to the corpus once
// the parser is fixed). It is no substitute for coverage-guided fuzzing with
// the clang build (tests/fuzz/README.md): it keeps the seeds and their
// neighbourhood checked on every test run.
//
// Usage: fuzz_replay_<name> [--runs N] [--seconds S] [--seed N] [--max-len N] CORPUS_DIR
//
// Thread-safety: a single-threaded program.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define HDCAT_REPLAY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HDCAT_REPLAY_ASAN 1
#endif
#endif
#ifdef HDCAT_REPLAY_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using Bytes = std::vector<std::uint8_t>;

// The input being run and where to save it, read by the crash handlers (they
// may only use async-signal-safe calls, so both are prepared in advance).
const Bytes* g_current = nullptr;
char g_crash_path[256] = "crash-input";

void SaveCurrentInput() {
  if (g_current == nullptr) return;
  int fd = ::open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  std::size_t written = 0;
  while (written < g_current->size()) {
    ssize_t n = ::write(fd, g_current->data() + written, g_current->size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  static const char kMessage[] = "\nreplay driver: the failing input was written to ";
  (void)!::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  (void)!::write(STDERR_FILENO, g_crash_path, std::strlen(g_crash_path));
  (void)!::write(STDERR_FILENO, "\n", 1);
}

void OnFatalSignal(int signal_number) {
  SaveCurrentInput();
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

struct Options {
  long runs = 20000;
  double seconds = 3.0;
  std::uint64_t seed = 1;
  std::size_t max_len = 65536;
  std::string corpus;
  std::string name = "input";
};

bool ParseOptions(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (arg == "--runs" && (v = value())) options->runs = std::atol(v);
    else if (arg == "--seconds" && (v = value())) options->seconds = std::atof(v);
    else if (arg == "--seed" && (v = value())) options->seed = std::strtoull(v, nullptr, 10);
    else if (arg == "--max-len" && (v = value())) options->max_len = std::strtoull(v, nullptr, 10);
    else if (arg.rfind("--", 0) != 0 && options->corpus.empty()) options->corpus = arg;
    else return false;
  }
  return !options->corpus.empty() && options->runs >= 0 && options->seconds >= 0 && options->max_len > 0;
}

std::vector<Bytes> LoadCorpus(const std::string& directory) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // a fixed order keeps runs reproducible
  std::vector<Bytes> out;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

// Byte values that often sit on parser boundaries.
constexpr std::uint8_t kInteresting[] = {0x00, 0x01, 0x7f, 0x80, 0xff, '"', '\\', '{', '}', '[', ']', ',', ':',
                                         '<',  '>',  '&',  '@',  '#',  '\n', '\r', ' ', ';', '.', 0xe3, 0x82};

class Mutator {
 public:
  Mutator(const std::vector<Bytes>& seeds, std::uint64_t seed, std::size_t max_len)
      : seeds_(seeds), random_(seed), max_len_(max_len) {}

  Bytes Next() {
    Bytes input = seeds_.empty() ? Bytes() : seeds_[Pick(seeds_.size())];
    const std::size_t steps = 1 + Pick(4);
    for (std::size_t i = 0; i < steps; ++i) Mutate(input);
    if (input.size() > max_len_) input.resize(max_len_);
    return input;
  }

 private:
  std::size_t Pick(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(random_() % n); }

  void Mutate(Bytes& input) {
    switch (Pick(7)) {
      case 0:  // flip one bit
        if (!input.empty()) input[Pick(input.size())] ^= static_cast<std::uint8_t>(1u << Pick(8));
        break;
      case 1:  // set an interesting byte
        if (!input.empty()) input[Pick(input.size())] = kInteresting[Pick(sizeof kInteresting)];
        break;
      case 2:  // truncate
        input.resize(Pick(input.size() + 1));
        break;
      case 3: {  // insert a few random or interesting bytes
        const std::size_t at = Pick(input.size() + 1);
        const std::size_t count = 1 + Pick(8);
        Bytes inserted;
        for (std::size_t i = 0; i < count; ++i) {
          inserted.push_back(Pick(2) == 0 ? static_cast<std::uint8_t>(Pick(256))
                                          : kInteresting[Pick(sizeof kInteresting)]);
        }
        input.insert(input.begin() + static_cast<std::ptrdiff_t>(at), inserted.begin(), inserted.end());
        break;
      }
      case 4: {  // erase a chunk
        if (input.empty()) break;
        const std::size_t at = Pick(input.size());
        const std::size_t count = 1 + Pick(std::min<std::size_t>(64, input.size() - at));
        input.erase(input.begin() + static_cast<std::ptrdiff_t>(at),
                    input.begin() + static_cast<std::ptrdiff_t>(std::min(input.size(), at + count)));
        break;
      }
      case 5: {  // duplicate a chunk somewhere else (deep nesting, repeated keys)
        if (input.empty() || input.size() > max_len_ / 2) break;
        const std::size_t from = Pick(input.size());
        const std::size_t count = 1 + Pick(std::min<std::size_t>(256, input.size() - from));
        Bytes chunk(input.begin() + static_cast<std::ptrdiff_t>(from),
                    input.begin() + static_cast<std::ptrdiff_t>(from + count));
        const std::size_t at = Pick(input.size() + 1);
        input.insert(input.begin() + static_cast<std::ptrdiff_t>(at), chunk.begin(), chunk.end());
        break;
      }
      default: {  // splice: the head of this input and the tail of another seed
        if (seeds_.empty()) break;
        const Bytes& other = seeds_[Pick(seeds_.size())];
        const std::size_t keep = Pick(input.size() + 1);
        const std::size_t from = Pick(other.size() + 1);
        input.resize(keep);
        input.insert(input.end(), other.begin() + static_cast<std::ptrdiff_t>(from), other.end());
        break;
      }
    }
  }

  const std::vector<Bytes>& seeds_;
  std::mt19937_64 random_;
  std::size_t max_len_;
};

void Run(const Bytes& input, const Options& options, long index) {
  std::snprintf(g_crash_path, sizeof g_crash_path, "crash-%s-%ld", options.name.c_str(), index);
  g_current = &input;
  LLVMFuzzerTestOneInput(input.data(), input.size());
  g_current = nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) {
    std::fprintf(stderr,
                 "usage: %s [--runs N] [--seconds S] [--seed N] [--max-len N] CORPUS_DIR\n"
                 "replays every file of CORPUS_DIR, then N seeded mutations of them (at most S seconds)\n",
                 argv[0]);
    return 2;
  }
  std::error_code error;
  if (!std::filesystem::is_directory(options.corpus, error)) {
    std::fprintf(stderr, "%s: corpus directory %s does not exist\n", argv[0], options.corpus.c_str());
    return 2;
  }
  options.name = std::filesystem::path(options.corpus).filename().string();
#ifdef HDCAT_REPLAY_ASAN
  // AddressSanitizer handles the fatal signals itself (and then calls this); only abort() is left to us.
  __sanitizer_set_death_callback(SaveCurrentInput);
  std::signal(SIGABRT, OnFatalSignal);
#else
  for (int signal_number : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(signal_number, OnFatalSignal);
#endif

  const std::vector<Bytes> seeds = LoadCorpus(options.corpus);
  if (seeds.empty()) {
    std::fprintf(stderr, "%s: corpus directory %s holds no file\n", argv[0], options.corpus.c_str());
    return 2;
  }
  long index = 0;
  for (const Bytes& seed : seeds) Run(seed, options, index++);

  Mutator mutator(seeds, options.seed, options.max_len);
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::duration<double>(options.seconds);
  long mutations = 0;
  while (mutations < options.runs && std::chrono::steady_clock::now() < deadline) {
    Bytes input = mutator.Next();
    Run(input, options, index++);
    ++mutations;
  }
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: %zu seeds replayed, %ld mutations in %.1f s (seed %llu), no failure\n", options.name.c_str(),
              seeds.size(), mutations, elapsed, static_cast<unsigned long long>(options.seed));
  return 0;
}
