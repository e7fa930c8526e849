#include "harvesters/jobs/withdrawals.h"

#include <cstdio>

namespace hdcat::harvesters {
namespace {

constexpr int kPage = 500;

}  // namespace

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
      auto withdrawn = store.WithdrawDataset(public_id, reason, source);
      if (!withdrawn.ok() && withdrawn.error().kind != ErrorKind::kNotFound) return withdrawn.error();
      HDCAT_TRY(conn.Exec(
          "UPDATE harvest_source_records SET state = 'withdrawn', updated_at = now()"
          " WHERE source_id = $1 AND record_identifier = $2",
          {input.source_id, record_id}));
      HDCAT_TRY(conn.Exec(
          "INSERT INTO harvest_records (job_id, source_id, record_identifier, dataset_public_id, outcome)"
          " VALUES ($1, $2, $3, $4, 'withdrawn') ON CONFLICT (job_id, record_identifier) DO NOTHING",
          {input.job_id, input.source_id, record_id, public_id}));
      ++out.withdrawn;
      counts->Count(RecordOutcome::kWithdrawn);
      if (observer != nullptr) observer->OnRecord({RecordOutcome::kWithdrawn, record_id, public_id, "", ""}, *counts);
    }
  }
  return out;
}

}  // namespace hdcat::harvesters
