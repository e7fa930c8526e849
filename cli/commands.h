// The `hdcat` subcommands. Each is one function in its own cmd_*.cpp file,
// taking argv from the subcommand name on, and returning the process exit code
// (0 success, 1 the input or the state was wrong, 2 usage error, 3 cannot
// reach a dependency). Each prints its own `--help`.
#pragma once

#include <string>
#include <string_view>

namespace hdcat::cli {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(int argc, char** argv);
};

int RunValidate(int argc, char** argv);
int RunMigrate(int argc, char** argv);
int RunLoad(int argc, char** argv);
int RunHistory(int argc, char** argv);
int RunCatalog(int argc, char** argv);
int RunServe(int argc, char** argv);
int RunSearch(int argc, char** argv);
int RunReindex(int argc, char** argv);
int RunSource(int argc, char** argv);
int RunHarvest(int argc, char** argv);
int RunSampleHolders(int argc, char** argv);
int RunAccount(int argc, char** argv);

// Where the search index lives unless --index says otherwise: <repo>/.hdcat/index.
std::string DefaultIndexDir();

}  // namespace hdcat::cli
