// CatalogStore against a real PostgreSQL: versions, change log, refusals that
// leave every table untouched, append-only history, withdrawal.
#include <catch2/catch.hpp>

#include <libpq-fe.h>

#include <chrono>
#include <thread>

#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "catalog/store/dataset_ref.h"
#include "catalog/store/migrations.h"
#include "tests/catalog/store_documents.h"

namespace hdcat::catalog {
namespace {

using hdcat::testing::CatalogFingerprint;
using hdcat::testing::DatasetDocument;
using hdcat::testing::HolderDocument;
using hdcat::testing::TestDatabase;

const Validator& SharedValidator() {
  static const std::shared_ptr<const Validator> validator = [] {
    auto loaded = Validator::Load();
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
  }();
  return *validator;
}

// A migrated database with a store over it.
struct Fixture {
  TestDatabase db;
  std::unique_ptr<pg::Connection> conn;
  std::unique_ptr<CatalogStore> store;

  explicit Fixture(StoreLimits limits = {}) {
    auto opened = pg::Connection::Open(db.conninfo());
    REQUIRE(opened.ok());
    conn = std::move(opened).value();
    REQUIRE(Migrate(*conn).ok());
    store = std::make_unique<CatalogStore>(*conn, SharedValidator(), limits);
  }

  std::string Count(const char* table) const { return db.Scalar(std::string("SELECT count(*) FROM ") + table); }
};

DatasetPutResult MustPut(CatalogStore& store, const Json& document, std::string_view source = "load:test") {
  auto put = store.PutDataset(document, source);
  if (!put.ok()) FAIL(put.error().ToString());
  return std::move(put).value();
}

void MustPutHolder(CatalogStore& store, const std::string& identifier) {
  auto put = store.PutHolder(HolderDocument(identifier), "load:test");
  if (!put.ok()) FAIL(put.error().ToString());
}

TEST_CASE("the test documents are valid", "[store]") {
  auto holder = SharedValidator().Validate(DocumentKind::kHolder, HolderDocument("h1"));
  for (const auto& finding : holder.errors) UNSCOPED_INFO(finding.pointer + ": " + finding.message);
  CHECK(holder.ok());
  auto dataset = SharedValidator().Validate(DocumentKind::kDataset, DatasetDocument("h1", "d1"));
  for (const auto& finding : dataset.errors) UNSCOPED_INFO(finding.pointer + ": " + finding.message);
  CHECK(dataset.ok());
}

TEST_CASE("holders: created, unchanged, updated", "[store]") {
  Fixture f;
  auto first = f.store->PutHolder(HolderDocument("mhlw"), "load:a");
  REQUIRE(first.ok());
  CHECK(first->outcome == PutOutcome::kCreated);
  auto again = f.store->PutHolder(HolderDocument("mhlw"), "load:a");
  REQUIRE(again.ok());
  CHECK(again->outcome == PutOutcome::kUnchanged);
  Json renamed = HolderDocument("mhlw");
  renamed["name"]["en"] = "Ministry of Health, Labour and Welfare";
  auto updated = f.store->PutHolder(renamed, "load:b");
  REQUIRE(updated.ok());
  CHECK(updated->outcome == PutOutcome::kUpdated);

  auto holder = f.store->GetHolder("mhlw");
  REQUIRE(holder.ok());
  CHECK(holder->document == renamed);
  CHECK(holder->summary.name_en == "Ministry of Health, Labour and Welfare");
  CHECK(f.db.Scalar("SELECT string_agg(kind, ',' ORDER BY id) FROM catalog_changes WHERE subject = 'holder'") ==
        "created,updated");
  auto missing = f.store->GetHolder("nobody");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().kind == ErrorKind::kNotFound);
}

TEST_CASE("loading the same document twice creates one version", "[store]") {
  Fixture f;
  MustPutHolder(*f.store, "h1");
  Json document = DatasetDocument("h1", "d1");
  auto first = MustPut(*f.store, document);
  CHECK(first.outcome == PutOutcome::kCreated);
  CHECK(first.version_no == 1);
  CHECK(first.public_id == DatasetPublicId("h1", "d1"));

  // Same content built in another key order: same canonical bytes.
  Json reordered = Json::parse(document.dump());
  auto second = MustPut(*f.store, reordered, "load:other-path");
  CHECK(second.outcome == PutOutcome::kUnchanged);
  CHECK(second.version_no == 1);
  CHECK(second.public_id == first.public_id);
  CHECK(f.Count("dataset_versions") == "1");
  CHECK(f.db.Scalar("SELECT count(*) FROM catalog_changes WHERE subject = 'dataset'") == "1");
  CHECK(f.db.Scalar("SELECT string_agg(actor || ' ' || action, ',') FROM audit_log WHERE subject_type = 'dataset'") ==
        "load:test dataset.put");
}

TEST_CASE("writers racing to create the same dataset create it once", "[store]") {
  Fixture f;
  MustPutHolder(*f.store, "h1");
  constexpr int kWriters = 6;
  std::vector<std::unique_ptr<pg::Connection>> conns;
  for (int i = 0; i < kWriters; ++i) {
    auto conn = pg::Connection::Open(f.db.conninfo());
    REQUIRE(conn.ok());
    conns.push_back(std::move(conn).value());
  }
  std::vector<Result<DatasetPutResult>> results(kWriters, Internal("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      CatalogStore store(*conns[i], SharedValidator());
      results[i] = store.PutDataset(DatasetDocument("h1", "raced"), "load:race");
    });
  }
  for (auto& thread : threads) thread.join();
  int created = 0;
  for (const auto& result : results) {
    INFO((result.ok() ? std::string("ok") : result.error().ToString()));
    REQUIRE(result.ok());
    if (result->outcome == PutOutcome::kCreated) ++created;
    CHECK(result->version_no == 1);
  }
  CHECK(created == 1);
  CHECK(f.Count("dataset_versions") == "1");
  CHECK(f.db.Scalar("SELECT count(*) FROM catalog_changes WHERE subject = 'dataset'") == "1");
}

TEST_CASE("changing one field adds exactly one version and one change", "[store]") {
  Fixture f;
  MustPutHolder(*f.store, "h1");
  Json document = DatasetDocument("h1", "d1");
  MustPut(*f.store, document);
  const std::string versions_before = f.Count("dataset_versions");
  const std::string changes_before = f.Count("catalog_changes");

  Json edited = document;
  edited["title"]["en"] = "Dataset d1, revised";
  auto put = MustPut(*f.store, edited, "load:v2");
  CHECK(put.outcome == PutOutcome::kUpdated);
  CHECK(put.version_no == 2);
  CHECK(std::stoi(f.Count("dataset_versions")) == std::stoi(versions_before) + 1);
  CHECK(std::stoi(f.Count("catalog_changes")) == std::stoi(changes_before) + 1);

  auto current = f.store->GetDataset("h1/d1");
  REQUIRE(current.ok());
  CHECK(current->document == edited);
  CHECK(current->summary.title_en == "Dataset d1, revised");
  CHECK(current->summary.version_count == 2);

  SECTION("a revert to earlier content is a new version") {
    auto reverted = MustPut(*f.store, document, "load:v3");
    CHECK(reverted.outcome == PutOutcome::kUpdated);
    CHECK(reverted.version_no == 3);
    auto history = f.store->History(put.public_id);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 3);
    CHECK((*history)[0].content_hash == (*history)[2].content_hash);
    CHECK((*history)[1].content_hash != (*history)[0].content_hash);
    CHECK((*history)[2].current);
    CHECK_FALSE((*history)[0].current);
    CHECK((*history)[1].source == "load:v2");
    auto first = f.store->GetVersion("h1/d1", 1);
    REQUIRE(first.ok());
    CHECK(first->document == document);
    auto none = f.store->GetVersion("h1/d1", 4);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().kind == ErrorKind::kNotFound);
  }
}

TEST_CASE("history is append-only in the database itself", "[store]") {
  Fixture f;
  MustPutHolder(*f.store, "h1");
  MustPut(*f.store, DatasetDocument("h1", "d1"));
  const std::string before = CatalogFingerprint(f.db);
  const char* statements[] = {
      "UPDATE dataset_versions SET source = 'forged'",
      "UPDATE dataset_versions SET document = '{}'::jsonb",
      "DELETE FROM dataset_versions",
      "TRUNCATE dataset_versions CASCADE",
      "UPDATE catalog_changes SET kind = 'updated'",
      "DELETE FROM catalog_changes",
      "DELETE FROM audit_log",
  };
  for (const char* sql : statements) {
    INFO(sql);
    auto result = f.conn->ExecScript(sql);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.find("append-only") != std::string::npos);
  }
  CHECK(CatalogFingerprint(f.db) == before);
}

TEST_CASE("a refused document leaves every table unchanged", "[store]") {
  Fixture f(StoreLimits{4096});
  MustPutHolder(*f.store, "h1");
  MustPut(*f.store, DatasetDocument("h1", "existing"));

  Json missing_title = DatasetDocument("h1", "d2");
  missing_title.erase("title");
  Json unknown_holder = DatasetDocument("nobody", "d2");
  Json oversized = DatasetDocument("h1", "d2");
  oversized["description"]["en"] = std::string(5000, 'x');
  Json bad_utf8 = DatasetDocument("h1", "d2");
  bad_utf8["description"]["ja"] = std::string("\xe7\xb3", 2);  // truncated 糖
  Json nul_char = DatasetDocument("h1", "d2");  // valid JSON, but PostgreSQL's jsonb refuses \u0000
  nul_char["description"]["en"] = std::string("a\0b", 3);
  Json update_with_nul = DatasetDocument("h1", "existing");
  update_with_nul["title"]["en"] = std::string("x\0y", 3);
  Json not_an_object = Json::array({1, 2});
  Json holder_missing_type = HolderDocument("h2");
  holder_missing_type.erase("holder_type");

  struct Case {
    const char* name;
    bool holder;
    Json document;
    ErrorKind kind;
    const char* pointer;  // nullptr: do not check
  };
  const Case cases[] = {
      {"validation error", false, missing_title, ErrorKind::kInvalidInput, "/title"},
      {"unknown holder", false, unknown_holder, ErrorKind::kNotFound, "/holder"},
      {"oversized", false, oversized, ErrorKind::kTooLarge, nullptr},
      {"invalid UTF-8", false, bad_utf8, ErrorKind::kInvalidInput, "/description/ja"},
      {"NUL refused by the database after the dataset row was written", false, nul_char, ErrorKind::kInvalidInput,
       nullptr},
      {"update refused by the database", false, update_with_nul, ErrorKind::kInvalidInput, nullptr},
      {"not an object", false, not_an_object, ErrorKind::kInvalidInput, nullptr},
      {"invalid holder", true, holder_missing_type, ErrorKind::kInvalidInput, "/holder_type"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const std::string before = CatalogFingerprint(f.db);
    Error error;
    if (c.holder) {
      auto put = f.store->PutHolder(c.document, "load:bad");
      REQUIRE_FALSE(put.ok());
      error = put.error();
    } else {
      auto put = f.store->PutDataset(c.document, "load:bad");
      REQUIRE_FALSE(put.ok());
      error = put.error();
    }
    INFO(error.ToString());
    CHECK(error.kind == c.kind);
    if (c.pointer != nullptr) CHECK(error.pointer == c.pointer);
    CHECK(CatalogFingerprint(f.db) == before);
    CHECK_FALSE(f.conn->in_transaction());
  }
}

TEST_CASE("the same identifier under another holder is another dataset", "[store]") {
  Fixture f;
  MustPutHolder(*f.store, "h1");
  MustPutHolder(*f.store, "h2");
  auto a = MustPut(*f.store, DatasetDocument("h1", "registry"));
  auto b = MustPut(*f.store, DatasetDocument("h2", "registry"));
  CHECK(a.outcome == PutOutcome::kCreated);
  CHECK(b.outcome == PutOutcome::kCreated);
  CHECK(a.public_id != b.public_id);
  CHECK(f.Count("datasets") == "2");

  auto only_h2 = f.store->ListDatasets(DatasetQuery{.holder = "h2"});
  REQUIRE(only_h2.ok());
  REQUIRE(only_h2->items.size() == 1);
  CHECK(only_h2->items[0].public_id == b.public_id);

  SECTION("acting for one holder, a document naming another is refused") {
    const std::string before = CatalogFingerprint(f.db);
    Json claimed = DatasetDocument("h1", "registry");
    claimed["title"]["en"] = "Hijacked";
    auto put = f.store->PutDataset(claimed, "web:someone", "h2");
    REQUIRE_FALSE(put.ok());
    CHECK(put.error().kind == ErrorKind::kForbidden);
    CHECK(put.error().message.find("belongs to holder 'h1'") != std::string::npos);
    CHECK(CatalogFingerprint(f.db) == before);
    auto own = f.store->PutDataset(DatasetDocument("h2", "registry"), "web:someone", "h2");
    REQUIRE(own.ok());
    CHECK(own->outcome == PutOutcome::kUnchanged);
  }
}

TEST_CASE("listing pages through the current catalog", "[store]") {
  Fixture f;
  MustPutHolder(*f.store, "h1");
  for (const char* id : {"c", "a", "b", "e", "d"}) MustPut(*f.store, DatasetDocument("h1", id));
  std::vector<std::string> seen;
  DatasetQuery query;
  query.limit = 2;
  for (;;) {
    auto page = f.store->ListDatasets(query);
    REQUIRE(page.ok());
    CHECK(page->total == 5);
    for (const auto& item : page->items) seen.push_back(item.identifier);
    if (page->items.empty()) break;
    query.offset += static_cast<int>(page->items.size());
  }
  CHECK(seen == std::vector<std::string>{"a", "b", "c", "d", "e"});
  auto unknown = f.store->ListDatasets(DatasetQuery{.holder = "nobody"});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().kind == ErrorKind::kNotFound);

  auto keyset = f.store->CurrentDatasetsAfter("", 3);
  REQUIRE(keyset.ok());
  REQUIRE(keyset->size() == 3);
  auto rest = f.store->CurrentDatasetsAfter(keyset->back().summary.public_id, 10);
  REQUIRE(rest.ok());
  CHECK(rest->size() == 2);
  CHECK(rest->front().summary.public_id > keyset->back().summary.public_id);
}

TEST_CASE("withdrawing hides a dataset and keeps its history", "[store]") {
  Fixture f;
  MustPutHolder(*f.store, "h1");
  auto put = MustPut(*f.store, DatasetDocument("h1", "d1"));
  MustPut(*f.store, DatasetDocument("h1", "d2"));

  auto empty_reason = f.store->WithdrawDataset(put.public_id, "", "web:admin");
  REQUIRE_FALSE(empty_reason.ok());
  CHECK(empty_reason.error().kind == ErrorKind::kInvalidInput);

  auto bad_reason = f.store->WithdrawDataset(put.public_id, std::string("\xff"), "web:admin");
  REQUIRE_FALSE(bad_reason.ok());
  CHECK(bad_reason.error().kind == ErrorKind::kInvalidInput);
  CHECK(f.db.Scalar("SELECT status FROM datasets WHERE public_id = '" + put.public_id + "'") == "active");

  auto withdrawn = f.store->WithdrawDataset(put.public_id, "superseded by d2", "web:admin");
  REQUIRE(withdrawn.ok());
  CHECK(withdrawn->changed);
  auto twice = f.store->WithdrawDataset("h1/d1", "again", "web:admin");
  REQUIRE(twice.ok());
  CHECK_FALSE(twice->changed);

  auto listed = f.store->ListDatasets({});
  REQUIRE(listed.ok());
  REQUIRE(listed->items.size() == 1);
  CHECK(listed->items[0].identifier == "d2");
  DatasetQuery everything;
  everything.include_withdrawn = true;
  auto with_withdrawn = f.store->ListDatasets(everything);
  REQUIRE(with_withdrawn.ok());
  CHECK(with_withdrawn->total == 2);

  auto record = f.store->GetDataset(put.public_id);
  REQUIRE(record.ok());
  CHECK(record->summary.status == "withdrawn");
  CHECK(record->withdrawn_reason == "superseded by d2");
  CHECK(f.db.Scalar("SELECT count(*) FROM catalog_changes WHERE kind = 'withdrawn'") == "1");

  SECTION("putting it again restores it without a new version when the content is the same") {
    auto restored = MustPut(*f.store, DatasetDocument("h1", "d1"));
    CHECK(restored.outcome == PutOutcome::kRestored);
    CHECK(restored.version_no == 1);
    auto again = f.store->GetDataset(put.public_id);
    REQUIRE(again.ok());
    CHECK(again->summary.status == "active");
    CHECK(again->withdrawn_reason.empty());
  }
  auto unknown = f.store->WithdrawDataset("h1/nothing", "x", "web:admin");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().kind == ErrorKind::kNotFound);
}

TEST_CASE("the change log lists every change in order", "[store]") {
  Fixture f;
  MustPutHolder(*f.store, "h1");
  auto d1 = MustPut(*f.store, DatasetDocument("h1", "d1"));
  MustPut(*f.store, DatasetDocument("h1", "d1"));  // unchanged: no change row
  Json edited = DatasetDocument("h1", "d1");
  edited["keywords"] = {{"ja", {"糖尿病"}}};
  MustPut(*f.store, edited);
  MustPut(*f.store, DatasetDocument("h1", "d2"));
  REQUIRE(f.store->WithdrawDataset("h1/d1", "gone", "web:admin").ok());

  auto all = f.store->ChangesAfter(0, 100);
  REQUIRE(all.ok());
  std::vector<std::string> described;
  for (std::size_t i = 0; i < all->size(); ++i) {
    const auto& change = (*all)[i];
    if (i > 0) CHECK(change.id > (*all)[i - 1].id);
    described.push_back(change.subject + ":" + change.kind + ":" +
                        (change.subject == "dataset" ? change.dataset_identifier + "@" + std::to_string(change.version_no)
                                                     : change.holder));
  }
  CHECK(described == std::vector<std::string>{"holder:created:h1", "dataset:created:d1@1", "dataset:updated:d1@2",
                                              "dataset:created:d2@1", "dataset:withdrawn:d1@2"});
  CHECK((*all)[1].public_id == d1.public_id);

  auto latest = f.store->LatestChangeId();
  REQUIRE(latest.ok());
  CHECK(*latest == all->back().id);
  auto tail = f.store->ChangesAfter((*all)[2].id, 1);
  REQUIRE(tail.ok());
  REQUIRE(tail->size() == 1);
  CHECK(tail->front().id == (*all)[3].id);
  auto none = f.store->ChangesAfter(all->back().id, 10);
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("each change is announced with NOTIFY on commit", "[store]") {
  Fixture f;
  auto listener = pg::Connection::Open(f.db.conninfo());
  REQUIRE(listener.ok());
  REQUIRE((*listener)->ExecScript("LISTEN hdcat_catalog_changes").ok());
  MustPutHolder(*f.store, "h1");
  MustPut(*f.store, DatasetDocument("h1", "d1"));

  auto changes = f.store->ChangesAfter(0, 10);
  REQUIRE(changes.ok());
  std::vector<std::string> expected;
  for (const auto& change : *changes) expected.push_back(std::to_string(change.id));

  std::vector<std::string> received;
  PGconn* raw = (*listener)->raw();
  for (int attempt = 0; attempt < 50 && received.size() < expected.size(); ++attempt) {
    REQUIRE(PQconsumeInput(raw) == 1);
    while (PGnotify* note = PQnotifies(raw)) {
      received.emplace_back(note->extra);
      PQfreemem(note);
    }
    if (received.size() < expected.size()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(received == expected);
}

TEST_CASE("dataset references: public id or holder/identifier", "[store]") {
  CHECK(DatasetPublicId("h1", "d1") == DatasetPublicId("h1", "d1"));
  CHECK(DatasetPublicId("h1", "d1") != DatasetPublicId("h2", "d1"));
  CHECK(DatasetPublicId("h1", "d1").size() == 19);
  struct Case {
    const char* text;
    bool ok;
  };
  const Case cases[] = {{"h1/d1", true},          {"ds-0123456789abcdef", true}, {"ds-0123", false},
                        {"H1/d1", false},         {"h1/", false},                {"/d1", false},
                        {"h1/d1/x", false},       {"ds-0123456789ABCDEF", false}, {"", false}};
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(ParseDatasetRef(c.text).ok() == c.ok);
  }
}

}  // namespace
}  // namespace hdcat::catalog
