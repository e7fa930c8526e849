// What a harvest job did, record by record, and how callers watch it.
//
// RecordOutcome is the fate of one source record in one job; JobCounts are
// the job's counters (restored records count as added: they are back in the
// catalog). JobObserver receives each record's outcome and the job's log
// messages as they happen (the CLI draws a progress bar or writes log lines
// from them); every callback runs on the job's thread.
//
// Thread-safety: JobCounts is a plain value; an observer is called from one
// thread at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hdcat::harvesters {

enum class RecordOutcome { kAdded, kUpdated, kRestored, kUnchanged, kWithdrawn, kErrored };

std::string_view RecordOutcomeName(RecordOutcome outcome);

struct JobCounts {
  std::int64_t seen = 0;
  std::int64_t added = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t withdrawn = 0;
  std::int64_t errored = 0;

  void Count(RecordOutcome outcome);
};

struct RecordEvent {
  RecordOutcome outcome = RecordOutcome::kUnchanged;
  std::string_view record_identifier;
  std::string_view dataset;        // "holder/identifier" when known
  std::string_view error_kind;     // for kErrored
  std::string_view error_message;  // for kErrored
};

class JobObserver {
 public:
  virtual ~JobObserver() = default;
  virtual void OnRecord(const RecordEvent& event, const JobCounts& counts) = 0;
  virtual void OnMessage(std::string_view message) = 0;
};

}  // namespace hdcat::harvesters
