// hdcat reindex: rebuild the search index from the catalog, or apply the
// catalog changes it has not seen yet.
#include <cstdio>

#include "catalog/store/catalog_store.h"
#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"
#include "search/catalog_sync.h"
#include "search/directory_source.h"
#include "search/search_vocabulary.h"
#include "search/store_source.h"

namespace hdcat::cli {
namespace {

constexpr const char* kUsage =
    "usage: hdcat reindex [--sync] [--from-dir DIR] [--index DIR] [--db CONNINFO]\n\n"
    "Rebuilds the search index from the catalog in a new directory beside the live one and\n"
    "switches to it atomically, so searches never see a partial index. With --sync, applies\n"
    "only the catalog changes made since the index last saw the change log (what the harvest\n"
    "hook does after each harvest); an interrupted sync resumes where it stopped.\n\noptions:\n"
    "  --sync             apply recent changes instead of rebuilding\n"
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
