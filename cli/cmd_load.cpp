// hdcat load: store holder and dataset descriptions from files.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "catalog/store/catalog_store.h"
#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"

namespace hdcat::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: hdcat load PATH... [--as HOLDER] [--db CONNINFO]\n\n"
    "Validates and stores holder and dataset descriptions (JSON files; a directory\n"
    "is searched recursively for *.json). Holders are stored first: files under a\n"
    "`holders/` directory, or documents with a `holder_type`. Each document is its\n"
    "own transaction: a bad document is reported and skipped, the rest still load.\n"
    "Prints created / updated / unchanged / restored per document, or why it failed.\n"
    "Exit status 1 if any document failed.\n\noptions:\n"
    "  --as HOLDER        refuse datasets that belong to any other holder\n";

struct InputFile {
  std::string path;
  bool under_holders_dir = false;
};

bool HasHoldersComponent(const fs::path& path) {
  for (const auto& part : path.parent_path()) {
    if (part == "holders") return true;
  }
  return false;
}

// Expands PATH arguments into files; missing paths are reported in `missing`.
std::vector<InputFile> CollectFiles(const std::vector<std::string>& paths, std::vector<std::string>* missing) {
  std::vector<InputFile> files;
  for (const auto& arg : paths) {
    std::error_code error;
    if (fs::is_directory(arg, error)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(arg, error); !error && it != fs::recursive_directory_iterator();
           it.increment(error)) {
        if (it->is_regular_file(error) && it->path().extension() == ".json") found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      for (const auto& path : found) files.push_back({path.string(), HasHoldersComponent(path)});
    } else if (fs::is_regular_file(arg, error)) {
      files.push_back({arg, HasHoldersComponent(arg)});
    } else {
      missing->push_back(arg);
    }
  }
  return files;
}

Result<Json> ReadDocument(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidInput("cannot read the file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return ParseJson(bytes.str());
}

struct Tally {
  int created = 0, updated = 0, unchanged = 0, restored = 0, failed = 0;
  void Count(catalog::PutOutcome outcome) {
    switch (outcome) {
      case catalog::PutOutcome::kCreated: ++created; break;
      case catalog::PutOutcome::kUpdated: ++updated; break;
      case catalog::PutOutcome::kUnchanged: ++unchanged; break;
      case catalog::PutOutcome::kRestored: ++restored; break;
    }
  }
};

void PrintFailure(const std::string& path, const Error& error, Tally* tally) {
  ++tally->failed;
  std::printf("%-9s %s\n  %s\n", "failed", path.c_str(), error.ToString().c_str());
}

std::string WarningsNote(std::size_t count) {
  if (count == 0) return "";
  return " (" + std::to_string(count) + (count == 1 ? " warning)" : " warnings)");
}

}  // namespace

int RunLoad(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"db", "as"});
  if (!args.ok() || args->help() || args->positional().empty()) {
    bool help = args.ok() && args->help();
    if (!args.ok()) std::fprintf(stderr, "hdcat load: %s\n", args.error().message.c_str());
    std::fprintf(help ? stdout : stderr, "%s%s", kUsage, kDbOptionHelp);
    return help ? 0 : 2;
  }
  std::vector<std::string> missing;
  std::vector<InputFile> files = CollectFiles(args->positional(), &missing);
  for (const auto& path : missing) std::fprintf(stderr, "hdcat load: no such file or directory: %s\n", path.c_str());
  if (files.empty() && missing.empty()) std::fprintf(stderr, "hdcat load: no .json files found\n");

  auto validator = catalog::Validator::Load();
  if (!validator.ok()) {
    std::fprintf(stderr, "hdcat load: %s\n", validator.error().ToString().c_str());
    return ExitCodeFor(validator.error());
  }
  auto conn = OpenDatabase(*args);
  if (!conn.ok()) {
    std::fprintf(stderr, "hdcat load: %s\n", conn.error().ToString().c_str());
    return ExitCodeFor(conn.error());
  }
  catalog::CatalogStore store(**conn, **validator);
  std::optional<std::string> acting = args->option("as");

  // Parse everything first, so holders can be stored before any dataset.
  Tally tally;
  struct Parsed {
    std::string path;
    Json document;
  };
  std::vector<Parsed> holders, datasets;
  for (const auto& file : files) {
    auto document = ReadDocument(file.path);
    if (!document.ok()) {
      PrintFailure(file.path, document.error(), &tally);
      continue;
    }
    bool is_holder = file.under_holders_dir || (document->is_object() && document->contains("holder_type"));
    (is_holder ? holders : datasets).push_back({file.path, std::move(document).value()});
  }
  for (const auto& holder : holders) {
    auto put = store.PutHolder(holder.document, "load:" + holder.path);
    if (!put.ok()) {
      PrintFailure(holder.path, put.error(), &tally);
      if (put.error().kind == ErrorKind::kUnavailable) return ExitCodeFor(put.error());
      continue;
    }
    tally.Count(put->outcome);
    std::printf("%-9s holder %s  %s%s\n", std::string(catalog::PutOutcomeName(put->outcome)).c_str(),
                put->identifier.c_str(), holder.path.c_str(), WarningsNote(put->warnings.size()).c_str());
  }
  for (const auto& dataset : datasets) {
    auto put = store.PutDataset(dataset.document, "load:" + dataset.path,
                                acting ? std::optional<std::string_view>(*acting) : std::nullopt);
    if (!put.ok()) {
      PrintFailure(dataset.path, put.error(), &tally);
      if (put.error().kind == ErrorKind::kUnavailable) return ExitCodeFor(put.error());
      continue;
    }
    tally.Count(put->outcome);
    std::printf("%-9s %s %s/%s v%d  %s%s\n", std::string(catalog::PutOutcomeName(put->outcome)).c_str(),
                put->public_id.c_str(), put->holder.c_str(), put->identifier.c_str(), put->version_no,
                dataset.path.c_str(), WarningsNote(put->warnings.size()).c_str());
  }
  std::printf("%d created, %d updated, %d unchanged, %d restored, %d failed\n", tally.created, tally.updated,
              tally.unchanged, tally.restored, tally.failed + static_cast<int>(missing.size()));
  return tally.failed > 0 || !missing.empty() || files.empty() ? 1 : 0;
}

}  // namespace hdcat::cli
