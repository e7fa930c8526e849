#include "harvesters/jobs/withdrawals.h"

#include <cstdio>

#include "harvesters/jobs/stored_text.h"
#include "harvesters/mapping/identifiers.h"

namespace hdcat::harvesters {
namespace {

constexpr int kPage = 500;

// Withdraws one active dataset record of the source and records it in the job.
Status WithdrawRecord(pg::Connection& conn, catalog::CatalogStore& store, std::int64_t job_id, std::int64_t source_id,
                      const std::string& record_id, const std::string& public_id, const std::string& reason,
                      const std::string& actor, JobObserver* observer, JobCounts* counts) {
  auto withdrawn = store.WithdrawDataset(public_id, reason, actor);
  if (!withdrawn.ok() && withdrawn.error().kind != ErrorKind::kNotFound) return withdrawn.error();
  HDCAT_TRY(conn.Exec(
      "UPDATE harvest_source_records SET state = 'withdrawn', updated_at = now()"
      " WHERE source_id = $1 AND record_identifier = $2",
      {source_id, record_id}));
  HDCAT_TRY(conn.Exec(
      "INSERT INTO harvest_records (job_id, source_id, record_identifier, dataset_public_id, outcome)"
      " VALUES ($1, $2, $3, $4, 'withdrawn') ON CONFLICT (job_id, record_identifier) DO NOTHING",
      {job_id, source_id, record_id, public_id}));
  counts->Count(RecordOutcome::kWithdrawn);
  if (observer != nullptr) observer->OnRecord({RecordOutcome::kWithdrawn, record_id, public_id, "", ""}, *counts);
  return Status::Ok();
}

// A deletion the source may not make: a record error of kind "conflict", with the deletion as its raw record.
Status RefuseDeletion(pg::Connection& conn, const DeclaredWithdrawalInput& input, const SourceDeletion& deletion,
                      const std::string& message, JobObserver* observer, JobCounts* counts) {
  Json raw = {{"identifier", deletion.record_identifier}};
  if (!deletion.deleted_at.empty()) raw["deleted_at"] = deletion.deleted_at;
  const std::string raw_text = raw.dump();
  const std::string stored_message = StoredText(message, 4096);
  HDCAT_TRY(conn.Exec(
      "INSERT INTO harvest_records (job_id, source_id, record_identifier, outcome, error_kind, error_message,"
      " error_pointer, raw, raw_media_type, raw_bytes, page_url)"
      " VALUES ($1, $2, $3, 'errored', 'conflict', $4, '/deleted', $5, 'application/json', $6, $7)"
      " ON CONFLICT (job_id, record_identifier) DO NOTHING",
      {input.job_id, input.source_id, StoredText(deletion.record_identifier, 2048), stored_message, raw_text,
       static_cast<std::int64_t>(raw_text.size()),
       deletion.page_url.empty() ? std::nullopt : std::optional(StoredText(deletion.page_url, 2048))}));
  counts->Count(RecordOutcome::kErrored);
  if (observer != nullptr) {
    observer->OnRecord({RecordOutcome::kErrored, deletion.record_identifier, "", "conflict", stored_message}, *counts);
  }
  return Status::Ok();
}

}  // namespace

Result<DeclaredWithdrawalOutcome> WithdrawDeclared(pg::Connection& conn, catalog::CatalogStore& store,
                                                   const DeclaredWithdrawalInput& input, JobObserver* observer,
                                                   JobCounts* counts) {
  DeclaredWithdrawalOutcome out;
  const std::string actor = "harvest:" + input.source_name;
  for (const auto& deletion : input.deletions) {
    const std::string& id = deletion.record_identifier;
    const std::string dataset_identifier = mapping::NormaliseIdentifier(id);
    // The record as published, or the dataset it maps to (the source may name it either way).
    auto own = conn.Exec(
        "SELECT record_identifier, state, coalesce(dataset_public_id, '') AS public_id,"
        " last_seen_job_id IS NOT DISTINCT FROM $3 AS seen FROM harvest_source_records"
        " WHERE source_id = $1 AND kind = 'dataset' AND (record_identifier = $2 OR dataset_identifier = $4)"
        " ORDER BY record_identifier = $2 DESC LIMIT 1",
        {input.source_id, id, input.job_id, dataset_identifier});
    if (!own.ok()) return own.error();
    if (!own->empty()) {
      if (own->Bool(0, "seen")) {
        out.warnings.push_back("record " + id + " is both published and listed as deleted in this gather; it was kept");
      } else if (own->Text(0, "state") == "active") {
        const std::string when =
            deletion.deleted_at.empty() ? "" : " (deleted at " + StoredText(deletion.deleted_at, 64) + ")";
        const std::string reason = "withdrawn by harvest source '" + input.source_name + "'" + when + " (job " +
                                   std::to_string(input.job_id) + ")";
        const std::string record_id(own->Text(0, "record_identifier"));
        HDCAT_TRY(WithdrawRecord(conn, store, input.job_id, input.source_id, record_id,
                                 std::string(own->Text(0, "public_id")), reason, actor, observer, counts));
        ++out.withdrawn;
      }
      continue;
    }
    auto other = conn.Exec(
        "SELECT h.identifier || '/' || d.identifier AS ref,"
        " (SELECT s.name FROM harvest_source_records r JOIN harvest_sources s ON s.id = r.source_id"
        "  WHERE r.kind = 'dataset' AND r.holder_id = d.holder_id AND r.dataset_identifier = d.identifier) AS owner"
        " FROM datasets d JOIN holders h ON h.id = d.holder_id WHERE d.holder_id = $1 AND d.identifier = $2",
        {input.holder_id, dataset_identifier});
    if (!other.ok()) return other.error();
    if (other->empty()) {
      out.warnings.push_back("deletion of " + id + ": this source never published it; nothing to withdraw");
      continue;
    }
    auto owner = other->OptionalText(0, "owner");
    const std::string message =
        "deletion of " + id + " refused: dataset " + std::string(other->Text(0, "ref")) + " is " +
        (owner ? "fed by harvest source '" + std::string(*owner) + "'" : std::string("not fed by a harvest source")) +
        ", and a source withdraws only its own records";
    HDCAT_TRY(RefuseDeletion(conn, input, deletion, message, observer, counts));
  }
  return out;
}

Result<WithdrawalOutcome> WithdrawVanished(pg::Connection& conn, catalog::CatalogStore& store,
                                           const WithdrawalInput& input, JobObserver* observer, JobCounts* counts) {
  WithdrawalOutcome out;
  auto vanished = conn.Exec(
      "SELECT count(*) FROM harvest_source_records WHERE source_id = $1 AND kind = 'dataset' AND state = 'active'"
      " AND last_seen_job_id IS DISTINCT FROM $2",
      {input.source_id, input.job_id});
  if (!vanished.ok()) return vanished.error();
  out.vanished = vanished->Int64(0, 0);
  if (out.vanished == 0) return out;

  const std::int64_t before = out.vanished + input.previously_active_seen;
  const double share = static_cast<double>(out.vanished) / static_cast<double>(before);
  if (input.seen == 0 || share >= input.threshold) {
    char percent[16];
    std::snprintf(percent, sizeof percent, "%.0f%%", input.threshold * 100);
    out.refused = "mass withdrawal refused: " + std::to_string(out.vanished) + " of " + std::to_string(before) +
                  " records vanished" +
                  (input.seen == 0 ? " (the source returned an empty catalog)"
                                   : " (the threshold is " + std::string(percent) + ")") +
                  "; nothing was withdrawn";
    return out;
  }

  const std::string source = "harvest:" + input.source_name;
  const std::string reason = "no longer published by harvest source '" + input.source_name + "' (job " +
                             std::to_string(input.job_id) + ")";
  std::string after;
  while (true) {
    auto page = conn.Exec(
        "SELECT record_identifier, dataset_public_id, holder_id, dataset_identifier FROM harvest_source_records"
        " WHERE source_id = $1 AND kind = 'dataset' AND state = 'active' AND last_seen_job_id IS DISTINCT FROM $2"
        " AND record_identifier > $3 ORDER BY record_identifier LIMIT $4",
        {input.source_id, input.job_id, after, kPage});
    if (!page.ok()) return page.error();
    if (page->empty()) break;
    for (int i = 0; i < page->rows(); ++i) {
      std::string record_id(page->Text(i, "record_identifier"));
      std::string public_id(page->Text(i, "dataset_public_id"));
      after = record_id;
      HDCAT_TRY(WithdrawRecord(conn, store, input.job_id, input.source_id, record_id, public_id, reason, source,
                               observer, counts));
      ++out.withdrawn;
    }
  }
  return out;
}

}  // namespace hdcat::harvesters
