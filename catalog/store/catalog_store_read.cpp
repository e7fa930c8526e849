// CatalogStore: reads (current catalog, history, change log).
#include "catalog/store/catalog_store.h"
#include "catalog/store/dataset_ref.h"

namespace hdcat::catalog {
namespace {

// Columns of DatasetSummary, for queries over `datasets d JOIN holders h`.
constexpr std::string_view kSummaryColumns =
    "d.public_id, h.identifier AS holder, d.identifier, d.status, coalesce(d.title_ja, '') AS title_ja,"
    " coalesce(d.title_en, '') AS title_en, coalesce(d.access_rights, '') AS access_rights,"
    " coalesce(d.modified, '') AS modified, d.version_count, coalesce(d.completeness, 0) AS completeness,"
    " coalesce(d.grade, '') AS grade, hdcat_utc_text(d.updated_at) AS updated_at";

DatasetSummary ReadSummary(const pg::QueryResult& rows, int row) {
  DatasetSummary out;
  out.public_id = rows.Text(row, "public_id");
  out.holder = rows.Text(row, "holder");
  out.identifier = rows.Text(row, "identifier");
  out.status = rows.Text(row, "status");
  out.title_ja = rows.Text(row, "title_ja");
  out.title_en = rows.Text(row, "title_en");
  out.access_rights = rows.Text(row, "access_rights");
  out.modified = rows.Text(row, "modified");
  out.version_count = static_cast<int>(rows.Int64(row, "version_count"));
  out.completeness = rows.Double(row, "completeness");
  out.grade = rows.Text(row, "grade");
  out.updated_at = rows.Text(row, "updated_at");
  return out;
}

constexpr std::string_view kHolderColumns =
    "h.identifier, coalesce(h.name_ja, '') AS name_ja, coalesce(h.name_en, '') AS name_en,"
    " coalesce(h.holder_type, '') AS holder_type, hdcat_utc_text(h.updated_at) AS updated_at,"
    " (SELECT count(*) FROM datasets d WHERE d.holder_id = h.id AND d.status = 'active') AS active_datasets";

HolderSummary ReadHolderSummary(const pg::QueryResult& rows, int row) {
  HolderSummary out;
  out.identifier = rows.Text(row, "identifier");
  out.name_ja = rows.Text(row, "name_ja");
  out.name_en = rows.Text(row, "name_en");
  out.holder_type = rows.Text(row, "holder_type");
  out.updated_at = rows.Text(row, "updated_at");
  out.active_datasets = static_cast<int>(rows.Int64(row, "active_datasets"));
  return out;
}

// Columns of DatasetRecord beyond the summary, for queries that also join `dataset_versions v`.
constexpr std::string_view kRecordColumns =
    ", v.document, v.content_hash, coalesce(d.withdrawn_reason, '') AS withdrawn_reason,"
    " hdcat_utc_text(d.created_at) AS created_at"
    " FROM datasets d JOIN holders h ON h.id = d.holder_id JOIN dataset_versions v ON v.id = d.current_version_id ";

Result<DatasetRecord> ReadRecord(const pg::QueryResult& rows, int row) {
  DatasetRecord out;
  out.summary = ReadSummary(rows, row);
  auto document = rows.JsonValue(row, "document");
  if (!document.ok()) return document.error();
  out.document = std::move(document).value();
  out.content_hash = rows.Text(row, "content_hash");
  out.withdrawn_reason = rows.Text(row, "withdrawn_reason");
  out.created_at = rows.Text(row, "created_at");
  return out;
}

Error DatasetNotFound(std::string_view dataset_ref) {
  return NotFound("no dataset '" + std::string(dataset_ref) + "' in the catalog");
}

}  // namespace

Result<CatalogStore::DatasetKey> CatalogStore::ResolveDataset(std::string_view dataset_ref) {
  auto ref = ParseDatasetRef(dataset_ref);
  if (!ref.ok()) return ref.error();
  constexpr std::string_view kSelect =
      "SELECT d.id, d.public_id, h.identifier AS holder, d.identifier, d.version_count"
      " FROM datasets d JOIN holders h ON h.id = d.holder_id ";
  auto rows = ref->public_id.empty()
                  ? conn_.Exec(std::string(kSelect) + "WHERE h.identifier = $1 AND d.identifier = $2",
                               {ref->holder, ref->identifier})
                  : conn_.Exec(std::string(kSelect) + "WHERE d.public_id = $1", {ref->public_id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return DatasetNotFound(dataset_ref);
  DatasetKey key;
  key.id = rows->Int64(0, "id");
  key.public_id = rows->Text(0, "public_id");
  key.holder = rows->Text(0, "holder");
  key.identifier = rows->Text(0, "identifier");
  key.version_count = static_cast<int>(rows->Int64(0, "version_count"));
  return key;
}

Result<HolderRecord> CatalogStore::GetHolder(std::string_view identifier) {
  auto rows = conn_.Exec("SELECT " + std::string(kHolderColumns) +
                             ", h.document, h.content_hash, hdcat_utc_text(h.created_at) AS created_at"
                             " FROM holders h WHERE h.identifier = $1",
                         {identifier});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return NotFound("no holder '" + std::string(identifier) + "' in the catalog");
  HolderRecord out;
  out.summary = ReadHolderSummary(*rows, 0);
  auto document = rows->JsonValue(0, "document");
  if (!document.ok()) return document.error();
  out.document = std::move(document).value();
  out.content_hash = rows->Text(0, "content_hash");
  out.created_at = rows->Text(0, "created_at");
  return out;
}

Result<std::vector<HolderSummary>> CatalogStore::ListHolders() {
  auto rows = conn_.Exec("SELECT " + std::string(kHolderColumns) + " FROM holders h ORDER BY h.identifier");
  if (!rows.ok()) return rows.error();
  std::vector<HolderSummary> out;
  for (int i = 0; i < rows->rows(); ++i) out.push_back(ReadHolderSummary(*rows, i));
  return out;
}

Result<DatasetRecord> CatalogStore::GetDataset(std::string_view dataset_ref) {
  auto key = ResolveDataset(dataset_ref);
  if (!key.ok()) return key.error();
  auto rows = conn_.Exec("SELECT " + std::string(kSummaryColumns) + std::string(kRecordColumns) + "WHERE d.id = $1",
                         {key->id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return DatasetNotFound(dataset_ref);
  return ReadRecord(*rows, 0);
}

Result<std::vector<DatasetRecord>> CatalogStore::CurrentDatasetsAfter(std::string_view after_public_id, int limit) {
  if (limit < 1 || limit > 10000) return InvalidInput("limit must be between 1 and 10000");
  auto rows = conn_.Exec("SELECT " + std::string(kSummaryColumns) + std::string(kRecordColumns) +
                             "WHERE d.status = 'active' AND d.public_id > $1 ORDER BY d.public_id LIMIT $2",
                         {after_public_id, limit});
  if (!rows.ok()) return rows.error();
  std::vector<DatasetRecord> out;
  for (int i = 0; i < rows->rows(); ++i) {
    auto record = ReadRecord(*rows, i);
    if (!record.ok()) return record.error();
    out.push_back(std::move(record).value());
  }
  return out;
}

Result<DatasetPage> CatalogStore::ListDatasets(const DatasetQuery& query) {
  if (query.limit < 1 || query.limit > 1000) return InvalidInput("limit must be between 1 and 1000");
  if (query.offset < 0) return InvalidInput("offset must not be negative");
  if (query.holder) HDCAT_TRY(GetHolder(*query.holder));  // an unknown holder is an error, not an empty list
  auto rows = conn_.Exec("SELECT " + std::string(kSummaryColumns) +
                             ", count(*) OVER () AS total FROM datasets d JOIN holders h ON h.id = d.holder_id"
                             " WHERE ($1::text IS NULL OR h.identifier = $1) AND ($2 OR d.status = 'active')"
                             " ORDER BY h.identifier, d.identifier LIMIT $3 OFFSET $4",
                         {query.holder, query.include_withdrawn, query.limit, query.offset});
  if (!rows.ok()) return rows.error();
  DatasetPage page;
  for (int i = 0; i < rows->rows(); ++i) page.items.push_back(ReadSummary(*rows, i));
  if (!rows->empty()) {
    page.total = rows->Int64(0, "total");
  } else if (query.offset > 0) {
    // Past the end: the window function saw no rows, so count separately.
    auto count = conn_.Exec(
        "SELECT count(*) FROM datasets d JOIN holders h ON h.id = d.holder_id"
        " WHERE ($1::text IS NULL OR h.identifier = $1) AND ($2 OR d.status = 'active')",
        {query.holder, query.include_withdrawn});
    if (!count.ok()) return count.error();
    page.total = count->Int64(0, 0);
  }
  return page;
}

Result<std::vector<VersionInfo>> CatalogStore::History(std::string_view dataset_ref) {
  auto key = ResolveDataset(dataset_ref);
  if (!key.ok()) return key.error();
  auto rows = conn_.Exec(
      "SELECT v.version_no, v.content_hash, hdcat_utc_text(v.created_at) AS created_at, v.source,"
      " v.id = d.current_version_id AS current"
      " FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE v.dataset_id = $1 ORDER BY v.version_no",
      {key->id});
  if (!rows.ok()) return rows.error();
  std::vector<VersionInfo> out;
  for (int i = 0; i < rows->rows(); ++i) {
    VersionInfo info;
    info.version_no = static_cast<int>(rows->Int64(i, "version_no"));
    info.content_hash = rows->Text(i, "content_hash");
    info.created_at = rows->Text(i, "created_at");
    info.source = rows->Text(i, "source");
    info.current = rows->Bool(i, "current");
    out.push_back(std::move(info));
  }
  return out;
}

Result<VersionRecord> CatalogStore::GetVersion(std::string_view dataset_ref, int version_no) {
  auto key = ResolveDataset(dataset_ref);
  if (!key.ok()) return key.error();
  auto rows = conn_.Exec(
      "SELECT v.content_hash, hdcat_utc_text(v.created_at) AS created_at, v.source, v.document,"
      " v.id = d.current_version_id AS current"
      " FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE v.dataset_id = $1 AND v.version_no = $2",
      {key->id, version_no});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) {
    return NotFound("dataset " + key->holder + "/" + key->identifier + " has no version " +
                    std::to_string(version_no) + " (it has versions 1 to " + std::to_string(key->version_count) +
                    ")");
  }
  VersionRecord out;
  out.info.version_no = version_no;
  out.info.content_hash = rows->Text(0, "content_hash");
  out.info.created_at = rows->Text(0, "created_at");
  out.info.source = rows->Text(0, "source");
  out.info.current = rows->Bool(0, "current");
  auto document = rows->JsonValue(0, "document");
  if (!document.ok()) return document.error();
  out.document = std::move(document).value();
  return out;
}

Result<std::vector<CatalogChange>> CatalogStore::ChangesAfter(std::int64_t after_id, int limit) {
  if (limit < 1 || limit > 10000) return InvalidInput("limit must be between 1 and 10000");
  auto rows = conn_.Exec(
      "SELECT c.id, c.subject, c.kind, h.identifier AS holder, coalesce(d.public_id, '') AS public_id,"
      " coalesce(d.identifier, '') AS dataset_identifier, coalesce(v.version_no, 0) AS version_no,"
      " hdcat_utc_text(c.committed_at) AS committed_at"
      " FROM catalog_changes c JOIN holders h ON h.id = c.holder_id"
      " LEFT JOIN datasets d ON d.id = c.dataset_id LEFT JOIN dataset_versions v ON v.id = c.version_id"
      " WHERE c.id > $1 ORDER BY c.id LIMIT $2",
      {after_id, limit});
  if (!rows.ok()) return rows.error();
  std::vector<CatalogChange> out;
  for (int i = 0; i < rows->rows(); ++i) {
    CatalogChange change;
    change.id = rows->Int64(i, "id");
    change.subject = rows->Text(i, "subject");
    change.kind = rows->Text(i, "kind");
    change.holder = rows->Text(i, "holder");
    change.public_id = rows->Text(i, "public_id");
    change.dataset_identifier = rows->Text(i, "dataset_identifier");
    change.version_no = static_cast<int>(rows->Int64(i, "version_no"));
    change.committed_at = rows->Text(i, "committed_at");
    out.push_back(std::move(change));
  }
  return out;
}

Result<std::int64_t> CatalogStore::LatestChangeId() {
  auto rows = conn_.Exec("SELECT coalesce(max(id), 0) FROM catalog_changes");
  if (!rows.ok()) return rows.error();
  return rows->Int64(0, 0);
}

}  // namespace hdcat::catalog
