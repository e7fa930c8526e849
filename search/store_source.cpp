#include "search/store_source.h"

namespace hdcat::search {
namespace {

CatalogEntry EntryOf(const catalog::DatasetRecord& record) {
  CatalogEntry entry;
  entry.dataset = record.document;
  entry.completeness = record.summary.completeness;
  entry.quality_grade = record.summary.grade;
  entry.stored_at = record.summary.updated_at;
  entry.first_stored_at = record.created_at;
  return entry;
}

}  // namespace

Result<std::int64_t> StoreSource::LatestChangeId() { return store_.LatestChangeId(); }

Result<std::vector<CatalogChange>> StoreSource::ChangesAfter(std::int64_t after, int limit) {
  auto rows = store_.ChangesAfter(after, limit);
  if (!rows.ok()) return rows.error();
  std::vector<CatalogChange> changes;
  changes.reserve(rows->size());
  for (const catalog::CatalogChange& row : *rows) {
    CatalogChange change;
    change.change_id = row.id;
    if (row.subject == "holder") {
      change.entity = CatalogChange::Entity::kHolder;
      change.id = row.holder;
    } else {
      change.entity = CatalogChange::Entity::kDataset;
      change.id = row.public_id;
      change.deleted = row.kind == "withdrawn";
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

Result<std::vector<CatalogEntry>> StoreSource::ListDatasets(const std::string& after_public_id, int limit) {
  auto records = store_.CurrentDatasetsAfter(after_public_id, limit);
  if (!records.ok()) return records.error();
  std::vector<CatalogEntry> entries;
  entries.reserve(records->size());
  for (const catalog::DatasetRecord& record : *records) entries.push_back(EntryOf(record));
  return entries;
}

Result<std::optional<CatalogEntry>> StoreSource::GetDataset(const std::string& public_id) {
  auto record = store_.GetDataset(public_id);
  if (!record.ok()) {
    if (record.error().kind == ErrorKind::kNotFound) return std::optional<CatalogEntry>();
    return record.error();
  }
  if (record->summary.status != "active") return std::optional<CatalogEntry>();
  return std::optional<CatalogEntry>(EntryOf(*record));
}

Result<std::optional<Json>> StoreSource::GetHolder(const std::string& holder_id) {
  auto record = store_.GetHolder(holder_id);
  if (!record.ok()) {
    if (record.error().kind == ErrorKind::kNotFound) return std::optional<Json>();
    return record.error();
  }
  return std::optional<Json>(record->document);
}

}  // namespace hdcat::search
