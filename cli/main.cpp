// hdcat: the health-data catalog. One executable; one subcommand per task.
#include <cstdio>
#include <string>
#include <string_view>

#include "cli/commands.h"

namespace {

using hdcat::cli::Command;

constexpr Command kCommands[] = {
    {"validate", "check dataset and holder descriptions; print errors, warnings and a completeness grade",
     hdcat::cli::RunValidate},
    {"migrate", "bring the database schema up to date", hdcat::cli::RunMigrate},
    {"load", "validate and store holder and dataset descriptions from files", hdcat::cli::RunLoad},
    {"history", "list the versions of a dataset, or show what changed between two", hdcat::cli::RunHistory},
    {"catalog", "print the current catalog: holders and their datasets", hdcat::cli::RunCatalog},
    {"serve", "run the web service: pages, the JSON API, /health and /ready", hdcat::cli::RunServe},
    {"search", "search datasets and variables by words, codes and facets", hdcat::cli::RunSearch},
    {"reindex", "rebuild the search index from the catalog (or --sync / --follow its changes)", hdcat::cli::RunReindex},
    {"source", "register, list, show, disable and enable harvest sources", hdcat::cli::RunSource},
    {"harvest", "harvest a source now, every due source, or run as a worker; job reports", hdcat::cli::RunHarvest},
    {"sample-holders", "serve samples/ on 127.0.0.1 as holder endpoints in several formats", hdcat::cli::RunSampleHolders},
    {"account", "create, list and disable the accounts of the self-service pages", hdcat::cli::RunAccount},
};

void PrintHelp() {
  std::printf(
      "hdcat - health-data catalog and metadata discovery service\n\n"
      "usage: hdcat <command> [options]\n\ncommands:\n");
  for (const auto& command : kCommands) {
    std::printf("  %-15s %.*s\n", std::string(command.name).c_str(), static_cast<int>(command.summary.size()),
                command.summary.data());
  }
  std::printf("\n`hdcat <command> --help` describes each command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h" ||
      std::string_view(argv[1]) == "help") {
    PrintHelp();
    return argc < 2 ? 2 : 0;
  }
  for (const auto& command : kCommands) {
    if (command.name == argv[1]) return command.run(argc, argv);
  }
  std::fprintf(stderr, "hdcat: unknown command '%s'; `hdcat --help` lists them\n", argv[1]);
  return 2;
}
