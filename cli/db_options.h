// Which PostgreSQL database a command uses, shared by every command that needs one.
//
// In order of precedence:
//   1. `--db CONNINFO` (a libpq conninfo string or postgresql:// URI);
//   2. the environment variable HDCAT_DATABASE_URL;
//   3. the checkout's own cluster: "host=<repo>/.hdcat/pg/socket user=postgres
//      dbname=hdcat", where <repo> is $HDCAT_HOME if set, else the nearest
//      directory from the current one upwards that contains `.hdcat/`, else
//      the current directory. That cluster is started with
//      `scripts/pg.sh start <repo>/.hdcat/pg`; the database `hdcat` in it is
//      created on first use.
// OpenDatabase also applies pending migrations, so every command sees the
// schema it was built for.
//
// Thread-safety: reads the environment; call from the main thread.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "catalog/pg/connection.h"
#include "cli/args.h"

namespace hdcat::cli {

// One line for each command's --help.
inline constexpr const char* kDbOptionHelp =
    "  --db CONNINFO      PostgreSQL to use (default: $HDCAT_DATABASE_URL, else the checkout's\n"
    "                     cluster at <repo>/.hdcat/pg, <repo> = $HDCAT_HOME or the nearest\n"
    "                     directory upwards holding .hdcat/)\n";

struct DatabaseTarget {
  std::string conninfo;
  bool checkout_cluster = false;  // case 3 above
  std::string socket_dir;         // for case 3
};

// The checkout's root: $HDCAT_HOME if set, else the nearest directory from the
// current one upwards that contains `.hdcat/`, else the current directory.
std::string RepoRoot();

DatabaseTarget ResolveDatabase(const Args& args);

// Connects without migrating (for `hdcat migrate`, which reports what it applies).
Result<std::unique_ptr<pg::Connection>> ConnectDatabase(const Args& args);

// Connects and applies pending migrations.
Result<std::unique_ptr<pg::Connection>> OpenDatabase(const Args& args);

}  // namespace hdcat::cli
