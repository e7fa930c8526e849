// The catalog's records as the store returns them: holders, datasets, their
// versions and the change log. Documents are the JSON descriptions of
// schemas/MODEL.md; the other fields are what the store keeps about them.
//
// A dataset is identified by (holder, the holder's own identifier) and also by
// a stable public id 'ds-' + 16 hex digits of sha256("<holder>/<identifier>"),
// so the same dataset has the same public id in every installation and after
// a rebuild. A "dataset reference" in the APIs is either form: "ds-…" or
// "holder/identifier".
//
// Times are RFC 3339 UTC text ("2024-03-31T12:00:00Z").
//
// Thread-safety: plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"

namespace hdcat::catalog {

// What a write did. kRestored: a withdrawn dataset was published again.
enum class PutOutcome { kCreated, kUpdated, kUnchanged, kRestored };
std::string_view PutOutcomeName(PutOutcome outcome);

struct HolderSummary {
  std::string identifier;
  std::string name_ja;
  std::string name_en;
  std::string holder_type;
  int active_datasets = 0;
  std::string updated_at;
};

struct HolderRecord {
  HolderSummary summary;
  Json document;
  std::string content_hash;
  std::string created_at;
};

struct DatasetSummary {
  std::string public_id;
  std::string holder;
  std::string identifier;
  std::string status;  // "active" or "withdrawn"
  std::string title_ja;
  std::string title_en;
  std::string access_rights;
  std::string modified;
  int version_count = 0;  // also the current version's number: versions only grow
  double completeness = 0;
  std::string grade;
  std::string updated_at;
};

struct DatasetRecord {
  DatasetSummary summary;
  Json document;  // the current version's description
  std::string content_hash;
  std::string withdrawn_reason;  // "" unless withdrawn
  std::string created_at;
};

struct VersionInfo {
  int version_no = 0;
  std::string content_hash;
  std::string created_at;
  std::string source;  // 'load:<path>', 'harvest:<source-id>', 'web:<user>'
  bool current = false;
};

struct VersionRecord {
  VersionInfo info;
  Json document;
};

// One row of the ordered change log (catalog_changes).
struct CatalogChange {
  std::int64_t id = 0;
  std::string subject;  // "holder" or "dataset"
  std::string kind;     // "created", "updated", "withdrawn", "restored"
  std::string holder;
  std::string public_id;           // "" for holder changes
  std::string dataset_identifier;  // "" for holder changes
  int version_no = 0;              // 0 for holder changes
  std::string committed_at;
};

}  // namespace hdcat::catalog
