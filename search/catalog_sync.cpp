#include "search/catalog_sync.h"

#include <map>

#include "search/index_schema.h"

namespace hdcat::search {
namespace {

constexpr int kListBatch = 500;
constexpr std::int64_t kDatasetsPerCommit = 2000;

Result<Json> HolderOf(CatalogSource& source, const Json& dataset, std::map<std::string, Json>& cache) {
  std::string holder_id = dataset.value("holder", "");
  auto cached = cache.find(holder_id);
  if (cached != cache.end()) return cached->second;
  auto holder = source.GetHolder(holder_id);
  if (!holder.ok()) return holder.error();
  Json value = holder->has_value() ? **holder : Json();
  cache.emplace(holder_id, value);
  return value;
}

Status IndexEntry(CatalogSource& source, const DocumentBuilder& builder, IndexWriter& writer,
                  const CatalogEntry& entry, std::map<std::string, Json>& holders, std::int64_t* variables) {
  auto holder = HolderOf(source, entry.dataset, holders);
  if (!holder.ok()) return holder.error();
  BuildOptions options;
  options.completeness = entry.completeness;
  if (!entry.quality_grade.empty()) options.quality_grade = entry.quality_grade;
  options.stored_at = entry.stored_at;
  options.first_stored_at = entry.first_stored_at;
  auto built = builder.Build(entry.dataset, *holder, options);
  if (!built.ok()) return built.error();
  if (variables != nullptr) *variables += static_cast<std::int64_t>(built->variables.size());
  return writer.Upsert(*built);
}

Status ReindexDataset(CatalogSource& source, const DocumentBuilder& builder, IndexWriter& writer,
                      const std::string& public_id, std::map<std::string, Json>& holders) {
  auto entry = source.GetDataset(public_id);
  if (!entry.ok()) return entry.error();
  if (!entry->has_value()) return writer.Delete(public_id);
  return IndexEntry(source, builder, writer, **entry, holders, nullptr);
}

}  // namespace

Result<RebuildStats> RebuildIndex(CatalogSource& source, const DocumentBuilder& builder, const IndexManager& index) {
  RebuildStats stats;
  auto latest = source.LatestChangeId();
  if (!latest.ok()) return latest.error();
  stats.last_change_id = *latest;
  auto path = index.CreateVersion();
  if (!path.ok()) return path.error();
  stats.version_path = *path;
  {
    Xapian::WritableDatabase database;
    try {
      database = Xapian::WritableDatabase(*path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& error) {
      return XapianError(error, "create " + *path);
    }
    IndexWriter writer(database);
    std::map<std::string, Json> holders;
    std::string after;
    std::int64_t since_commit = 0;
    while (true) {
      auto batch = source.ListDatasets(after, kListBatch);
      if (!batch.ok()) return batch.error();
      if (batch->empty()) break;
      for (const CatalogEntry& entry : *batch) {
        HDCAT_TRY(IndexEntry(source, builder, writer, entry, holders, &stats.variables));
        ++stats.datasets;
        if (++since_commit >= kDatasetsPerCommit) {
          HDCAT_TRY(writer.Commit());
          since_commit = 0;
        }
      }
      auto last_id = DatasetPublicId(batch->back().dataset);
      if (!last_id.ok()) return last_id.error();
      after = *last_id;
    }
    HDCAT_TRY(writer.SetLastChangeId(stats.last_change_id));
    try {
      database.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
      database.commit();
      database.close();
    } catch (const Xapian::Error& error) {
      return XapianError(error, "finish " + *path);
    }
  }
  HDCAT_TRY(index.Publish(*path));
  return stats;
}

Result<SyncStats> SyncFromCatalog(CatalogSource& source, const DocumentBuilder& builder, IndexWriter& writer,
                                  int batch_size, int max_batches) {
  SyncStats stats;
  auto last = writer.LastChangeId();
  if (!last.ok()) return last.error();
  stats.last_change_id = *last;
  std::map<std::string, Json> holders;
  for (int batches = 0;; ++batches) {
    if (max_batches > 0 && batches == max_batches) {
      stats.caught_up = false;
      break;
    }
    auto changes = source.ChangesAfter(stats.last_change_id, batch_size);
    if (!changes.ok()) return changes.error();
    if (changes->empty()) break;
    holders.clear();  // a holder may have changed within this batch
    for (const CatalogChange& change : *changes) {
      if (change.entity == CatalogChange::Entity::kDataset) {
        if (change.deleted) {
          HDCAT_TRY(writer.Delete(change.id));
        } else {
          HDCAT_TRY(ReindexDataset(source, builder, writer, change.id, holders));
        }
      } else {
        auto datasets = writer.DatasetsOfHolder(change.id);
        if (!datasets.ok()) return datasets.error();
        for (const std::string& public_id : *datasets) {
          HDCAT_TRY(ReindexDataset(source, builder, writer, public_id, holders));
        }
      }
      ++stats.changes_applied;
      stats.last_change_id = change.change_id;
    }
    HDCAT_TRY(writer.SetLastChangeId(stats.last_change_id));
    HDCAT_TRY(writer.Commit());
  }
  return stats;
}

Result<SyncStats> SyncFromCatalog(CatalogSource& source, const DocumentBuilder& builder, const IndexManager& index) {
  auto database = index.OpenForWriting();
  if (!database.ok()) return database.error();
  IndexWriter writer(std::move(*database));
  return SyncFromCatalog(source, builder, writer);
}

}  // namespace hdcat::search
