// CkanSnapshot: the whole public catalog as CKAN's listing actions
// (package_list, organization_list, organization_show) see it: every active
// dataset as a package dict (web/export/ckan_package.h) and every holder as
// an organization dict.
//
// CkanCatalog is what the CKAN actions read through. package_search runs on
// the search index (`search()`, see web/ckan/package_search.h) and reads the
// package dicts of the returned page only, with Package(); package_show reads
// one dataset with Package(). Holder documents are kept for
// `recheck_interval` (they change rarely and every package embeds one).
// Current() hands out the snapshot for the listing actions: at most once per
// `recheck_interval` it lists holder and dataset summaries and rebuilds only
// when their versions or update times changed. A failed read is returned as
// the reader's error (kUnavailable for a lost database).
//
// Thread-safety: snapshots are immutable; CkanCatalog is thread-safe (one
// rebuild at a time, readers keep the snapshot they were given).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "web/api/catalog_reader.h"
#include "web/api/search_backend.h"
#include "web/export/export_input.h"
#include "web/export/export_vocabularies.h"

namespace hdcat::web::ckan {

struct CkanDataset {
  std::string name;  // the CKAN name and id: the dataset's public id
  std::string holder;
  std::string identifier;
  Json package;
};

struct CkanOrganization {
  std::string name;  // the holder identifier
  Json dict;         // with package_count
};

class CkanSnapshot {
 public:
  CkanSnapshot(std::vector<CkanDataset> datasets, std::vector<CkanOrganization> organizations);

  const std::vector<CkanDataset>& datasets() const { return datasets_; }                 // ordered by name
  const std::vector<CkanOrganization>& organizations() const { return organizations_; }  // by name

  // By name (the holder identifier); null when unknown.
  const CkanOrganization* FindOrganization(std::string_view id_or_name) const;

 private:
  std::vector<CkanDataset> datasets_;
  std::vector<CkanOrganization> organizations_;
};

class CkanCatalog {
 public:
  // `reader` and `search` may be null (the actions then answer kUnavailable).
  CkanCatalog(const api::CatalogReader* reader, const api::SearchBackend* search, exporting::ExportSite site,
              std::chrono::milliseconds recheck_interval = std::chrono::milliseconds(1000));

  Result<std::shared_ptr<const CkanSnapshot>> Current() const;

  // The package dict of one active dataset ("ds-…" or "holder/identifier");
  // kNotFound when there is none.
  Result<Json> Package(const std::string& dataset_ref) const;
  // A holder's document (null when unknown), cached for recheck_interval.
  Result<Json> Holder(const std::string& identifier) const;

  const api::SearchBackend* search() const { return search_; }
  const exporting::ExportSite& site() const { return site_; }

 private:
  struct Summaries {
    Json holders = Json::array();
    Json datasets = Json::array();
    std::string fingerprint;
  };
  Result<Summaries> ReadSummaries() const;
  Result<std::shared_ptr<const CkanSnapshot>> Build(const Summaries& summaries) const;

  const api::CatalogReader* reader_;
  const api::SearchBackend* search_;
  exporting::ExportSite site_;
  exporting::ExportVocabularies vocabularies_;
  std::chrono::milliseconds recheck_interval_;

  mutable std::mutex mutex_;
  mutable std::shared_ptr<const CkanSnapshot> snapshot_;        // guarded by mutex_
  mutable std::string fingerprint_;                             // guarded by mutex_
  mutable std::chrono::steady_clock::time_point checked_at_{};  // guarded by mutex_

  struct CachedHolder {
    std::chrono::steady_clock::time_point read_at;
    Json document;
  };
  mutable std::mutex holders_mutex_;
  mutable std::map<std::string, CachedHolder, std::less<>> holders_;  // guarded by holders_mutex_
};

}  // namespace hdcat::web::ckan
