// ProbeSource: "test this source" — fetch the start of a registered source
// with its adapter, store nothing, and say what was found or what failed.
//
// The probe opens the source's RecordStream exactly as a job would (same
// format, options and credentials) but under short limits (ProbeLimits) and
// reads at most `max_records` records from the first page, so a holder can
// check a new endpoint in seconds. Each record is mapped and validated as a
// harvest would do it; nothing is written to the catalog or the job tables.
// Problems of the source are part of the report (`error`, with the fetch
// failure's code), never a failed Result: only a bug fails the call.
//
// Thread-safety: free function; no shared state.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/validator.h"
#include "harvesters/http/http_client.h"
#include "harvesters/jobs/source_store.h"

namespace hdcat::harvesters {

struct ProbeLimits {
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds total_timeout{20'000};
  std::uint64_t max_body_bytes = 32ull * 1024 * 1024;
  int max_records = 20;
};

struct ProbedRecord {
  std::string record_identifier;
  std::string dataset_identifier;  // "" when the record did not map
  std::string title;               // the Japanese title, else the English one
  std::string error;               // why it did not map, or the first validation error ("" = fine)
  std::string error_pointer;
  std::vector<std::string> unmapped;
};

struct ProbeReport {
  std::vector<ProbedRecord> records;
  int pages = 0;
  std::uint64_t bytes = 0;
  bool more = false;           // the source has records beyond those read
  std::string error;           // why the gather stopped early ("" = it did not)
  std::string failure_kind;    // FetchFailureKindName of an HTTP cause ("" otherwise)
  long http_status = 0;
};

ProbeReport ProbeSource(const HarvestSource& source, const HttpCredentials& credentials,
                        const catalog::Validator& validator, const ProbeLimits& limits = {});

}  // namespace hdcat::harvesters
