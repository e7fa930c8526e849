// Rebuilds swap atomically under a searcher; incremental sync applies the
// change log and resumes after a failure from the last committed change.
#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "search/catalog_sync.h"
#include "tests/search/test_corpus.h"

namespace hdcat::search::testing {
namespace {

// A catalog with a change log, over the test corpus. It can be told to fail
// after serving a number of datasets, to simulate a crash mid-sync.
class ChangingSource : public DirectorySource {
 public:
  explicit ChangingSource(DirectorySource base) : DirectorySource(std::move(base)) {}

  void Change(CatalogChange::Entity entity, std::string id, bool deleted) {
    CatalogChange change;
    change.change_id = static_cast<std::int64_t>(log_.size()) + 1;
    change.entity = entity;
    change.id = std::move(id);
    change.deleted = deleted;
    log_.push_back(change);
  }
  void Remove(const std::string& public_id) { removed_.insert(public_id); }
  void FailAfter(int reads) { reads_left_ = reads; }

  Result<std::int64_t> LatestChangeId() override { return static_cast<std::int64_t>(log_.size()); }
  Result<std::vector<CatalogChange>> ChangesAfter(std::int64_t after, int limit) override {
    std::vector<CatalogChange> out;
    for (const CatalogChange& change : log_) {
      if (change.change_id > after && static_cast<int>(out.size()) < limit) out.push_back(change);
    }
    return out;
  }
  Result<std::optional<CatalogEntry>> GetDataset(const std::string& public_id) override {
    if (reads_left_ == 0) return Unavailable("database went away");
    if (reads_left_ > 0) --reads_left_;
    if (removed_.count(public_id) > 0) return std::optional<CatalogEntry>();
    return DirectorySource::GetDataset(public_id);
  }

 private:
  std::vector<CatalogChange> log_;
  std::set<std::string> removed_;
  int reads_left_ = -1;
};

std::string PublicIdOf(const std::string& holder, const std::string& identifier) {
  auto id = DatasetPublicId(Json{{"holder", holder}, {"identifier", identifier}});
  REQUIRE(id.ok());
  return *id;
}

TEST_CASE("a rebuild is published atomically under a running searcher", "[search][index]") {
  TempDir dir;
  IndexManager manager(dir.path() + "/index");
  CHECK_FALSE(manager.CurrentPath().ok());
  Corpus corpus = MakeCorpus();
  DocumentBuilder builder(Vocabulary()->coding_systems);
  DirectorySource source = SourceOf(corpus);
  auto first = RebuildIndex(source, builder, manager);
  REQUIRE(first.ok());
  CHECK(first->datasets == static_cast<std::int64_t>(corpus.datasets.size()));
  CHECK(first->variables == 4);

  auto searcher = Searcher::Open(manager, Vocabulary());
  REQUIRE(searcher.ok());
  const std::int64_t expected = static_cast<std::int64_t>(corpus.datasets.size());
  std::atomic<bool> done{false};
  std::atomic<int> bad{0};
  std::atomic<int> searches{0};
  std::thread reader([&] {
    while (!done) {
      auto response = (*searcher)->Search(SearchRequest());
      if (!response.ok() || response->total != expected) ++bad;
      ++searches;
    }
  });
  for (int i = 0; i < 4; ++i) {
    auto rebuilt = RebuildIndex(source, builder, manager);
    REQUIRE(rebuilt.ok());
    CHECK(rebuilt->version_path != first->version_path);
  }
  done = true;
  reader.join();
  CHECK(searches > 0);
  CHECK(bad == 0);
  // Only the live version and the one before it are kept.
  int versions = 0;
  for (const auto& entry : std::filesystem::directory_iterator(manager.root())) {
    if (entry.path().filename().string().rfind("v-", 0) == 0) ++versions;
  }
  CHECK(versions == 2);
}

TEST_CASE("sync applies changes and resumes after a failure", "[search][index][sync]") {
  TempDir dir;
  IndexManager manager(dir.path() + "/index");
  Corpus corpus = MakeCorpus();
  DocumentBuilder builder(Vocabulary()->coding_systems);
  ChangingSource source(SourceOf(corpus));
  REQUIRE(RebuildIndex(source, builder, manager).ok());
  auto searcher = Searcher::Open(manager, Vocabulary());
  REQUIRE(searcher.ok());
  auto total = [&](const std::string& query) {
    SearchRequest request;
    request.query = query;
    auto response = (*searcher)->Search(request);
    REQUIRE(response.ok());
    return response->total;
  };
  REQUIRE(total("妊娠糖尿病") == 1);

  // A new version of one dataset, a withdrawal, and a renamed holder.
  Json changed = corpus.datasets[3].dataset;  // univ/dm-registry
  changed["title"]["ja"] = "糖尿病合併症レジストリ";
  REQUIRE(source.AddDataset(changed, 75).ok());
  source.Change(CatalogChange::Entity::kDataset, PublicIdOf("univ", "dm-registry"), false);
  source.Remove(PublicIdOf("univ", "gdm-cohort"));
  source.Change(CatalogChange::Entity::kDataset, PublicIdOf("univ", "gdm-cohort"), true);
  Json holder = *corpus.Holder("ncvc");
  holder["name"]["ja"] = "循環器病データセンター";
  REQUIRE(source.AddHolder(holder).ok());
  source.Change(CatalogChange::Entity::kHolder, "ncvc", false);

  // The first attempt fails on its second dataset read (the holder change),
  // after the update and the withdrawal were committed one batch each.
  source.FailAfter(1);
  {
    auto database = manager.OpenForWriting();
    REQUIRE(database.ok());
    IndexWriter writer(std::move(*database));
    auto failed = SyncFromCatalog(source, builder, writer, /*batch_size=*/1);
    CHECK_FALSE(failed.ok());
    auto last = writer.LastChangeId();
    REQUIRE(last.ok());
    CHECK(*last == 2);
  }
  CHECK(total("合併症") == 1);
  CHECK(total("妊娠糖尿病") == 0);
  CHECK(total("循環器病データセンター") == 0);  // not applied yet

  source.FailAfter(-1);
  auto resumed = SyncFromCatalog(source, builder, manager);
  REQUIRE(resumed.ok());
  CHECK(resumed->changes_applied == 1);
  CHECK(resumed->last_change_id == 3);
  CHECK(total("循環器病データセンター") == 1);
  CHECK(total("合併症") == 1);
  // Replaying is harmless: nothing left to apply, one copy of each dataset.
  auto again = SyncFromCatalog(source, builder, manager);
  REQUIRE(again.ok());
  CHECK(again->changes_applied == 0);
  CHECK(total("") == static_cast<std::int64_t>(corpus.datasets.size()) - 1);
}

TEST_CASE("search spelling: a replaced or withdrawn dataset's words are no longer suggested",
          "[search][index][sync][spelling]") {
  TempDir dir;
  IndexManager manager(dir.path() + "/index");
  Corpus corpus = MakeCorpus();
  DocumentBuilder builder(Vocabulary()->coding_systems);
  ChangingSource source(SourceOf(corpus));
  // Two datasets share "xylophonic"; each has one word of its own.
  auto with_title = [&](std::size_t index, const std::string& title) {
    Json dataset = corpus.datasets[index].dataset;
    dataset["title"]["en"] = title;
    REQUIRE(source.AddDataset(dataset, 80).ok());
    return *DatasetPublicId(dataset);
  };
  const std::string first = with_title(0, "Xylophonic spectrograph survey");
  const std::string second = with_title(1, "Xylophonic quasicrystal registry");
  REQUIRE(RebuildIndex(source, builder, manager).ok());
  auto searcher = Searcher::Open(manager, Vocabulary());
  REQUIRE(searcher.ok());
  auto suggestion = [&](const std::string& query) {
    SearchRequest request;
    request.query = query;
    auto response = (*searcher)->Search(request);
    REQUIRE(response.ok());
    return response->did_you_mean;
  };
  REQUIRE(suggestion("spectrogrph") == "spectrograph");
  REQUIRE(suggestion("quasicrystl") == "quasicrystal");
  REQUIRE(suggestion("xylophnic") == "xylophonic");

  // A new version without the word, and a withdrawal.
  with_title(0, "Xylophonic survey");
  source.Change(CatalogChange::Entity::kDataset, first, false);
  source.Remove(second);
  source.Change(CatalogChange::Entity::kDataset, second, true);
  REQUIRE(SyncFromCatalog(source, builder, manager).ok());
  CHECK(suggestion("spectrogrph").empty());
  CHECK(suggestion("quasicrystl").empty());
  // Still in the new version of the first dataset: counted down, not wiped.
  CHECK(suggestion("xylophnic") == "xylophonic");

  source.Remove(first);
  source.Change(CatalogChange::Entity::kDataset, first, true);
  REQUIRE(SyncFromCatalog(source, builder, manager).ok());
  CHECK(suggestion("xylophnic").empty());
}

TEST_CASE("an index with nothing published is created empty for writing", "[search][index]") {
  TempDir dir;
  IndexManager manager(dir.path() + "/fresh");
  auto database = manager.OpenForWriting();
  REQUIRE(database.ok());
  CHECK(database->get_doccount() == 0);
  CHECK(manager.CurrentPath().ok());
}

}  // namespace
}  // namespace hdcat::search::testing
