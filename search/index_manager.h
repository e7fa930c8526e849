// IndexManager: where the search index lives on disk and how a rebuilt index
// replaces the old one without a searcher ever seeing an empty or half-built
// index.
//
// Layout under the root directory:
//   v-<timestamp>-<pid>/   one complete Xapian database per version
//   current -> v-...       a symlink naming the live version
// A rebuild writes a new version directory beside the live one, then
// Publish() points `current` at it with rename(2) over the symlink, which is
// atomic. Searchers that opened the previous version keep reading it; the
// previous version is kept until the next publish, older ones are removed.
// Incremental updates write to the live version through one IndexWriter
// (Xapian's lock allows one writer per database).
//
// Thread-safety: the manager holds only its root path; its methods may be
// called from any thread, but only one process should publish at a time.
#pragma once

#include <string>

#include <xapian.h>

#include "base/result.h"

namespace hdcat::search {

class IndexManager {
 public:
  explicit IndexManager(std::string root) : root_(std::move(root)) {}

  const std::string& root() const { return root_; }

  // Absolute path of the live version; NotFound when none was published.
  Result<std::string> CurrentPath() const;
  // Creates an empty, unpublished version directory and returns its path.
  Result<std::string> CreateVersion() const;
  // Makes `version_path` (from CreateVersion) the live version atomically.
  Status Publish(const std::string& version_path) const;

  // The live version for reading.
  Result<Xapian::Database> OpenForReading() const;
  // The live version for writing; publishes an empty version first when
  // there is none, so incremental updates can start from nothing.
  Result<Xapian::WritableDatabase> OpenForWriting() const;

 private:
  void RemoveOldVersions(const std::string& keep_current, const std::string& keep_previous) const;

  std::string root_;
};

// Wraps a Xapian exception as an hdcat Error.
Error XapianError(const Xapian::Error& error, const std::string& context);

}  // namespace hdcat::search
