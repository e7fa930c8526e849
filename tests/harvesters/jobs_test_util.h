// Helpers for the harvest job tests: a migrated test database with sample
// holders, sample dataset documents, feed pages, sources with short limits,
// and one-call job runs.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "base/json.h"
#include "catalog/pg/connection.h"
#include "catalog/store/catalog_store.h"
#include "catalog/store/migrations.h"
#include "catalog/validator.h"
#include "harvesters/jobs/job_runner.h"
#include "harvesters/jobs/source_store.h"
#include "harvesters/scheduler/job_queue.h"
#include "tests/support/fault_server.h"
#include "tests/support/paths.h"
#include "tests/support/pg_fixture.h"

namespace hdcat::testing {

inline Json SampleDocument(const std::string& relative) {
  auto parsed = ParseJson(ReadFile(SourcePath("samples/" + relative)));
  if (!parsed.ok()) FAIL(parsed.error().ToString());
  return *parsed;
}

// The sample datasets of one holder, in file order.
inline std::vector<Json> SampleDatasets(const std::string& holder, const std::vector<std::string>& names) {
  std::vector<Json> out;
  for (const auto& name : names) out.push_back(SampleDocument("datasets/" + holder + "/" + name + ".json"));
  return out;
}

inline const std::vector<std::string>& MhlwNames() {
  static const std::vector<std::string> names = {"dpc-db",           "intractable-disease-db", "ltc-db",
                                                 "ndb-aggregate",    "ndb-open-data",          "ndb-sampling",
                                                 "ndb-special-extraction", "pediatric-chronic-disease-db"};
  return names;
}

// One native feed page.
inline std::string FeedPage(const std::vector<Json>& datasets, const std::string& next = "") {
  Json page = {{"datasets", Json::array()}, {"next", next.empty() ? Json(nullptr) : Json(next)}};
  for (const auto& dataset : datasets) page["datasets"].push_back(dataset);
  return page.dump();
}

inline FaultResponse JsonResponse(std::string body) { return FaultResponse::Ok("application/json", std::move(body)); }

class JobsFixture {
 public:
  JobsFixture() {
    auto conn = pg::Connection::Open(db.conninfo());
    if (!conn.ok()) FAIL(conn.error().ToString());
    conn_ = std::move(conn).value();
    auto migrated = catalog::Migrate(*conn_);
    if (!migrated.ok()) FAIL(migrated.error().ToString());
    auto validator = catalog::Validator::Load();
    if (!validator.ok()) FAIL(validator.error().ToString());
    validator_ = *validator;
    store_ = std::make_unique<catalog::CatalogStore>(*conn_, *validator_);
    for (const char* holder : {"mhlw", "ncc"}) {
      auto put = store_->PutHolder(SampleDocument(std::string("holders/") + holder + ".json"), "load:test");
      if (!put.ok()) FAIL(put.error().ToString());
    }
  }

  pg::Connection& conn() { return *conn_; }
  catalog::CatalogStore& store() { return *store_; }
  const catalog::Validator& validator() { return *validator_; }

  // A source with limits short enough for fast tests.
  harvesters::HarvestSource AddSource(const std::string& name, const std::string& holder, const std::string& url,
                                      const std::string& format = "feed", double threshold = 0.5,
                                      harvesters::SourceLimits limits = ShortLimits(),
                                      Json options = Json::object()) {
    harvesters::NewSource source;
    source.name = name;
    source.holder = holder;
    source.endpoint = url;
    source.format = format;
    source.schedule = "PT6H";
    source.limits = limits;
    source.mass_withdrawal_threshold = threshold;
    source.options = std::move(options);
    harvesters::SourceStore sources(*conn_);
    auto added = sources.Add(source);
    if (!added.ok()) FAIL(added.error().ToString());
    return *added;
  }

  static harvesters::SourceLimits ShortLimits() {
    harvesters::SourceLimits limits;
    limits.connect_timeout_ms = 1000;
    limits.total_timeout_ms = 1500;
    limits.low_speed_window_s = 1;
    limits.max_body_bytes = 1 << 20;
    limits.max_fetch_attempts = 2;
    limits.retry_base_ms = 50;
    return limits;
  }

  // Queues, claims and runs one job of `source_name` now (a full gather when `full`).
  harvesters::JobSummary Run(const std::string& source_name, const std::string& worker = "test-worker",
                             bool full = false) {
    harvesters::SourceStore sources(*conn_);
    auto source = sources.Get(source_name);
    if (!source.ok()) FAIL(source.error().ToString());
    harvesters::JobQueue queue(*conn_, worker, std::chrono::seconds(5));
    auto queued = queue.EnqueueNow(source->id, full);
    if (!queued.ok()) FAIL(queued.error().ToString());
    auto claimed = queue.Claim(*queued);
    if (!claimed.ok()) FAIL(claimed.error().ToString());
    REQUIRE(claimed->has_value());
    harvesters::RunnerOptions options;
    options.conninfo = db.conninfo();
    harvesters::JobRunner runner(*conn_, *validator_, queue, options);
    auto summary = runner.Run(**claimed);
    if (!summary.ok()) FAIL(summary.error().ToString());
    return *summary;
  }

  // The current canonical document of a dataset ("holder/identifier"), "" when absent.
  std::string Document(const std::string& ref) {
    auto record = store_->GetDataset(ref);
    if (!record.ok()) return "";
    return CanonicalJson(record->document);
  }
  std::string Status(const std::string& ref) {
    auto record = store_->GetDataset(ref);
    return record.ok() ? record->summary.status : "";
  }
  long long Count(const std::string& sql) { return std::stoll(db.Scalar(sql)); }
  long long Versions() { return Count("SELECT count(*) FROM dataset_versions"); }

  TestDatabase db;

 private:
  std::unique_ptr<pg::Connection> conn_;
  std::shared_ptr<const catalog::Validator> validator_;
  std::unique_ptr<catalog::CatalogStore> store_;
};

}  // namespace hdcat::testing
