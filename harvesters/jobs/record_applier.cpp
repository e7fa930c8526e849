#include "harvesters/jobs/record_applier.h"

#include <unordered_map>

#include "base/hash.h"
#include "catalog/pg/transaction.h"
#include "catalog/store/dataset_ref.h"
#include "harvesters/jobs/stored_text.h"

namespace hdcat::harvesters {
namespace {

constexpr std::size_t kMaxMessageBytes = 4096;
constexpr std::size_t kMaxIdentifierBytes = 1024;
constexpr std::size_t kMaxWarnings = 100;

// A failure that says the database itself is gone: the job cannot go on.
bool IsFatal(const Error& error, const pg::Connection& conn) {
  return error.kind == ErrorKind::kUnavailable || !conn.healthy();
}

std::string TextField(const Json& document, const char* field) {
  auto it = document.find(field);
  return it != document.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string StoreErrorKind(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kInvalidInput: return "validation";
    case ErrorKind::kConflict:
    case ErrorKind::kForbidden: return "conflict";
    case ErrorKind::kNotFound: return "not_found";
    case ErrorKind::kTooLarge: return "too_large";
    default: return std::string(ErrorKindName(error.kind));
  }
}

std::string MappingErrorKind(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kConflict:
    case ErrorKind::kForbidden: return "conflict";
    case ErrorKind::kTooLarge: return "too_large";
    default: return "mapping";
  }
}

RecordApplier::RecordApplier(pg::Connection& conn, catalog::CatalogStore& store, ApplierContext context,
                             JobObserver* observer)
    : conn_(conn), store_(store), context_(std::move(context)), observer_(observer) {}

void RecordApplier::Warn(std::string warning) {
  if (warnings_.size() < kMaxWarnings) warnings_.push_back(warning);
  if (observer_ != nullptr) observer_->OnMessage(warning);
}

Status RecordApplier::ApplyBatch(std::vector<SourceRecord>& batch) {
  // One transaction per batch, one savepoint per record (ApplyOne): a bad
  // record still undoes only its own work, and the batch costs one commit.
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  HDCAT_TRY(ApplyRecords(batch));
  return tx->Commit();
}

Status RecordApplier::ApplyRecords(std::vector<SourceRecord>& batch) {
  std::vector<std::string> ids;
  ids.reserve(batch.size());
  Json id_list = Json::array();
  for (std::size_t i = 0; i < batch.size(); ++i) {
    std::string id = StoredText(batch[i].record_identifier, kMaxIdentifierBytes);
    if (id.empty()) id = "(record without identifier on " + StoredText(batch[i].page_url, 512) + ")";
    id_list.push_back(id);
    ids.push_back(std::move(id));
  }
  auto rows = conn_.Exec(
      "SELECT record_identifier, state, coalesce(last_content_hash, '') AS hash FROM harvest_source_records"
      " WHERE source_id = $1 AND record_identifier IN (SELECT jsonb_array_elements_text($2::jsonb))",
      {context_.source_id, id_list.dump()});
  if (!rows.ok()) return rows.error();
  std::unordered_map<std::string, KnownState> known;
  for (int i = 0; i < rows->rows(); ++i) {
    known[std::string(rows->Text(i, "record_identifier"))] = {std::string(rows->Text(i, "state")),
                                                               std::string(rows->Text(i, "hash"))};
  }

  std::vector<std::pair<std::string, std::string>> unchanged;  // (record id, hash)
  for (std::size_t i = 0; i < batch.size(); ++i) {
    SourceRecord& record = batch[i];
    ++counts_.seen;
    if (record.holder && !holder_seen_) ApplyHolder(*record.holder);
    if (!record.ok()) {
      HDCAT_TRY(RecordError(record, ids[i], *record.error, MappingErrorKind(*record.error), ""));
      continue;
    }
    std::string hash = Sha256Hex(CanonicalJson(record.document));
    auto state = known.find(ids[i]);
    if (record.kind == RecordKind::kDataset && state != known.end() && state->second.state == "active" &&
        state->second.hash == hash) {
      unchanged.emplace_back(ids[i], std::move(hash));
      continue;
    }
    HDCAT_TRY(ApplyOne(record, ids[i], hash));
  }
  return FlushUnchanged(unchanged);
}

void RecordApplier::ApplyHolder(const Json& holder) {
  holder_seen_ = true;
  if (!holder.is_object()) return;
  std::string identifier = TextField(holder, "identifier");
  if (identifier.empty()) return;
  if (identifier != context_.holder) {
    Warn("the source describes holder '" + identifier + "', but it publishes for '" + context_.holder +
         "'; that holder description was ignored");
    return;
  }
  auto put = store_.PutHolder(holder, "harvest:" + context_.source_name);
  if (!put.ok()) Warn("the holder description the source publishes was not stored: " + put.error().ToString());
}

Status RecordApplier::ApplyOne(SourceRecord& record, const std::string& record_id, const std::string& hash) {
  auto record_tx = pg::Transaction::Begin(conn_);
  if (!record_tx.ok()) return record_tx.error();
  auto stored = record.kind == RecordKind::kVariables ? StoreVariables(record, record_id, hash)
                                                      : StoreDataset(record, record_id, hash);
  std::string dataset = TextField(record.document, "holder") + "/" + TextField(record.document, "identifier");
  if (!stored.ok()) {
    record_tx->Rollback();
    if (IsFatal(stored.error(), conn_)) return stored.error();
    return RecordError(record, record_id, stored.error(), StoreErrorKind(stored.error()), dataset);
  }
  HDCAT_TRY(WriteRecord(record, record_id, stored->outcome, stored->public_id, hash, nullptr, ""));
  HDCAT_TRY(record_tx->Commit());
  counts_.Count(stored->outcome);
  if (observer_ != nullptr) observer_->OnRecord({stored->outcome, record_id, stored->dataset, "", ""}, counts_);
  return Status::Ok();
}

Result<RecordApplier::Stored> RecordApplier::StoreDataset(const SourceRecord& record, const std::string& record_id,
                                                         const std::string& hash) {
  const Json& document = record.document;
  std::string holder = TextField(document, "holder");
  std::string identifier = TextField(document, "identifier");
  if (holder != context_.holder) {
    Error error = Conflict("record " + record_id + " describes a dataset of holder '" + holder + "', but source '" +
                           context_.source_name + "' publishes only for '" + context_.holder + "'");
    error.pointer = "/holder";
    error.expected = context_.holder;
    return error;
  }
  if (!catalog::IsIdentifier(identifier)) {
    Error error = InvalidInput("record " + record_id + " has no valid dataset identifier");
    error.pointer = "/identifier";
    error.expected = "^[a-z0-9][a-z0-9._-]{0,127}$";
    return error;
  }
  // The first source (and record) to claim a dataset owns it.
  auto owner = conn_.Exec(
      "SELECT s.name, r.source_id, r.record_identifier, r.last_seen_job_id IS NOT DISTINCT FROM $5 AS seen_now"
      " FROM harvest_source_records r JOIN harvest_sources s ON s.id = r.source_id"
      " WHERE r.kind = 'dataset' AND r.holder_id = $1 AND r.dataset_identifier = $2"
      " AND NOT (r.source_id = $3 AND r.record_identifier = $4)",
      {context_.holder_id, identifier, context_.source_id, record_id, context_.job_id});
  if (!owner.ok()) return owner.error();
  if (!owner->empty()) {
    const bool same_source = owner->Int64(0, "source_id") == context_.source_id;
    std::string other_record(owner->Text(0, "record_identifier"));
    if (same_source && !owner->Bool(0, "seen_now")) {
      // The source renamed the record (e.g. a new IRI) and this job has not seen the old name:
      // the dataset stays this source's, under the new record identifier.
      auto moved = conn_.Exec("DELETE FROM harvest_source_records WHERE source_id = $1 AND record_identifier = $2",
                              {context_.source_id, other_record});
      if (!moved.ok()) return moved.error();
    } else {
      Error error = Conflict(
          "dataset " + holder + "/" + identifier + " is already harvested from " +
          (same_source ? std::string("another record of this source")
                       : "source '" + std::string(owner->Text(0, "name")) + "'") +
          " (record " + other_record +
          "); the first source to publish an identifier owns it, so this record was not stored");
      error.pointer = "/identifier";
      return error;
    }
  }
  auto claimed = conn_.Exec(
      "INSERT INTO harvest_source_records (source_id, record_identifier, kind, holder_id, dataset_identifier)"
      " VALUES ($1, $2, 'dataset', $3, $4) ON CONFLICT (source_id, record_identifier) DO UPDATE"
      " SET dataset_identifier = EXCLUDED.dataset_identifier, kind = 'dataset', updated_at = now()",
      {context_.source_id, record_id, context_.holder_id, identifier});
  if (!claimed.ok()) return claimed.error();  // a concurrent claim of the same dataset is a kConflict too

  auto put = store_.PutDataset(document, "harvest:" + context_.source_name, context_.holder);
  if (!put.ok()) return put.error();
  Stored out;
  out.public_id = put->public_id;
  out.dataset = put->holder + "/" + put->identifier;
  switch (put->outcome) {
    case catalog::PutOutcome::kCreated: out.outcome = RecordOutcome::kAdded; break;
    case catalog::PutOutcome::kUpdated: out.outcome = RecordOutcome::kUpdated; break;
    case catalog::PutOutcome::kRestored: out.outcome = RecordOutcome::kRestored; break;
    case catalog::PutOutcome::kUnchanged: out.outcome = RecordOutcome::kUnchanged; break;
  }
  auto state = conn_.Exec(
      "UPDATE harvest_source_records SET state = 'active', last_content_hash = $3, dataset_public_id = $4,"
      " last_seen_job_id = $5, updated_at = now() WHERE source_id = $1 AND record_identifier = $2",
      {context_.source_id, record_id, hash, out.public_id, context_.job_id});
  if (!state.ok()) return state.error();
  return out;
}

Result<RecordApplier::Stored> RecordApplier::StoreVariables(const SourceRecord& record, const std::string& record_id,
                                                           const std::string& hash) {
  std::string holder = TextField(record.document, "holder");
  std::string identifier = TextField(record.document, "identifier");
  if (holder != context_.holder) {
    return Conflict("the data dictionary names holder '" + holder + "', but source '" + context_.source_name +
                    "' publishes only for '" + context_.holder + "'");
  }
  auto current = store_.GetDataset(holder + "/" + identifier);
  if (!current.ok()) {
    if (current.error().kind != ErrorKind::kNotFound) return current.error();
    return NotFound("dataset " + holder + "/" + identifier +
                    " is not in the catalog; its data dictionary is applied once the dataset itself is harvested");
  }
  if (current->summary.status == "withdrawn") {
    return NotFound("dataset " + holder + "/" + identifier +
                    " is withdrawn; a data dictionary does not publish it again");
  }
  Json merged = current->document;
  Json tables = record.document.value("variables", Json::array());
  for (auto& table : tables) {
    if (!table.is_object() || table.contains("title")) continue;
    // A dictionary names tables but rarely titles them: keep the dataset's title of the
    // table, else let its name stand as the title (the model requires one).
    std::string name = TextField(table, "name");
    for (const auto& known : current->document.value("variables", Json::array())) {
      if (known.is_object() && TextField(known, "name") == name && known.contains("title")) table["title"] = known["title"];
    }
    if (!table.contains("title") && !name.empty()) table["title"] = {{"ja", name}};
  }
  merged["variables"] = std::move(tables);
  merged["has_structured_data"] = true;
  auto put = store_.PutDataset(merged, "harvest:" + context_.source_name, context_.holder);
  if (!put.ok()) return put.error();
  Stored out;
  out.public_id = put->public_id;
  out.dataset = put->holder + "/" + put->identifier;
  out.outcome = put->outcome == catalog::PutOutcome::kUnchanged ? RecordOutcome::kUnchanged : RecordOutcome::kUpdated;
  auto state = conn_.Exec(
      "INSERT INTO harvest_source_records (source_id, record_identifier, kind, holder_id, dataset_identifier,"
      " dataset_public_id, state, last_content_hash, last_seen_job_id)"
      " VALUES ($1, $2, 'variables', $3, $4, $5, 'active', $6, $7) ON CONFLICT (source_id, record_identifier) DO UPDATE"
      " SET state = 'active', dataset_identifier = EXCLUDED.dataset_identifier,"
      " dataset_public_id = EXCLUDED.dataset_public_id, last_content_hash = EXCLUDED.last_content_hash,"
      " last_seen_job_id = EXCLUDED.last_seen_job_id, updated_at = now()",
      {context_.source_id, record_id, context_.holder_id, identifier, out.public_id, hash, context_.job_id});
  if (!state.ok()) return state.error();
  return out;
}

Status RecordApplier::FlushUnchanged(std::vector<std::pair<std::string, std::string>>& unchanged) {
  if (unchanged.empty()) return Status::Ok();
  Json list = Json::array();
  for (const auto& [id, hash] : unchanged) list.push_back({{"id", id}, {"hash", hash}});
  auto flushed = conn_.Exec(
      "WITH seen AS (SELECT e->>'id' AS rid, e->>'hash' AS hash FROM jsonb_array_elements($3::jsonb) e),"
      " marked AS (UPDATE harvest_source_records r SET last_seen_job_id = $1 FROM seen"
      "  WHERE r.source_id = $2 AND r.record_identifier = seen.rid RETURNING r.record_identifier, r.dataset_public_id)"
      " INSERT INTO harvest_records (job_id, source_id, record_identifier, dataset_public_id, content_hash, outcome)"
      " SELECT $1, $2, seen.rid, marked.dataset_public_id, seen.hash, 'unchanged'"
      " FROM seen JOIN marked ON marked.record_identifier = seen.rid"
      " ON CONFLICT (job_id, record_identifier) DO NOTHING",
      {context_.job_id, context_.source_id, list.dump()});
  if (!flushed.ok()) return flushed.error();
  for (const auto& [id, hash] : unchanged) {
    counts_.Count(RecordOutcome::kUnchanged);
    if (observer_ != nullptr) observer_->OnRecord({RecordOutcome::kUnchanged, id, "", "", ""}, counts_);
  }
  unchanged.clear();
  return Status::Ok();
}

Status RecordApplier::RecordError(const SourceRecord& record, const std::string& record_id, const Error& error,
                                  std::string_view kind, const std::string& dataset) {
  HDCAT_TRY(WriteRecord(record, record_id, RecordOutcome::kErrored, "", "", &error, kind));
  counts_.Count(RecordOutcome::kErrored);
  std::string message = StoredText(error.ToString(), kMaxMessageBytes);
  if (observer_ != nullptr) {
    observer_->OnRecord({RecordOutcome::kErrored, record_id, dataset == "/" ? "" : dataset, kind, message}, counts_);
  }
  return Status::Ok();
}

Status RecordApplier::WriteRecord(const SourceRecord& record, const std::string& record_id, RecordOutcome outcome,
                                  const std::string& public_id, const std::string& hash, const Error* error,
                                  std::string_view error_kind) {
  Json unmapped = Json::array();
  for (const auto& field : record.unmapped) unmapped.push_back(StoredText(field, 512));
  const bool keep_raw = outcome != RecordOutcome::kUnchanged;
  auto written = conn_.Exec(
      "INSERT INTO harvest_records (job_id, source_id, record_identifier, dataset_public_id, content_hash, outcome,"
      " error_kind, error_message, error_pointer, raw, raw_media_type, raw_bytes, unmapped, page_url)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14)"
      " ON CONFLICT (job_id, record_identifier) DO NOTHING",
      {context_.job_id, context_.source_id, record_id, public_id.empty() ? std::nullopt : std::optional(public_id),
       hash.empty() ? std::nullopt : std::optional(hash), RecordOutcomeName(outcome),
       error ? std::optional(std::string(error_kind)) : std::nullopt,
       error ? std::optional(StoredText(error->ToString(), kMaxMessageBytes)) : std::nullopt,
       error && !error->pointer.empty() ? std::optional(StoredText(error->pointer, 512)) : std::nullopt,
       keep_raw ? std::optional(StoredText(record.raw, context_.raw_limit)) : std::nullopt,
       keep_raw && !record.raw_media_type.empty() ? std::optional(record.raw_media_type) : std::nullopt,
       keep_raw ? std::optional(static_cast<std::int64_t>(record.raw.size())) : std::nullopt, unmapped.dump(),
       record.page_url.empty() ? std::nullopt : std::optional(StoredText(record.page_url, 2048))});
  if (!written.ok()) return written.error();
  return Status::Ok();
}

}  // namespace hdcat::harvesters
