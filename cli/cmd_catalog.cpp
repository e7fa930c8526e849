// hdcat catalog: print the current catalog, holder by holder.
#include <cstdio>

#include "catalog/store/catalog_store.h"
#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"

namespace hdcat::cli {
namespace {

constexpr const char* kUsage =
    "usage: hdcat catalog [--holder HOLDER] [--withdrawn] [--db CONNINFO]\n\n"
    "Prints the current catalog: each holder, then its datasets with public id,\n"
    "identifier, number of versions, completeness grade and title (ja / en).\n\noptions:\n"
    "  --holder HOLDER    only this holder\n"
    "  --withdrawn        include withdrawn datasets (marked as such)\n";

int Fail(const Error& error) {
  std::fprintf(stderr, "hdcat catalog: %s\n", error.ToString().c_str());
  return ExitCodeFor(error);
}

std::string BothLanguages(const std::string& ja, const std::string& en) {
  if (ja.empty()) return en;
  if (en.empty()) return ja;
  return ja + " / " + en;
}

}  // namespace

int RunCatalog(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"db", "holder"});
  if (!args.ok() || args->help() || !args->positional().empty()) {
    bool help = args.ok() && args->help();
    if (!args.ok()) std::fprintf(stderr, "hdcat catalog: %s\n", args.error().message.c_str());
    std::fprintf(help ? stdout : stderr, "%s%s", kUsage, kDbOptionHelp);
    return help ? 0 : 2;
  }
  auto validator = catalog::Validator::Load();
  if (!validator.ok()) return Fail(validator.error());
  auto conn = OpenDatabase(*args);
  if (!conn.ok()) return Fail(conn.error());
  catalog::CatalogStore store(**conn, **validator);

  std::vector<catalog::HolderSummary> holders;
  if (auto only = args->option("holder")) {
    auto holder = store.GetHolder(*only);
    if (!holder.ok()) return Fail(holder.error());
    holders.push_back(holder->summary);
  } else {
    auto all = store.ListHolders();
    if (!all.ok()) return Fail(all.error());
    holders = std::move(all).value();
  }
  int datasets = 0;
  for (const auto& holder : holders) {
    std::printf("%s  %s  (%s, %d dataset%s)\n", holder.identifier.c_str(),
                BothLanguages(holder.name_ja, holder.name_en).c_str(), holder.holder_type.c_str(),
                holder.active_datasets, holder.active_datasets == 1 ? "" : "s");
    catalog::DatasetQuery query;
    query.holder = holder.identifier;
    query.include_withdrawn = args->flag("withdrawn");
    query.limit = 1000;
    for (;;) {
      auto page = store.ListDatasets(query);
      if (!page.ok()) return Fail(page.error());
      for (const auto& dataset : page->items) {
        ++datasets;
        std::printf("  %s  %-24s v%-3d %-2s %s%s\n", dataset.public_id.c_str(), dataset.identifier.c_str(),
                    dataset.version_count, dataset.grade.c_str(),
                    BothLanguages(dataset.title_ja, dataset.title_en).c_str(),
                    dataset.status == "withdrawn" ? "  [withdrawn]" : "");
      }
      query.offset += static_cast<int>(page->items.size());
      if (page->items.empty() || query.offset >= page->total) break;
    }
  }
  std::printf("%zu holder%s, %d dataset%s\n", holders.size(), holders.size() == 1 ? "" : "s", datasets,
              datasets == 1 ? "" : "s");
  return 0;
}

}  // namespace hdcat::cli
