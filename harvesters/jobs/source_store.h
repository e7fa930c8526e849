// SourceStore: the harvest sources holders register (table harvest_sources).
//
// A source is a named endpoint of one holder in one format, with a schedule,
// the limits of one job and the mass-withdrawal threshold. Add() checks
// everything before writing: the name is an identifier, the endpoint an
// absolute http(s) URL without user-info (credentials go apart), the format
// one the adapters read, the schedule parses, the holder exists. A new
// source is due at once.
//
// Credentials are stored in harvest_source_credentials and read only by
// LoadCredentials() (for the job runner): Get() and List() never select them
// and say only whether there are some (`has_credentials`).
//
// Thread-safety: as the Connection it uses — one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "catalog/pg/connection.h"
#include "harvesters/http/http_client.h"

namespace hdcat::harvesters {

struct SourceLimits {
  std::int64_t max_body_bytes = 256ll * 1024 * 1024;
  int connect_timeout_ms = 10'000;
  int total_timeout_ms = 300'000;
  int low_speed_window_s = 30;
  int max_records = 1'000'000;
  int max_fetch_attempts = 4;
  int retry_base_ms = 2'000;
};

struct HarvestSource {
  std::int64_t id = 0;
  std::string name;
  std::string holder;
  std::string endpoint;
  std::string format;
  Json options = Json::object();
  std::string schedule;
  bool enabled = true;
  SourceLimits limits;
  double mass_withdrawal_threshold = 0.5;
  std::string next_run_at;  // RFC 3339 UTC
  std::string etag;
  std::string last_modified;
  // Incremental runs (feed, CKAN): the high-water mark ("" = the next run is
  // full), successful incremental runs since the last full gather, and how
  // often a full gather comes (1 = always).
  std::string modified_since;
  int incremental_runs = 0;
  int full_gather_every = 10;
  bool has_credentials = false;
  // The last outcome.
  std::optional<std::int64_t> last_job_id;
  std::string last_status;  // "" before the first job
  Json last_summary;        // null before the first job
  std::string last_finished_at;
  std::string last_success_at;
};

struct NewSource {
  std::string name;
  std::string holder;
  std::string endpoint;
  std::string format;
  Json options = Json::object();
  std::string schedule = "P1D";
  bool enabled = true;
  SourceLimits limits;
  double mass_withdrawal_threshold = 0.5;
  int full_gather_every = 10;   // 1..1000
  HttpCredentials credentials;  // kNone = no credentials
};

// An absolute http(s) URL with a host, no user-info, no white space or control characters.
Status CheckEndpointUrl(std::string_view url);

class SourceStore {
 public:
  explicit SourceStore(pg::Connection& conn) : conn_(conn) {}

  // `actor` is recorded in audit_log: 'cli', or 'web:<login>' for the self-service pages.
  Result<HarvestSource> Add(const NewSource& source, std::string_view actor = "cli");
  Result<HarvestSource> Get(std::string_view name);
  Result<HarvestSource> GetById(std::int64_t id);
  // Every source (or a holder's), ordered by name.
  Result<std::vector<HarvestSource>> List(std::optional<std::string_view> holder = std::nullopt);
  Status SetEnabled(std::string_view name, bool enabled);
  // For the job runner only: the secret of the source, kNone when it has none.
  Result<HttpCredentials> LoadCredentials(std::int64_t source_id);

 private:
  Result<std::vector<HarvestSource>> Select(std::string_view where, std::initializer_list<pg::Param> params);

  pg::Connection& conn_;
};

}  // namespace hdcat::harvesters
