#include "web/api/store_catalog_reader.h"

#include <algorithm>

#include "catalog/store/catalog_store.h"

namespace hdcat::web::api {
namespace {

Json LangText(const std::string& ja, const std::string& en) {
  Json text = Json::object();
  if (!ja.empty()) text["ja"] = ja;
  if (!en.empty()) text["en"] = en;
  return text;
}

Json HolderSummaryJson(const catalog::HolderSummary& holder) {
  return Json{{"identifier", holder.identifier},
              {"name", LangText(holder.name_ja, holder.name_en)},
              {"holder_type", holder.holder_type},
              {"active_datasets", holder.active_datasets},
              {"updated_at", holder.updated_at}};
}

Json DatasetSummaryJson(const catalog::DatasetSummary& dataset) {
  return Json{{"public_id", dataset.public_id},
              {"holder", dataset.holder},
              {"identifier", dataset.identifier},
              {"status", dataset.status},
              {"title", LangText(dataset.title_ja, dataset.title_en)},
              {"access_rights", dataset.access_rights},
              {"modified", dataset.modified},
              {"version", dataset.version_count},
              {"completeness", dataset.completeness},
              {"grade", dataset.grade},
              {"updated_at", dataset.updated_at}};
}

Json VersionJson(const catalog::VersionInfo& version) {
  return Json{{"version", version.version_no},
              {"recorded_at", version.created_at},
              {"content_hash", version.content_hash},
              {"current", version.current}};
}

std::string Ref(const std::string& holder, const std::string& identifier) { return holder + "/" + identifier; }

// A slice [offset, offset+limit) of a list that the store returns whole.
template <typename T, typename Convert>
Page Slice(const std::vector<T>& all, const PageRequest& page, Convert convert) {
  Page result;
  result.total = static_cast<std::int64_t>(all.size());
  for (std::int64_t i = page.offset; i < result.total && i < page.offset + page.limit; ++i) {
    result.items.push_back(convert(all[static_cast<std::size_t>(i)]));
  }
  return result;
}

}  // namespace

StoreCatalogReader::StoreCatalogReader(pg::ConnectionPool* pool, std::shared_ptr<const catalog::Validator> validator)
    : pool_(pool), validator_(std::move(validator)) {}

Result<Page> StoreCatalogReader::ListHolders(const PageRequest& page) const {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.error();
  catalog::CatalogStore store(**lease, *validator_);
  auto holders = store.ListHolders();
  if (!holders.ok()) return holders.error();
  return Slice(*holders, page, HolderSummaryJson);
}

Result<Json> StoreCatalogReader::GetHolder(const std::string& holder) const {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.error();
  catalog::CatalogStore store(**lease, *validator_);
  auto record = store.GetHolder(holder);
  if (!record.ok()) return record.error();
  return record->document;
}

Result<Page> StoreCatalogReader::ListDatasets(const DatasetFilter& filter, const PageRequest& page) const {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.error();
  catalog::CatalogStore store(**lease, *validator_);
  catalog::DatasetQuery query;
  if (!filter.holder.empty()) query.holder = filter.holder;
  query.limit = static_cast<int>(page.limit);
  query.offset = static_cast<int>(page.offset);
  auto datasets = store.ListDatasets(query);
  if (!datasets.ok()) return datasets.error();
  Page result;
  result.total = datasets->total;
  for (const auto& dataset : datasets->items) result.items.push_back(DatasetSummaryJson(dataset));
  return result;
}

Result<Json> StoreCatalogReader::GetDataset(const std::string& holder, const std::string& identifier) const {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.error();
  catalog::CatalogStore store(**lease, *validator_);
  auto record = store.GetDataset(Ref(holder, identifier));
  if (!record.ok()) return record.error();
  if (record->summary.status != "active") {
    return NotFound("dataset " + Ref(holder, identifier) + " has been withdrawn: " + record->withdrawn_reason);
  }
  return record->document;
}

Result<Json> StoreCatalogReader::GetDatasetSummary(const std::string& holder, const std::string& identifier) const {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.error();
  catalog::CatalogStore store(**lease, *validator_);
  auto record = store.GetDataset(Ref(holder, identifier));
  if (!record.ok()) return record.error();
  return DatasetSummaryJson(record->summary);
}

Result<Json> StoreCatalogReader::GetDatasetRecord(const std::string& dataset_ref) const {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.error();
  catalog::CatalogStore store(**lease, *validator_);
  auto record = store.GetDataset(dataset_ref);
  if (!record.ok()) return record.error();
  if (record->summary.status != "active") {
    return NotFound("dataset " + dataset_ref + " has been withdrawn: " + record->withdrawn_reason);
  }
  return Json{{"public_id", record->summary.public_id},
              {"holder", record->summary.holder},
              {"identifier", record->summary.identifier},
              {"document", std::move(record->document)},
              {"content_hash", record->content_hash},
              {"created_at", record->created_at},
              {"updated_at", record->summary.updated_at}};
}

Result<Page> StoreCatalogReader::ListVersions(const std::string& holder, const std::string& identifier,
                                              const PageRequest& page) const {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.error();
  catalog::CatalogStore store(**lease, *validator_);
  auto history = store.History(Ref(holder, identifier));
  if (!history.ok()) return history.error();
  std::reverse(history->begin(), history->end());
  return Slice(*history, page, VersionJson);
}

Result<Json> StoreCatalogReader::GetVersion(const std::string& holder, const std::string& identifier,
                                            std::int64_t version) const {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.error();
  catalog::CatalogStore store(**lease, *validator_);
  if (version > 1000000000) return NotFound("no such version");
  auto record = store.GetVersion(Ref(holder, identifier), static_cast<int>(version));
  if (!record.ok()) return record.error();
  Json answer = VersionJson(record->info);
  answer["document"] = record->document;
  return answer;
}

}  // namespace hdcat::web::api
