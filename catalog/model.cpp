#include "catalog/model.h"

namespace hdcat::catalog {

std::string_view PutOutcomeName(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kCreated: return "created";
    case PutOutcome::kUpdated: return "updated";
    case PutOutcome::kUnchanged: return "unchanged";
    case PutOutcome::kRestored: return "restored";
  }
  return "unchanged";
}

}  // namespace hdcat::catalog
