// IndexWriter: the single writer of one search index version. Replaces or
// deletes a dataset together with all its variable documents, feeds English
// words to the spelling dictionary ("did you mean") and takes the replaced or
// deleted version's words back out (they are kept in the dataset document's
// kSlotSpellingText), and records the last
// catalog change applied, in the same commit as the documents it produced, so
// a crash between batches is recovered by replaying from the recorded id.
//
// Nothing is visible to readers before Commit(). Upserting the same dataset
// twice leaves one copy.
//
// Thread-safety: not thread-safe; one writer per index (Xapian holds a lock).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/result.h"
#include "search/document_builder.h"

namespace hdcat::search {

class IndexWriter {
 public:
  explicit IndexWriter(Xapian::WritableDatabase database) : database_(std::move(database)) {}

  Status Upsert(const IndexedDataset& dataset);
  Status Delete(const std::string& public_id);
  // Public ids of the datasets of one holder in the index.
  Result<std::vector<std::string>> DatasetsOfHolder(const std::string& holder_id);

  Result<std::int64_t> LastChangeId();
  Status SetLastChangeId(std::int64_t change_id);
  Status Commit();

  Xapian::WritableDatabase& database() { return database_; }

 private:
  void RemoveSpelling(const std::string& public_id);

  Xapian::WritableDatabase database_;
};

}  // namespace hdcat::search
