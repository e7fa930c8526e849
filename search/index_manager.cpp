#include "search/index_manager.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "search/index_schema.h"

namespace hdcat::search {
namespace fs = std::filesystem;

namespace {
constexpr const char* kCurrentLink = "current";
}

Error XapianError(const Xapian::Error& error, const std::string& context) {
  ErrorKind kind = ErrorKind::kInternal;
  std::string type = error.get_type();
  if (type == "DatabaseLockError" || type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") {
    kind = ErrorKind::kUnavailable;
  }
  return Error(kind, context + ": " + type + ": " + error.get_msg());
}

Result<std::string> IndexManager::CurrentPath() const {
  std::error_code error;
  fs::path link = fs::path(root_) / kCurrentLink;
  fs::path target = fs::read_symlink(link, error);
  if (error) return NotFound("no search index at " + root_ + " (run `hdcat reindex`)");
  return (fs::path(root_) / target).string();
}

Result<std::string> IndexManager::CreateVersion() const {
  std::error_code error;
  fs::create_directories(root_, error);
  if (error) return Unavailable("cannot create " + root_ + ": " + error.message());
  auto now = std::chrono::duration_cast<std::chrono::microseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  for (int attempt = 0; attempt < 100; ++attempt) {
    char name[64];
    std::snprintf(name, sizeof(name), "v-%016lld-%d-%02d", static_cast<long long>(now), static_cast<int>(getpid()),
                  attempt);
    fs::path path = fs::path(root_) / name;
    if (fs::create_directory(path, error)) return path.string();
    if (error) return Unavailable("cannot create " + path.string() + ": " + error.message());
  }
  return Internal("cannot find a free version directory name under " + root_);
}

Status IndexManager::Publish(const std::string& version_path) const {
  std::error_code error;
  fs::path link = fs::path(root_) / kCurrentLink;
  std::string previous;
  if (auto current = CurrentPath(); current.ok()) previous = fs::path(*current).filename().string();
  std::string name = fs::path(version_path).filename().string();
  fs::path temporary = fs::path(root_) / ("current.tmp-" + std::to_string(getpid()));
  fs::remove(temporary, error);
  fs::create_directory_symlink(name, temporary, error);
  if (error) return Unavailable("cannot create " + temporary.string() + ": " + error.message());
  fs::rename(temporary, link, error);
  if (error) return Unavailable("cannot publish " + version_path + ": " + error.message());
  RemoveOldVersions(name, previous);
  return Status::Ok();
}

void IndexManager::RemoveOldVersions(const std::string& keep_current, const std::string& keep_previous) const {
  // Only versions older than the previous one: a newer unpublished directory
  // may be a rebuild in progress.
  if (keep_previous.empty()) return;
  std::error_code error;
  for (fs::directory_iterator it(root_, error), end; !error && it != end; it.increment(error)) {
    std::string name = it->path().filename().string();
    if (name.rfind("v-", 0) != 0 || name == keep_current || name == keep_previous) continue;
    if (name < keep_previous) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

Result<Xapian::Database> IndexManager::OpenForReading() const {
  auto path = CurrentPath();
  if (!path.ok()) return path.error();
  try {
    return Xapian::Database(*path);
  } catch (const Xapian::Error& error) {
    return XapianError(error, "open " + *path);
  }
}

Result<Xapian::WritableDatabase> IndexManager::OpenForWriting() const {
  auto path = CurrentPath();
  if (!path.ok()) {
    auto created = CreateVersion();
    if (!created.ok()) return created.error();
    try {
      Xapian::WritableDatabase empty(*created, Xapian::DB_CREATE_OR_OPEN);
      empty.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
      empty.commit();
    } catch (const Xapian::Error& error) {
      return XapianError(error, "create " + *created);
    }
    HDCAT_TRY(Publish(*created));
    path = CurrentPath();
    if (!path.ok()) return path.error();
  }
  try {
    return Xapian::WritableDatabase(*path, Xapian::DB_OPEN);
  } catch (const Xapian::Error& error) {
    return XapianError(error, "open for writing " + *path);
  }
}

}  // namespace hdcat::search
