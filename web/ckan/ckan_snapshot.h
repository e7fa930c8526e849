// CkanSnapshot: the whole public catalog as CKAN's read actions see it: every
// active dataset as a package dict (web/export/ckan_package.h) with its index
// fields, and every holder as an organization dict. Search, facets and
// paging run over one snapshot, so the pages a client walks with start/rows
// come from one consistent catalog.
//
// CkanCatalog hands out the current snapshot. It reads through the web
// layer's CatalogReader, and rebuilds only when the catalog changed: at most
// once per `recheck_interval` it lists holder and dataset summaries (a few
// small queries) and compares their versions and update times with those the
// snapshot was built from. Documents are read only on a rebuild. A failed
// read is returned as the reader's error (kUnavailable for a lost database).
//
// Thread-safety: snapshots are immutable; CkanCatalog is thread-safe (one
// rebuild at a time, readers keep the snapshot they were given).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "web/api/catalog_reader.h"
#include "web/ckan/ckan_fields.h"
#include "web/export/export_input.h"
#include "web/export/export_vocabularies.h"

namespace hdcat::web::ckan {

struct CkanDataset {
  std::string name;  // the CKAN name and id: the dataset's public id
  std::string holder;
  std::string identifier;
  Json package;
  CkanFields fields;
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

  // By CKAN id or name (both the public id), or "holder/identifier"; null when unknown.
  const CkanDataset* FindDataset(std::string_view id_or_name) const;
  const CkanOrganization* FindOrganization(std::string_view id_or_name) const;

 private:
  std::vector<CkanDataset> datasets_;
  std::vector<CkanOrganization> organizations_;
};

class CkanCatalog {
 public:
  CkanCatalog(const api::CatalogReader* reader, exporting::ExportSite site,
              std::chrono::milliseconds recheck_interval = std::chrono::milliseconds(1000));

  Result<std::shared_ptr<const CkanSnapshot>> Current() const;

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
  exporting::ExportSite site_;
  exporting::ExportVocabularies vocabularies_;
  std::chrono::milliseconds recheck_interval_;

  mutable std::mutex mutex_;
  mutable std::shared_ptr<const CkanSnapshot> snapshot_;        // guarded by mutex_
  mutable std::string fingerprint_;                             // guarded by mutex_
  mutable std::chrono::steady_clock::time_point checked_at_{};  // guarded by mutex_
};

}  // namespace hdcat::web::ckan
