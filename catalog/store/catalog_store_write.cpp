// CatalogStore: writes (holders, dataset versions, withdrawals).
#include "base/utf8.h"
#include "catalog/pg/transaction.h"
#include "catalog/store/audit_log.h"
#include "catalog/store/catalog_store.h"
#include "catalog/store/dataset_ref.h"
#include "catalog/store/stored_document.h"

namespace hdcat::catalog {
namespace {

// One Error for a refused document. A single finding fills the error's
// pointer/expected/suggestion; several are listed one per line in the message.
Error RejectedDocument(std::string_view what, const ValidationReport& report) {
  if (report.errors.size() == 1) {
    const Finding& finding = report.errors.front();
    Error error = InvalidInput(std::string(what) + " is invalid: " + finding.message);
    error.pointer = finding.pointer;
    error.expected = finding.expected;
    error.suggestion = finding.suggestion;
    return error;
  }
  std::string message = std::string(what) + " has " + std::to_string(report.errors.size()) + " validation errors:";
  for (const auto& finding : report.errors) {
    Error line = InvalidInput(finding.message);
    line.pointer = finding.pointer.empty() ? "/" : finding.pointer;
    line.expected = finding.expected;
    line.suggestion = finding.suggestion;
    message += "\n  " + line.ToString().substr(ErrorKindName(ErrorKind::kInvalidInput).size() + 2);
  }
  return InvalidInput(std::move(message));
}

// A required identifier field of a document that the validator has accepted.
Result<std::string> IdentifierField(const Json& document, const char* field) {
  auto it = document.find(field);
  if (it == document.end() || !it->is_string() || !IsIdentifier(it->get_ref<const std::string&>())) {
    Error error = InvalidInput(std::string("the description needs a valid `") + field + "`");
    error.pointer = std::string("/") + field;
    error.expected = "an identifier matching ^[a-z0-9][a-z0-9._-]{0,127}$";
    return error;
  }
  return it->get<std::string>();
}

// document[field][lang] as text, or NULL.
std::optional<std::string> LangText(const Json& document, const char* field, const char* lang) {
  auto it = document.find(field);
  if (it == document.end() || !it->is_object()) return std::nullopt;
  auto text = it->find(lang);
  if (text == it->end() || !text->is_string()) return std::nullopt;
  return text->get<std::string>();
}

std::optional<std::string> TextField(const Json& document, const char* field) {
  auto it = document.find(field);
  if (it == document.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

Status InsertChange(pg::Connection& conn, std::string_view subject, std::string_view kind, std::int64_t holder_id,
                    std::optional<std::int64_t> dataset_id, std::optional<std::int64_t> version_id) {
  auto inserted = conn.Exec(
      "INSERT INTO catalog_changes (subject, kind, holder_id, dataset_id, version_id) VALUES ($1, $2, $3, $4, $5)",
      {subject, kind, holder_id, dataset_id, version_id});
  if (!inserted.ok()) return inserted.error();
  return Status::Ok();
}

}  // namespace

CatalogStore::CatalogStore(pg::Connection& conn, const Validator& validator, StoreLimits limits)
    : conn_(conn), validator_(validator), limits_(limits) {}

Status CatalogStore::Audit(std::string_view actor, std::string_view action, std::string_view subject_type,
                           std::string_view subject_id, const Json& details) {
  return WriteAudit(conn_, AuditEntry{actor, action, subject_type, subject_id, details});
}

Result<HolderPutResult> CatalogStore::PutHolder(const Json& document, std::string_view source) {
  if (source.empty()) return InvalidInput("a write needs a source (e.g. load:<path>)");
  auto stored = PrepareDocument(document, limits_.max_document_bytes);
  if (!stored.ok()) return stored.error();
  ValidationReport report = validator_.Validate(DocumentKind::kHolder, document);
  if (!report.ok()) return RejectedDocument("holder description", report);
  auto identifier = IdentifierField(document, "identifier");
  if (!identifier.ok()) return identifier.error();

  HolderPutResult out;
  out.identifier = *identifier;
  out.warnings = report.warnings;

  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  // Insert-or-lock: whichever of two concurrent writers inserts, the other then finds and locks the row.
  auto inserted = conn_.Exec(
      "INSERT INTO holders (identifier, document, content_hash, name_ja, name_en, holder_type)"
      " VALUES ($1, $2::jsonb, $3, $4, $5, $6) ON CONFLICT (identifier) DO NOTHING RETURNING id",
      {*identifier, stored->canonical, stored->content_hash, LangText(document, "name", "ja"),
       LangText(document, "name", "en"), TextField(document, "holder_type")});
  if (!inserted.ok()) return inserted.error();
  std::int64_t holder_id = 0;
  if (!inserted->empty()) {
    holder_id = inserted->Int64(0, 0);
    out.outcome = PutOutcome::kCreated;
  } else {
    auto current = conn_.Exec("SELECT id, content_hash FROM holders WHERE identifier = $1 FOR UPDATE", {*identifier});
    if (!current.ok()) return current.error();
    if (current->empty()) return Internal("holder '" + *identifier + "' vanished while being updated");
    holder_id = current->Int64(0, "id");
    if (current->Text(0, "content_hash") == stored->content_hash) return out;  // unchanged
    auto updated = conn_.Exec(
        "UPDATE holders SET document = $2::jsonb, content_hash = $3, name_ja = $4, name_en = $5, holder_type = $6,"
        " updated_at = now() WHERE id = $1",
        {holder_id, stored->canonical, stored->content_hash, LangText(document, "name", "ja"),
         LangText(document, "name", "en"), TextField(document, "holder_type")});
    if (!updated.ok()) return updated.error();
    out.outcome = PutOutcome::kUpdated;
  }
  HDCAT_TRY(Audit(source, "holder.put", "holder", *identifier,
                  {{"outcome", PutOutcomeName(out.outcome)}, {"content_hash", stored->content_hash}}));
  HDCAT_TRY(InsertChange(conn_, "holder", PutOutcomeName(out.outcome), holder_id, std::nullopt, std::nullopt));
  HDCAT_TRY(tx->Commit());
  return out;
}

Result<DatasetPutResult> CatalogStore::PutDataset(const Json& document, std::string_view source,
                                                  std::optional<std::string_view> acting_holder) {
  if (source.empty()) return InvalidInput("a write needs a source (e.g. load:<path>)");
  auto stored = PrepareDocument(document, limits_.max_document_bytes);
  if (!stored.ok()) return stored.error();
  ValidationReport report = validator_.Validate(DocumentKind::kDataset, document);
  if (!report.ok()) return RejectedDocument("dataset description", report);
  auto holder = IdentifierField(document, "holder");
  if (!holder.ok()) return holder.error();
  auto identifier = IdentifierField(document, "identifier");
  if (!identifier.ok()) return identifier.error();
  if (acting_holder && *acting_holder != *holder) {
    Error error(ErrorKind::kForbidden, "dataset " + *holder + "/" + *identifier + " belongs to holder '" + *holder +
                                           "', not to '" + std::string(*acting_holder) + "' for whom this change is made");
    error.pointer = "/holder";
    error.expected = std::string(*acting_holder);
    return error;
  }

  DatasetPutResult out;
  out.public_id = DatasetPublicId(*holder, *identifier);
  out.holder = *holder;
  out.identifier = *identifier;
  out.warnings = report.warnings;

  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto holder_row = conn_.Exec("SELECT id FROM holders WHERE identifier = $1", {*holder});
  if (!holder_row.ok()) return holder_row.error();
  if (holder_row->empty()) {
    Error error = NotFound("holder '" + *holder + "' is not in the catalog; store its description first");
    error.pointer = "/holder";
    return error;
  }
  const std::int64_t holder_id = holder_row->Int64(0, 0);

  auto created = conn_.Exec(
      // No conflict target: public_id is derived from (holder, identifier), so a
      // concurrent writer of the same dataset may collide on either unique key.
      "INSERT INTO datasets (public_id, holder_id, identifier) VALUES ($1, $2, $3)"
      " ON CONFLICT DO NOTHING RETURNING id",
      {out.public_id, holder_id, *identifier});
  if (!created.ok()) return created.error();
  const bool is_new = !created->empty();
  auto current = conn_.Exec(
      "SELECT d.id, d.status, d.version_count, v.content_hash"
      " FROM datasets d LEFT JOIN dataset_versions v ON v.id = d.current_version_id"
      " WHERE d.holder_id = $1 AND d.identifier = $2 FOR UPDATE OF d",
      {holder_id, *identifier});
  if (!current.ok()) return current.error();
  if (current->empty()) return Internal("dataset " + out.public_id + " vanished while being updated");
  const std::int64_t dataset_id = current->Int64(0, "id");
  const bool was_withdrawn = current->Text(0, "status") == "withdrawn";
  const int version_count = static_cast<int>(current->Int64(0, "version_count"));
  const bool same_content = !is_new && current->Text(0, "content_hash") == stored->content_hash;
  out.version_no = version_count;
  if (same_content && !was_withdrawn) return out;  // unchanged: nothing to write

  out.outcome = is_new ? PutOutcome::kCreated : was_withdrawn ? PutOutcome::kRestored : PutOutcome::kUpdated;
  std::int64_t version_id = 0;
  if (same_content) {
    auto pointer = conn_.Exec("SELECT current_version_id FROM datasets WHERE id = $1", {dataset_id});
    if (!pointer.ok()) return pointer.error();
    version_id = pointer->Int64(0, 0);
  } else {
    out.version_no = version_count + 1;
    auto version = conn_.Exec(
        "INSERT INTO dataset_versions (dataset_id, version_no, content_hash, document, source)"
        " VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id",
        {dataset_id, out.version_no, stored->content_hash, stored->canonical, source});
    if (!version.ok()) return version.error();
    version_id = version->Int64(0, 0);
  }
  auto updated = conn_.Exec(
      "UPDATE datasets SET current_version_id = $2, version_count = $3, status = 'active', withdrawn_reason = NULL,"
      " withdrawn_at = NULL, title_ja = $4, title_en = $5, access_rights = $6, issued = $7, modified = $8,"
      " completeness = $9, grade = $10, updated_at = now() WHERE id = $1",
      {dataset_id, version_id, out.version_no, LangText(document, "title", "ja"), LangText(document, "title", "en"),
       TextField(document, "access_rights"), TextField(document, "issued"), TextField(document, "modified"),
       std::to_string(report.completeness), report.grade});
  if (!updated.ok()) return updated.error();
  HDCAT_TRY(Audit(source, "dataset.put", "dataset", out.public_id,
                  {{"outcome", PutOutcomeName(out.outcome)},
                   {"version_no", out.version_no},
                   {"content_hash", stored->content_hash}}));
  HDCAT_TRY(InsertChange(conn_, "dataset", PutOutcomeName(out.outcome), holder_id, dataset_id, version_id));
  HDCAT_TRY(tx->Commit());
  return out;
}

Result<WithdrawResult> CatalogStore::WithdrawDataset(std::string_view dataset_ref, std::string_view reason,
                                                     std::string_view source) {
  if (reason.empty()) return InvalidInput("withdrawing a dataset needs a reason");
  if (!IsValidUtf8(reason)) return InvalidInput("the reason for withdrawing is not valid UTF-8");
  if (source.empty()) return InvalidInput("a write needs a source (e.g. web:<user>)");
  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto key = ResolveDataset(dataset_ref);
  if (!key.ok()) return key.error();
  WithdrawResult out;
  out.public_id = key->public_id;
  auto row = conn_.Exec("SELECT holder_id, status, current_version_id FROM datasets WHERE id = $1 FOR UPDATE",
                        {key->id});
  if (!row.ok()) return row.error();
  if (row->Text(0, "status") == "withdrawn") return out;
  auto updated = conn_.Exec(
      "UPDATE datasets SET status = 'withdrawn', withdrawn_reason = $2, withdrawn_at = now(), updated_at = now()"
      " WHERE id = $1",
      {key->id, reason});
  if (!updated.ok()) return updated.error();
  HDCAT_TRY(Audit(source, "dataset.withdraw", "dataset", key->public_id, {{"reason", reason}}));
  HDCAT_TRY(InsertChange(conn_, "dataset", "withdrawn", row->Int64(0, "holder_id"), key->id,
                         row->OptionalInt64(0, "current_version_id")));
  HDCAT_TRY(tx->Commit());
  out.changed = true;
  return out;
}

}  // namespace hdcat::catalog
