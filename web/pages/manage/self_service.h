// The holder self-service operations behind the /manage/ pages: edit the
// holder, upload a dataset description, register, test and run a harvest
// source, read a job's report. They know nothing of HTTP; the page handlers
// only decode requests and render what these return.
//
// Every operation first asks the account whether it may manage `holder`
// (catalog::Account::MayManageHolder) and fails with kForbidden, changing
// nothing, when it may not. Writes go through the stores (CatalogStore acting
// for the holder, SourceStore, JobQueue) with the actor 'web:<login>', so
// audit_log records who did what; actions that change no table (a refused
// upload, a source test, a run request) are written to audit_log here.
// A description the validator refuses is an outcome with its findings, not an
// error: nothing is stored and the page shows the findings.
//
// Thread-safety: as the Connection given — one thread at a time.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "catalog/accounts/account.h"
#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "catalog/validator.h"
#include "harvesters/jobs/source_probe.h"
#include "harvesters/jobs/source_store.h"
#include "web/pages/manage/annotated_json.h"

namespace hdcat::web {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// One input of the holder form: its form name, the JSON pointer it edits,
// the message key of its label, and whether it takes several lines.
struct HolderField {
  std::string_view name;
  std::string_view pointer;
  std::string_view label_key;
  bool multiline = false;
};
extern const std::array<HolderField, 11> kHolderFields;

struct HolderEdit {
  Json document;  // the description as submitted (stored when `saved`)
  std::vector<catalog::Finding> errors;
  std::vector<catalog::Finding> warnings;
  bool saved = false;
  bool changed = false;
};

struct DatasetUpload {
  std::string parse_error;        // the text is not JSON ("" = it is)
  std::vector<JsonLine> lines;    // the parsed description, pretty-printed
  std::vector<catalog::Finding> errors;
  std::vector<catalog::Finding> warnings;
  bool stored = false;
  catalog::DatasetPutResult put;  // when stored
};

struct NewSourceForm {
  std::string name;
  std::string endpoint;
  std::string format;
  std::string schedule;
  std::string dataset;  // csv-dictionary: the dataset the variables belong to
};

class SelfService {
 public:
  SelfService(pg::Connection& conn, const catalog::Validator& validator, const catalog::Account& account)
      : conn_(conn), validator_(validator), account_(account) {}

  Result<catalog::HolderRecord> Holder(std::string_view holder);
  // The holder's current description with the form's values applied, validated, and stored when valid.
  Result<HolderEdit> SaveHolder(std::string_view holder, const FormFields& form);

  Result<catalog::DatasetPage> Datasets(std::string_view holder);
  Result<catalog::DatasetRecord> Dataset(std::string_view holder, std::string_view identifier);
  Result<DatasetUpload> UploadDataset(std::string_view holder, std::string_view text);

  Result<std::vector<harvesters::HarvestSource>> Sources(std::string_view holder);
  Result<harvesters::HarvestSource> RegisterSource(std::string_view holder, const NewSourceForm& form);
  Result<harvesters::ProbeReport> TestSource(std::string_view holder, std::string_view source);
  // Queues a job (or finds the one already queued); kConflict when one is running.
  Result<std::int64_t> RunSourceNow(std::string_view holder, std::string_view source);
  // JobReportSummary plus the job's first `max_records` records.
  Result<Json> JobReport(std::string_view holder, std::int64_t job_id, int max_records);

 private:
  Status Authorize(std::string_view holder) const;
  Result<harvesters::HarvestSource> SourceOfHolder(std::string_view holder, std::string_view source);
  Status Audit(std::string_view action, std::string_view subject_type, std::string_view subject_id, Json details);
  std::string Actor() const { return "web:" + account_.login_name; }

  pg::Connection& conn_;
  const catalog::Validator& validator_;
  const catalog::Account& account_;
};

}  // namespace hdcat::web
