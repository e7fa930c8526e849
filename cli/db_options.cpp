#include "cli/db_options.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "catalog/store/migrations.h"

namespace hdcat::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDatabaseName = "hdcat";

// A conninfo value in single quotes, so paths with spaces or quotes stay one value.
std::string Quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}


// Creates the `hdcat` database in the checkout's cluster when it is missing.
Status EnsureDatabase(const DatabaseTarget& target) {
  auto admin = pg::Connection::Open("host=" + Quoted(target.socket_dir) + " user=postgres dbname=postgres");
  if (!admin.ok()) {
    Error error = admin.error();
    error.message += "\nstart the checkout's PostgreSQL with `bash scripts/pg.sh start " +
                     fs::path(target.socket_dir).parent_path().string() + "`, or name another with --db";
    return error;
  }
  auto exists = (*admin)->Exec("SELECT 1 FROM pg_database WHERE datname = $1", {kDatabaseName});
  if (!exists.ok()) return exists.error();
  if (!exists->empty()) return Status::Ok();
  // A constant name, so no value is built into the SQL.
  auto created = (*admin)->ExecScript("CREATE DATABASE hdcat TEMPLATE template0 ENCODING 'UTF8'");
  if (!created.ok()) {
    // Another process may have created it in the meantime.
    auto again = (*admin)->Exec("SELECT 1 FROM pg_database WHERE datname = $1", {kDatabaseName});
    if (again.ok() && !again->empty()) return Status::Ok();
    return created;
  }
  return Status::Ok();
}

}  // namespace

std::string RepoRoot() {
  if (const char* home = std::getenv("HDCAT_HOME"); home != nullptr && *home != '\0') return home;
  std::error_code ignored;
  fs::path here = fs::current_path(ignored);
  for (fs::path dir = here; !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / ".hdcat", ignored)) return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return here.string();
}

DatabaseTarget ResolveDatabase(const Args& args) {
  DatabaseTarget target;
  if (auto db = args.option("db")) {
    target.conninfo = *db;
    return target;
  }
  if (const char* url = std::getenv("HDCAT_DATABASE_URL"); url != nullptr && *url != '\0') {
    target.conninfo = url;
    return target;
  }
  target.checkout_cluster = true;
  target.socket_dir = (fs::path(RepoRoot()) / ".hdcat" / "pg" / "socket").string();
  target.conninfo = "host=" + Quoted(target.socket_dir) + " user=postgres dbname=" + kDatabaseName;
  return target;
}

Result<std::unique_ptr<pg::Connection>> ConnectDatabase(const Args& args) {
  DatabaseTarget target = ResolveDatabase(args);
  if (target.checkout_cluster) HDCAT_TRY(EnsureDatabase(target));
  return pg::Connection::Open(target.conninfo);
}

Result<std::unique_ptr<pg::Connection>> OpenDatabase(const Args& args) {
  auto conn = ConnectDatabase(args);
  if (!conn.ok()) return conn.error();
  HDCAT_TRY(catalog::Migrate(**conn));
  return conn;
}

}  // namespace hdcat::cli
