#include "harvesters/jobs/job_progress.h"

namespace hdcat::harvesters {

std::string_view RecordOutcomeName(RecordOutcome outcome) {
  switch (outcome) {
    case RecordOutcome::kAdded: return "added";
    case RecordOutcome::kUpdated: return "updated";
    case RecordOutcome::kRestored: return "restored";
    case RecordOutcome::kUnchanged: return "unchanged";
    case RecordOutcome::kWithdrawn: return "withdrawn";
    case RecordOutcome::kErrored: return "errored";
  }
  return "errored";
}

void JobCounts::Count(RecordOutcome outcome) {
  switch (outcome) {
    case RecordOutcome::kAdded:
    case RecordOutcome::kRestored: ++added; break;
    case RecordOutcome::kUpdated: ++updated; break;
    case RecordOutcome::kUnchanged: ++unchanged; break;
    case RecordOutcome::kWithdrawn: ++withdrawn; break;
    case RecordOutcome::kErrored: ++errored; break;
  }
}

}  // namespace hdcat::harvesters
