#include "harvesters/jobs/source_store.h"

#include <string>

#include "catalog/pg/transaction.h"
#include "catalog/store/audit_log.h"
#include "catalog/store/dataset_ref.h"
#include "harvesters/adapters/record_stream.h"
#include "harvesters/scheduler/schedule.h"

namespace hdcat::harvesters {
namespace {

constexpr std::string_view kColumns =
    "SELECT s.id, s.name, h.identifier AS holder, s.endpoint, s.format, s.options::text AS options, s.schedule,"
    " s.enabled, s.max_body_bytes, s.connect_timeout_ms, s.total_timeout_ms, s.low_speed_window_s, s.max_records,"
    " s.max_fetch_attempts, s.retry_base_ms, s.mass_withdrawal_threshold, hdcat_utc_text(s.next_run_at) AS next_run_at,"
    " s.etag, s.last_modified, s.modified_since, s.incremental_runs, s.full_gather_every,"
    " EXISTS (SELECT 1 FROM harvest_source_credentials c WHERE c.source_id = s.id) AS has_credentials,"
    " s.last_job_id, s.last_status, s.last_summary::text AS last_summary,"
    " hdcat_utc_text(s.last_finished_at) AS last_finished_at, hdcat_utc_text(s.last_success_at) AS last_success_at"
    " FROM harvest_sources s JOIN holders h ON h.id = s.holder_id ";

HarvestSource FromRow(const pg::QueryResult& rows, int row) {
  HarvestSource source;
  source.id = rows.Int64(row, "id");
  source.name = rows.Text(row, "name");
  source.holder = rows.Text(row, "holder");
  source.endpoint = rows.Text(row, "endpoint");
  source.format = rows.Text(row, "format");
  if (auto options = ParseJson(rows.Text(row, "options")); options.ok()) source.options = *options;
  source.schedule = rows.Text(row, "schedule");
  source.enabled = rows.Bool(row, "enabled");
  source.limits.max_body_bytes = rows.Int64(row, "max_body_bytes");
  source.limits.connect_timeout_ms = static_cast<int>(rows.Int64(row, "connect_timeout_ms"));
  source.limits.total_timeout_ms = static_cast<int>(rows.Int64(row, "total_timeout_ms"));
  source.limits.low_speed_window_s = static_cast<int>(rows.Int64(row, "low_speed_window_s"));
  source.limits.max_records = static_cast<int>(rows.Int64(row, "max_records"));
  source.limits.max_fetch_attempts = static_cast<int>(rows.Int64(row, "max_fetch_attempts"));
  source.limits.retry_base_ms = static_cast<int>(rows.Int64(row, "retry_base_ms"));
  source.mass_withdrawal_threshold = rows.Double(row, "mass_withdrawal_threshold");
  source.next_run_at = rows.Text(row, "next_run_at");
  source.etag = rows.Text(row, "etag");
  source.last_modified = rows.Text(row, "last_modified");
  source.modified_since = rows.Text(row, "modified_since");
  source.incremental_runs = static_cast<int>(rows.Int64(row, "incremental_runs"));
  source.full_gather_every = static_cast<int>(rows.Int64(row, "full_gather_every"));
  source.has_credentials = rows.Bool(row, "has_credentials");
  source.last_job_id = rows.OptionalInt64(row, "last_job_id");
  source.last_status = rows.Text(row, "last_status");
  if (auto summary = rows.OptionalText(row, "last_summary")) {
    if (auto parsed = ParseJson(*summary); parsed.ok()) source.last_summary = *parsed;
  }
  source.last_finished_at = rows.Text(row, "last_finished_at");
  source.last_success_at = rows.Text(row, "last_success_at");
  return source;
}

Status CheckLimits(const NewSource& source) {
  const SourceLimits& limits = source.limits;
  if (limits.max_body_bytes <= 0 || limits.connect_timeout_ms <= 0 || limits.total_timeout_ms <= 0 ||
      limits.low_speed_window_s < 0 || limits.max_records <= 0 || limits.retry_base_ms < 0) {
    return InvalidInput("source limits must be positive");
  }
  if (limits.max_fetch_attempts < 1 || limits.max_fetch_attempts > 10) {
    return InvalidInput("max fetch attempts must be between 1 and 10");
  }
  if (!(source.mass_withdrawal_threshold > 0 && source.mass_withdrawal_threshold <= 1)) {
    Error error = InvalidInput("the mass-withdrawal threshold must be a share in (0, 1]");
    error.expected = "e.g. 0.5: refuse to withdraw when half or more of the records vanish";
    return error;
  }
  if (source.full_gather_every < 1 || source.full_gather_every > 1000) {
    Error error = InvalidInput("a full gather must come every 1 to 1000 runs");
    error.expected = "e.g. 10: one full gather, then 9 incremental runs; 1: always full";
    return error;
  }
  return Status::Ok();
}

}  // namespace

Status CheckEndpointUrl(std::string_view url) {
  auto bad = [&](std::string why) {
    Error error = InvalidInput("endpoint " + RedactUrl(url) + " " + why);
    error.pointer = "/endpoint";
    error.expected = "an absolute http:// or https:// URL";
    return error;
  };
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return bad("is not an absolute URL");
  std::string_view scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return bad("must use http or https");
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f) return bad("contains white space or a control character");
  }
  std::string_view rest = url.substr(scheme_end + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    Error error = bad("carries user-info; give credentials apart (they are never listed)");
    error.suggestion = "hdcat source add … --basic-env VARIABLE (or --bearer-env)";
    return error;
  }
  std::string_view host = authority.substr(0, authority.rfind(':') == std::string_view::npos ||
                                                      authority.back() == ']'
                                                  ? authority.size()
                                                  : authority.rfind(':'));
  if (host.empty()) return bad("has no host");
  if (host.size() < authority.size()) {
    std::string_view port = authority.substr(host.size() + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos) {
      return bad("has an invalid port");
    }
  }
  return Status::Ok();
}

Result<HarvestSource> SourceStore::Add(const NewSource& source, std::string_view actor) {
  if (!catalog::IsIdentifier(source.name)) {
    Error error = InvalidInput("source name \"" + source.name + "\" is not an identifier");
    error.expected = "^[a-z0-9][a-z0-9._-]{0,127}$, e.g. mhlw-feed";
    return error;
  }
  HDCAT_TRY(CheckEndpointUrl(source.endpoint));
  auto format = ParseSourceFormat(source.format);
  if (!format.ok()) return format.error();
  auto schedule = Schedule::Parse(source.schedule);
  if (!schedule.ok()) return schedule.error();
  if (!source.options.is_object()) return InvalidInput("source options must be a JSON object");
  HDCAT_TRY(CheckLimits(source));
  if (*format == SourceFormat::kCsvDictionary) {
    auto dataset = source.options.find("dataset");
    if (dataset == source.options.end() || !dataset->is_string() ||
        !catalog::IsIdentifier(dataset->get<std::string>())) {
      Error error = InvalidInput("a csv-dictionary source needs the option \"dataset\": the dataset it describes");
      error.suggestion = "--option dataset=<dataset identifier>";
      return error;
    }
  }

  auto tx = pg::Transaction::Begin(conn_);
  if (!tx.ok()) return tx.error();
  auto holder = conn_.Exec("SELECT id FROM holders WHERE identifier = $1", {source.holder});
  if (!holder.ok()) return holder.error();
  if (holder->empty()) {
    return NotFound("holder '" + source.holder + "' is not in the catalog; register it first (hdcat load HOLDER.json)");
  }
  auto exists = conn_.Exec("SELECT 1 FROM harvest_sources WHERE name = $1", {source.name});
  if (!exists.ok()) return exists.error();
  if (!exists->empty()) return Conflict("a source named '" + source.name + "' already exists");
  auto inserted = conn_.Exec(
      "INSERT INTO harvest_sources (name, holder_id, endpoint, format, options, schedule, enabled, max_body_bytes,"
      " connect_timeout_ms, total_timeout_ms, low_speed_window_s, max_records, max_fetch_attempts, retry_base_ms,"
      " mass_withdrawal_threshold, full_gather_every)"
      " VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::real, $16) RETURNING id",
      {source.name, holder->Int64(0, 0), source.endpoint, source.format, CanonicalJson(source.options),
       schedule->text(), source.enabled, source.limits.max_body_bytes, source.limits.connect_timeout_ms,
       source.limits.total_timeout_ms, source.limits.low_speed_window_s, source.limits.max_records,
       source.limits.max_fetch_attempts, source.limits.retry_base_ms,
       std::to_string(source.mass_withdrawal_threshold), source.full_gather_every});
  if (!inserted.ok()) return inserted.error();
  const std::int64_t id = inserted->Int64(0, 0);
  if (source.credentials.kind != HttpCredentials::Kind::kNone) {
    const bool bearer = source.credentials.kind == HttpCredentials::Kind::kBearer;
    std::string secret = bearer ? source.credentials.token
                                : source.credentials.user + ":" + source.credentials.password;
    if (secret.empty() || secret == ":") return InvalidInput("the source's credentials are empty");
    HDCAT_TRY(conn_.Exec("INSERT INTO harvest_source_credentials (source_id, kind, secret) VALUES ($1, $2, $3)",
                         {id, bearer ? "bearer" : "basic", secret}));
  }
  HDCAT_TRY(catalog::WriteAudit(
      conn_, catalog::AuditEntry{actor, "source.add", "harvest_source", source.name,
                                 Json{{"holder", source.holder},
                                      {"endpoint", RedactUrl(source.endpoint)},
                                      {"format", source.format}}}));
  HDCAT_TRY(tx->Commit());
  return GetById(id);
}

Result<std::vector<HarvestSource>> SourceStore::Select(std::string_view where,
                                                       std::initializer_list<pg::Param> params) {
  auto rows = conn_.Exec(std::string(kColumns) + std::string(where), std::vector<pg::Param>(params));
  if (!rows.ok()) return rows.error();
  std::vector<HarvestSource> out;
  for (int i = 0; i < rows->rows(); ++i) out.push_back(FromRow(*rows, i));
  return out;
}

Result<HarvestSource> SourceStore::Get(std::string_view name) {
  auto found = Select("WHERE s.name = $1", {name});
  if (!found.ok()) return found.error();
  if (found->empty()) return NotFound("no harvest source named '" + std::string(name) + "' (hdcat source list)");
  return std::move(found->front());
}

Result<HarvestSource> SourceStore::GetById(std::int64_t id) {
  auto found = Select("WHERE s.id = $1", {id});
  if (!found.ok()) return found.error();
  if (found->empty()) return NotFound("no harvest source with id " + std::to_string(id));
  return std::move(found->front());
}

Result<std::vector<HarvestSource>> SourceStore::List(std::optional<std::string_view> holder) {
  if (holder) return Select("WHERE h.identifier = $1 ORDER BY s.name", {*holder});
  return Select("ORDER BY s.name", {});
}

Status SourceStore::SetEnabled(std::string_view name, bool enabled) {
  auto updated = conn_.Exec("UPDATE harvest_sources SET enabled = $2, updated_at = now() WHERE name = $1",
                            {name, enabled});
  if (!updated.ok()) return updated.error();
  if (updated->affected() == 0) return NotFound("no harvest source named '" + std::string(name) + "'");
  return catalog::WriteAudit(
      conn_, catalog::AuditEntry{"cli", enabled ? "source.enable" : "source.disable", "harvest_source", name, {}});
}

Result<HttpCredentials> SourceStore::LoadCredentials(std::int64_t source_id) {
  auto rows = conn_.Exec("SELECT kind, secret FROM harvest_source_credentials WHERE source_id = $1", {source_id});
  if (!rows.ok()) return rows.error();
  HttpCredentials credentials;
  if (rows->empty()) return credentials;
  std::string secret(rows->Text(0, "secret"));
  if (rows->Text(0, "kind") == "bearer") {
    credentials.kind = HttpCredentials::Kind::kBearer;
    credentials.token = std::move(secret);
  } else {
    credentials.kind = HttpCredentials::Kind::kBasic;
    auto colon = secret.find(':');
    credentials.user = secret.substr(0, colon);
    credentials.password = colon == std::string::npos ? "" : secret.substr(colon + 1);
  }
  return credentials;
}

}  // namespace hdcat::harvesters
