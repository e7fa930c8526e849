// hdcat reindex: rebuild the search index from the catalog, apply the
// catalog changes it has not seen yet, or keep applying them as they come.
#include <cstdio>

#include "catalog/store/catalog_store.h"
#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"
#include "search/catalog_sync.h"
#include "search/directory_source.h"
#include "search/index_sync_loop.h"
#include "search/search_vocabulary.h"
#include "search/store_source.h"
#include "web/server/termination_signals.h"

namespace hdcat::cli {
namespace {

constexpr const char* kUsage =
    "usage: hdcat reindex [--sync | --follow] [--from-dir DIR] [--index DIR] [--db CONNINFO]\n\n"
    "Rebuilds the search index from the catalog in a new directory beside the live one and\n"
    "switches to it atomically, so searches never see a partial index. With --sync, applies\n"
    "only the catalog changes made since the index last saw the change log; an interrupted\n"
    "sync resumes where it stopped. With --follow, keeps doing so as changes are committed\n"
    "(woken by the catalog's notifications, polling as a fallback, reconnecting after a\n"
    "database restart) until SIGTERM or SIGINT: what `hdcat serve` does by itself unless\n"
    "started with --no-index-sync.\n\noptions:\n"
    "  --sync             apply recent changes instead of rebuilding\n"
    "  --follow           apply changes continuously (needs the database, not --from-dir)\n"
    "  --from-dir DIR     build from the JSON descriptions under DIR (e.g. samples/), no database\n"
    "  --index DIR        the search index (default <repo>/.hdcat/index)\n";

int Fail(const Error& error) {
  std::fprintf(stderr, "hdcat reindex: %s\n", error.ToString().c_str());
  return ExitCodeFor(error);
}

int Run(search::CatalogSource& source, const search::IndexManager& index, bool sync) {
  auto vocabulary = search::SearchVocabulary::LoadEmbedded();
  if (!vocabulary.ok()) return Fail(vocabulary.error());
  search::DocumentBuilder builder((*vocabulary)->coding_systems);
  if (sync) {
    auto stats = search::SyncFromCatalog(source, builder, index);
    if (!stats.ok()) return Fail(stats.error());
    std::printf("applied %lld change%s; the index is at change %lld\n", static_cast<long long>(stats->changes_applied),
                stats->changes_applied == 1 ? "" : "s", static_cast<long long>(stats->last_change_id));
    return 0;
  }
  auto stats = search::RebuildIndex(source, builder, index);
  if (!stats.ok()) return Fail(stats.error());
  std::printf("indexed %lld dataset%s and %lld variable%s into %s (change %lld)\n",
              static_cast<long long>(stats->datasets), stats->datasets == 1 ? "" : "s",
              static_cast<long long>(stats->variables), stats->variables == 1 ? "" : "s",
              stats->version_path.c_str(), static_cast<long long>(stats->last_change_id));
  // Changes committed while the rebuild read the catalog.
  auto caught_up = search::SyncFromCatalog(source, builder, index);
  if (!caught_up.ok()) return Fail(caught_up.error());
  if (caught_up->changes_applied > 0) {
    std::printf("then applied %lld change%s made during the rebuild\n",
                static_cast<long long>(caught_up->changes_applied), caught_up->changes_applied == 1 ? "" : "s");
  }
  return 0;
}

int Follow(const Args& args, const search::IndexManager& index) {
  auto validator = catalog::Validator::Load();
  if (!validator.ok()) return Fail(validator.error());
  // Brings the schema up to date; a database that is down now is retried by the loop.
  if (auto db = OpenDatabase(args); !db.ok()) {
    std::fprintf(stderr, "hdcat reindex: warning: %s\n", db.error().ToString().c_str());
  }
  search::IndexSyncOptions options;
  options.conninfo = ResolveDatabase(args).conninfo;
  options.index_root = index.root();
  auto loop = search::IndexSyncLoop::Create(std::move(options), *validator);
  if (!loop.ok()) return Fail(loop.error());
  // Signals are blocked before the loop's thread exists, so only sigwait sees them.
  web::BlockTerminationSignals();
  if (auto started = (*loop)->Start(); !started.ok()) return Fail(started.error());
  std::fprintf(stderr, "hdcat reindex: following the catalog change log into %s\n", index.root().c_str());
  int signal_number = web::WaitForTerminationSignal();
  (*loop)->Stop();
  std::fprintf(stderr, "hdcat reindex: signal %d, stopped at change %lld\n", signal_number,
               static_cast<long long>((*loop)->last_change_id()));
  return 0;
}

}  // namespace

int RunReindex(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"db", "index", "from-dir"});
  if (!args.ok() || args->help() || !args->positional().empty()) {
    bool help = args.ok() && args->help();
    if (!args.ok()) std::fprintf(stderr, "hdcat reindex: %s\n", args.error().message.c_str());
    std::fprintf(help ? stdout : stderr, "%s%s", kUsage, kDbOptionHelp);
    return help ? 0 : 2;
  }
  search::IndexManager index(args->option_or("index", DefaultIndexDir()));
  bool sync = args->flag("sync");
  if (args->flag("follow")) {
    if (sync || args->option("from-dir")) {
      std::fprintf(stderr, "hdcat reindex: --follow goes with neither --sync nor --from-dir\n");
      return 2;
    }
    return Follow(*args, index);
  }
  if (auto dir = args->option("from-dir")) {
    auto source = search::DirectorySource::Open(*dir);
    if (!source.ok()) return Fail(source.error());
    return Run(*source, index, sync);
  }
  auto validator = catalog::Validator::Load();
  if (!validator.ok()) return Fail(validator.error());
  auto conn = OpenDatabase(*args);
  if (!conn.ok()) return Fail(conn.error());
  catalog::CatalogStore store(**conn, **validator);
  search::StoreSource source(store);
  return Run(source, index, sync);
}

}  // namespace hdcat::cli
