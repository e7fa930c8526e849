// Keeping the search index in step with the catalog.
//
// RebuildIndex builds a complete new index version from the catalog beside
// the live one and publishes it atomically (`hdcat reindex`). It records the
// change id that was newest *before* it started reading, so changes that land
// during the rebuild are replayed by the next sync.
//
// SyncFromCatalog applies the catalog changes after the id stored in the
// index, in batches; each batch commits its documents and its last change id
// together, so after a crash the next call resumes where the last commit
// ended. A holder change re-indexes that holder's datasets (its name and type
// are part of every dataset document). With `max_batches` > 0 it returns after
// that many batches (caught_up false when more may remain), so a long-running
// caller (search/index_sync_loop.h) can stop between batches.
//
// Thread-safety: each call uses its own writer; run one at a time per index.
#pragma once

#include <cstdint>

#include "base/result.h"
#include "search/catalog_source.h"
#include "search/document_builder.h"
#include "search/index_manager.h"
#include "search/index_writer.h"

namespace hdcat::search {

struct RebuildStats {
  std::int64_t datasets = 0;
  std::int64_t variables = 0;
  std::int64_t last_change_id = 0;
  std::string version_path;
};

Result<RebuildStats> RebuildIndex(CatalogSource& source, const DocumentBuilder& builder, const IndexManager& index);

struct SyncStats {
  std::int64_t changes_applied = 0;
  std::int64_t last_change_id = 0;
  bool caught_up = true;  // false: stopped at max_batches with changes possibly left
};

Result<SyncStats> SyncFromCatalog(CatalogSource& source, const DocumentBuilder& builder, IndexWriter& writer,
                                  int batch_size = 500, int max_batches = 0);
// Opens the live index for writing and syncs it.
Result<SyncStats> SyncFromCatalog(CatalogSource& source, const DocumentBuilder& builder, const IndexManager& index);

}  // namespace hdcat::search
