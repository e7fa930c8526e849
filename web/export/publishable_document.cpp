#include "web/export/publishable_document.h"

#include "catalog/disclosure.h"

namespace hdcat::web::exporting {
namespace {

bool Publishable(const Json& count, std::int64_t threshold) {
  return count.is_number_integer() && catalog::PublishableCount(count.get<std::int64_t>(), threshold).has_value();
}

}  // namespace

Json PublishableDocument(const Json& dataset, std::int64_t disclosure_threshold) {
  Json out = dataset;
  if (!out.is_object()) return out;
  auto stats = out.find("statistics");
  if (stats == out.end() || !stats->is_object()) return out;
  for (const char* key : {"number_of_records", "number_of_unique_individuals"}) {
    auto count = stats->find(key);
    if (count != stats->end() && !Publishable(*count, disclosure_threshold)) stats->erase(count);
  }
  for (const char* table : {"age_sex", "prefectures", "codes", "per_year"}) {
    auto cells = stats->find(table);
    if (cells == stats->end() || !cells->is_array()) continue;
    Json kept = Json::array();
    for (const Json& cell : *cells) {
      if (!cell.is_object() || !cell.contains("count") || Publishable(cell["count"], disclosure_threshold)) {
        kept.push_back(cell);
      }
    }
    *cells = std::move(kept);
  }
  return out;
}

}  // namespace hdcat::web::exporting
