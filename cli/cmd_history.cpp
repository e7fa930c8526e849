// hdcat history: the versions of one dataset, and what changed between two.
#include <cstdio>
#include <cstdlib>

#include "catalog/store/catalog_store.h"
#include "catalog/store/json_diff.h"
#include "cli/commands.h"
#include "cli/db_options.h"
#include "cli/exit_code.h"

namespace hdcat::cli {
namespace {

constexpr const char* kUsage =
    "usage: hdcat history DATASET [--diff [A [B]]] [--db CONNINFO]\n\n"
    "Lists the versions of a dataset (DATASET is its public id ds-... or holder/identifier):\n"
    "number, time (UTC), content hash, source, and which one is current.\n"
    "With --diff, shows what changed from version A to version B, path by path\n"
    "(B defaults to the current version, A to the one before B).\n\noptions:\n"
    "  --diff [A [B]]     compare two versions instead of listing them\n";

int Fail(const Error& error) {
  std::fprintf(stderr, "hdcat history: %s\n", error.ToString().c_str());
  return ExitCodeFor(error);
}

Result<int> VersionNumber(const std::string& text) {
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 1 || value > 1000000000) {
    return InvalidInput("'" + text + "' is not a version number");
  }
  return static_cast<int>(value);
}

int PrintDiff(catalog::CatalogStore& store, const std::string& dataset, const std::vector<std::string>& numbers,
              int current) {
  int to = current;
  int from = current - 1;
  if (numbers.size() == 2) {
    auto b = VersionNumber(numbers[1]);
    if (!b.ok()) return Fail(b.error());
    to = *b;
  }
  if (!numbers.empty()) {
    auto a = VersionNumber(numbers[0]);
    if (!a.ok()) return Fail(a.error());
    from = *a;
  } else {
    from = to - 1;
  }
  if (from < 1) {
    std::printf("%s has only one version; nothing to compare\n", dataset.c_str());
    return 0;
  }
  auto older = store.GetVersion(dataset, from);
  if (!older.ok()) return Fail(older.error());
  auto newer = store.GetVersion(dataset, to);
  if (!newer.ok()) return Fail(newer.error());
  std::printf("--- v%d %s %s\n+++ v%d %s %s\n", from, older->info.created_at.c_str(), older->info.source.c_str(), to,
              newer->info.created_at.c_str(), newer->info.source.c_str());
  auto changes = catalog::DiffJson(older->document, newer->document);
  for (const auto& change : changes) {
    switch (change.op) {
      case catalog::JsonChange::Op::kAdd:
        std::printf("+ %s: %s\n", change.path.c_str(), change.new_value.dump().c_str());
        break;
      case catalog::JsonChange::Op::kRemove:
        std::printf("- %s: %s\n", change.path.c_str(), change.old_value.dump().c_str());
        break;
      case catalog::JsonChange::Op::kReplace:
        std::printf("~ %s: %s -> %s\n", change.path.c_str(), change.old_value.dump().c_str(),
                    change.new_value.dump().c_str());
        break;
    }
  }
  std::printf("%zu change%s\n", changes.size(), changes.size() == 1 ? "" : "s");
  return 0;
}

}  // namespace

int RunHistory(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"db"});
  bool diff = args.ok() && args->flag("diff");
  std::size_t max_positional = diff ? 3 : 1;
  if (!args.ok() || args->help() || args->positional().empty() || args->positional().size() > max_positional) {
    bool help = args.ok() && args->help();
    if (!args.ok()) std::fprintf(stderr, "hdcat history: %s\n", args.error().message.c_str());
    std::fprintf(help ? stdout : stderr, "%s%s", kUsage, kDbOptionHelp);
    return help ? 0 : 2;
  }
  const std::string& dataset = args->positional()[0];
  auto validator = catalog::Validator::Load();
  if (!validator.ok()) return Fail(validator.error());
  auto conn = OpenDatabase(*args);
  if (!conn.ok()) return Fail(conn.error());
  catalog::CatalogStore store(**conn, **validator);
  auto record = store.GetDataset(dataset);
  if (!record.ok()) return Fail(record.error());
  if (diff) {
    std::vector<std::string> numbers(args->positional().begin() + 1, args->positional().end());
    return PrintDiff(store, dataset, numbers, record->summary.version_count);
  }
  auto versions = store.History(dataset);
  if (!versions.ok()) return Fail(versions.error());
  const auto& summary = record->summary;
  std::printf("%s %s/%s%s\n", summary.public_id.c_str(), summary.holder.c_str(), summary.identifier.c_str(),
              summary.status == "withdrawn" ? ("  WITHDRAWN: " + record->withdrawn_reason).c_str() : "");
  for (const auto& version : *versions) {
    std::printf("v%-4d %s  sha256:%.12s  %s%s\n", version.version_no, version.created_at.c_str(),
                version.content_hash.c_str(), version.source.c_str(), version.current ? "  (current)" : "");
  }
  return 0;
}

}  // namespace hdcat::cli
