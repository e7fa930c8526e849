#include "web/pages/harvest_health.h"

#include "harvesters/jobs/source_store.h"

namespace hdcat::web {

Result<Json> StoreHarvestHealthReader::SourcesOfHolder(const std::string& holder) const {
  if (pool_ == nullptr) return Unavailable("no database is configured");
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.error();
  harvesters::SourceStore store(**lease);
  auto sources = store.List(holder);
  if (!sources.ok()) return sources.error();
  Json items = Json::array();
  for (const auto& source : *sources) {
    items.push_back({{"name", source.name},
                     {"format", source.format},
                     {"enabled", source.enabled},
                     {"last_status", source.last_status},
                     {"last_finished_at", source.last_finished_at},
                     {"last_success_at", source.last_success_at},
                     {"next_run_at", source.next_run_at}});
  }
  return items;
}

}  // namespace hdcat::web
