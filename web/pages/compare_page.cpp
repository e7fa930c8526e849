// GET /compare?ids=holder/a,holder/b…: up to four datasets side by side.
#include <algorithm>
#include <array>

#include "web/pages/language.h"
#include "web/pages/page_handlers.h"
#include "web/pages/view_text.h"

namespace hdcat::web {
namespace {

constexpr std::size_t kMaxCompared = 4;

// The rows of the comparison: message key of the row heading, and the field
// of the per-dataset column view it shows.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kRows = {{
    {"holder_label", "holder_name"},
    {"data_types_label", "data_types_text"},
    {"period_label", "period"},
    {"population_size_label", "population_size"},
    {"update_frequency_label", "frequency"},
    {"coding_systems_label", "coding_systems_text"},
    {"access_routes_label", "access_routes_text"},
    {"processing_levels_label", "processing_levels_text"},
    {"fees_heading", "fees_text"},
    {"review_time_label", "typical_review_days"},
    {"completeness_grade", "grade"},
}};

}  // namespace

HttpResponse ComparePage(const PageContext& context, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  if (Status names = CheckQueryNames(request, {"lang", "ids"}); !names.ok()) return HtmlError(context, names.error(), request);
  if (context.api.catalog == nullptr) return HtmlError(context, Unavailable("the catalog is not available"), request);
  std::string ids = request.query_param("ids").value_or("");
  std::vector<std::string> refs;
  for (std::size_t start = 0; start <= ids.size() && !ids.empty();) {
    std::size_t comma = ids.find(',', start);
    std::string ref = ids.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!ref.empty() && std::find(refs.begin(), refs.end(), ref) == refs.end()) refs.push_back(ref);
    if (refs.size() > kMaxCompared) {
      return HtmlError(context, InvalidInput("at most 4 datasets can be compared at once").at("/ids"), request);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (refs.empty()) return HtmlError(context, InvalidInput("ids must name 1 to 4 datasets as holder/identifier, separated by commas").at("/ids"), request);

  Json columns = Json::array();
  for (const auto& ref : refs) {
    auto parts = SplitDatasetRef(ref);
    if (!parts.ok()) return HtmlError(context, parts.error(), request);
    auto dataset = context.api.catalog->GetDataset(parts->first, parts->second);
    if (!dataset.ok()) return HtmlError(context, dataset.error(), request);
    Json column = DatasetFacts(context, *dataset, language);
    std::string title = PickText(dataset->value("title", Json()), language);
    column["title"] = title.empty() ? ref : title;
    column["href"] = WithLang("/datasets/" + ref, language);
    auto holder = context.api.catalog->GetHolder(parts->first);
    column["holder_name"] = holder.ok() ? PickText(holder->value("name", Json()), language) : parts->first;
    auto summary = context.api.catalog->GetDatasetSummary(parts->first, parts->second);
    column["grade"] = summary.ok() ? summary->value("grade", "") : "";
    if (column.contains("typical_review_days")) {
      column["typical_review_days"] = column["typical_review_days"].get<std::string>() + " " +
                                      context.renderer->Message(language, "days_unit");
    }
    columns.push_back(std::move(column));
  }
  Json rows = Json::array();
  for (const auto& [label, field] : kRows) {
    Json cells = Json::array();
    for (const auto& column : columns) {
      auto value = column.find(std::string(field));
      cells.push_back(value != column.end() && value->is_string() ? value->get<std::string>() : "");
    }
    rows.push_back({{"label", context.renderer->Message(language, label)}, {"cells", cells}});
  }
  Json data = {{"title", context.renderer->Message(language, "compare_title")}, {"columns", columns}, {"rows", rows}};
  return HtmlPage(context, "compare", language, std::move(data), request);
}

}  // namespace hdcat::web
