// hdcat migrate: bring the database schema up to date.
#include <cstdio>

#include "catalog/store/migrations.h"
#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"

namespace hdcat::cli {

int RunMigrate(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"db"});
  if (!args.ok() || args->help() || !args->positional().empty()) {
    std::FILE* out = args.ok() && args->help() ? stdout : stderr;
    if (!args.ok()) std::fprintf(stderr, "hdcat migrate: %s\n", args.error().message.c_str());
    std::fprintf(out,
                 "usage: hdcat migrate [--db CONNINFO]\n\n"
                 "Applies the schema migrations this binary carries that the database lacks,\n"
                 "each in its own transaction. Safe to run from several processes at once.\n"
                 "Every command that uses the database also does this on start.\n\noptions:\n%s",
                 kDbOptionHelp);
    return args.ok() && args->help() ? 0 : 2;
  }
  auto conn = ConnectDatabase(*args);
  if (!conn.ok()) {
    std::fprintf(stderr, "hdcat migrate: %s\n", conn.error().ToString().c_str());
    return ExitCodeFor(conn.error());
  }
  auto report = catalog::Migrate(**conn);
  if (!report.ok()) {
    std::fprintf(stderr, "hdcat migrate: %s\n", report.error().ToString().c_str());
    return ExitCodeFor(report.error());
  }
  for (const auto& name : report->applied) std::printf("applied %s\n", name.c_str());
  std::printf("schema is at version %d%s\n", report->current_version,
              report->applied.empty() ? " (already up to date)" : "");
  return 0;
}

}  // namespace hdcat::cli
