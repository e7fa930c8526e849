#include "web/ckan/ckan_snapshot.h"

#include <algorithm>
#include <map>

#include "base/hash.h"
#include "web/export/ckan_package.h"

namespace hdcat::web::ckan {
namespace {

constexpr std::int64_t kReadPageSize = 1000;  // the store's largest page

// Every item of a paged list.
template <typename ReadPage>
Result<Json> ReadAll(ReadPage read_page) {
  Json items = Json::array();
  for (std::int64_t offset = 0;; offset += kReadPageSize) {
    Result<api::Page> page = read_page(api::PageRequest{offset, kReadPageSize});
    if (!page.ok()) return page.error();
    for (Json& item : page->items) items.push_back(std::move(item));
    if (page->items.empty() || offset + kReadPageSize >= page->total) break;
  }
  return items;
}

}  // namespace

CkanSnapshot::CkanSnapshot(std::vector<CkanDataset> datasets, std::vector<CkanOrganization> organizations)
    : datasets_(std::move(datasets)), organizations_(std::move(organizations)) {
  std::sort(datasets_.begin(), datasets_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  std::sort(organizations_.begin(), organizations_.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
}

const CkanOrganization* CkanSnapshot::FindOrganization(std::string_view id_or_name) const {
  for (const CkanOrganization& organization : organizations_) {
    if (organization.name == id_or_name) return &organization;
  }
  return nullptr;
}

CkanCatalog::CkanCatalog(const api::CatalogReader* reader, const api::SearchBackend* search,
                         exporting::ExportSite site, std::chrono::milliseconds recheck_interval)
    : reader_(reader),
      search_(search),
      site_(std::move(site)),
      vocabularies_(exporting::ExportVocabularies::Load()),
      recheck_interval_(recheck_interval) {}

Result<CkanCatalog::Summaries> CkanCatalog::ReadSummaries() const {
  Summaries summaries;
  auto holders = ReadAll([this](const api::PageRequest& page) { return reader_->ListHolders(page); });
  if (!holders.ok()) return holders.error();
  auto datasets =
      ReadAll([this](const api::PageRequest& page) { return reader_->ListDatasets(api::DatasetFilter{}, page); });
  if (!datasets.ok()) return datasets.error();
  std::string state;
  for (const Json& holder : *holders) {
    state += holder.value("identifier", "") + " " + holder.value("updated_at", "") + "\n";
  }
  for (const Json& dataset : *datasets) {
    state += dataset.value("public_id", "") + " " + std::to_string(dataset.value("version", 0)) + " " +
             dataset.value("status", "") + " " + dataset.value("updated_at", "") + "\n";
  }
  summaries.holders = std::move(*holders);
  summaries.datasets = std::move(*datasets);
  summaries.fingerprint = Sha256Hex(state);
  return summaries;
}

Result<std::shared_ptr<const CkanSnapshot>> CkanCatalog::Build(const Summaries& summaries) const {
  std::map<std::string, Json> holder_documents;
  for (const Json& summary : summaries.holders) {
    std::string identifier = summary.value("identifier", "");
    auto document = reader_->GetHolder(identifier);
    if (!document.ok()) return document.error();
    holder_documents[identifier] = std::move(*document);
  }

  std::vector<CkanDataset> datasets;
  std::map<std::string, int> package_counts;
  for (const Json& summary : summaries.datasets) {
    if (summary.value("status", "active") != "active") continue;
    std::string holder = summary.value("holder", "");
    std::string identifier = summary.value("identifier", "");
    auto document = reader_->GetDataset(holder, identifier);
    if (!document.ok()) {
      if (document.error().kind == ErrorKind::kNotFound) continue;  // withdrawn since the list was read
      return document.error();
    }
    // The oldest version says when the catalog first stored the dataset.
    std::string created;
    std::int64_t versions = summary.value("version", 0);
    if (versions > 0) {
      auto oldest = reader_->ListVersions(holder, identifier, api::PageRequest{versions - 1, 1});
      if (oldest.ok() && !oldest->items.empty()) created = oldest->items[0].value("recorded_at", "");
    }
    static const Json kNoHolder;
    auto holder_document = holder_documents.find(holder);
    exporting::DatasetExport input{summary.value("public_id", ""), *document,
                                   holder_document == holder_documents.end() ? kNoHolder : holder_document->second,
                                   created, summary.value("updated_at", "")};
    Json package = exporting::CkanPackage(site_, vocabularies_, input, site_.default_language);
    datasets.push_back(CkanDataset{package.value("name", input.public_id), holder, identifier, std::move(package)});
    ++package_counts[holder];
  }

  std::vector<CkanOrganization> organizations;
  for (const auto& [identifier, document] : holder_documents) {
    Json dict = exporting::CkanOrganization(site_, document, site_.default_language, package_counts[identifier], "");
    organizations.push_back(CkanOrganization{identifier, std::move(dict)});
  }
  return std::shared_ptr<const CkanSnapshot>(
      std::make_shared<CkanSnapshot>(std::move(datasets), std::move(organizations)));
}

Result<std::shared_ptr<const CkanSnapshot>> CkanCatalog::Current() const {
  if (reader_ == nullptr) return Unavailable("the catalog database is not configured");
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (snapshot_ && now - checked_at_ < recheck_interval_) return snapshot_;
  auto summaries = ReadSummaries();
  if (!summaries.ok()) return summaries.error();
  checked_at_ = now;
  if (snapshot_ && summaries->fingerprint == fingerprint_) return snapshot_;
  auto built = Build(*summaries);
  if (!built.ok()) return built.error();
  snapshot_ = std::move(*built);
  fingerprint_ = summaries->fingerprint;
  return snapshot_;
}

Result<Json> CkanCatalog::Holder(const std::string& identifier) const {
  if (reader_ == nullptr) return Unavailable("the catalog database is not configured");
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(holders_mutex_);
    auto cached = holders_.find(identifier);
    if (cached != holders_.end() && now - cached->second.read_at < recheck_interval_) return cached->second.document;
  }
  auto document = reader_->GetHolder(identifier);
  if (!document.ok() && document.error().kind != ErrorKind::kNotFound) return document.error();
  Json value = document.ok() ? std::move(*document) : Json();
  std::lock_guard<std::mutex> lock(holders_mutex_);
  holders_[identifier] = CachedHolder{now, value};
  return value;
}

Result<Json> CkanCatalog::Package(const std::string& dataset_ref) const {
  if (reader_ == nullptr) return Unavailable("the catalog database is not configured");
  auto record = reader_->GetDatasetRecord(dataset_ref);
  if (!record.ok()) {
    // A malformed id names no dataset, as in CKAN.
    if (record.error().kind == ErrorKind::kInvalidInput) return NotFound("Dataset not found");
    return record.error();
  }
  auto holder = Holder(record->value("holder", ""));
  if (!holder.ok()) return holder.error();
  exporting::DatasetExport input{record->value("public_id", ""), (*record)["document"], *holder,
                                 record->value("created_at", ""), record->value("updated_at", "")};
  return exporting::CkanPackage(site_, vocabularies_, input, site_.default_language);
}

}  // namespace hdcat::web::ckan
