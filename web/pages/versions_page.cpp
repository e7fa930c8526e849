// GET /datasets/{holder}/{dataset}/versions[?diff=A..B]: the version history
// and the differences between two versions.
#include <charconv>
#include <optional>

#include "catalog/store/dataset_ref.h"
#include "catalog/store/json_diff.h"
#include "web/export/publishable_document.h"
#include "web/pages/language.h"
#include "web/pages/page_handlers.h"
#include "web/pages/view_text.h"

namespace hdcat::web {
namespace {

constexpr std::int64_t kVersionsListed = 100;
constexpr std::size_t kValueTextLimit = 400;

std::optional<std::int64_t> VersionNumber(std::string_view text) {
  std::int64_t value = 0;
  if (text.empty() || text.size() > 9) return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

std::string ValueText(const Json& value) {
  if (value.is_null()) return "";
  std::string text = value.is_string() ? value.get<std::string>() : value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > kValueTextLimit) text = text.substr(0, kValueTextLimit) + "…";
  return text;
}

}  // namespace

HttpResponse DatasetVersionsPage(const PageContext& context, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  if (Status names = CheckQueryNames(request, {"lang", "diff"}); !names.ok()) return HtmlError(context, names.error(), request);
  if (context.api.catalog == nullptr) return HtmlError(context, Unavailable("the catalog is not available"), request);
  const std::string& holder = request.path_param("holder");
  const std::string& identifier = request.path_param("dataset");
  if (!catalog::IsIdentifier(holder) || !catalog::IsIdentifier(identifier)) {
    return HtmlError(context, NotFound("there is no dataset at " + request.path), request);
  }
  auto dataset = context.api.catalog->GetDataset(holder, identifier);
  if (!dataset.ok()) return HtmlError(context, dataset.error(), request);
  auto versions = context.api.catalog->ListVersions(holder, identifier, api::PageRequest{0, kVersionsListed});
  if (!versions.ok()) return HtmlError(context, versions.error(), request);

  std::string ref = holder + "/" + identifier;
  std::string base = "/datasets/" + ref + "/versions";
  Json items = Json::array();
  for (std::size_t i = 0; i < versions->items.size(); ++i) {
    const Json& version = versions->items[i];
    std::string number = std::to_string(version.value("version", 0));
    Json item = {{"version", number}, {"recorded_at", version.value("recorded_at", "")},
                 {"content_hash", version.value("content_hash", "")}, {"current", version.value("current", false)}};
    if (i + 1 < versions->items.size()) {
      item["diff_href"] = WithLang(base + "?diff=" + std::to_string(versions->items[i + 1].value("version", 0)) + ".." + number,
                                   language);
    }
    items.push_back(std::move(item));
  }
  std::string title = PickText(dataset->value("title", Json()), language);
  Json data = {{"title", context.renderer->Message(language, "versions_heading") + " - " + (title.empty() ? ref : title)},
               {"dataset_title", title.empty() ? ref : title},
               {"dataset_href", WithLang("/datasets/" + ref, language)},
               {"versions", items}};

  if (auto diff = request.query_param("diff")) {
    std::size_t dots = diff->find("..");
    auto from = VersionNumber(std::string_view(*diff).substr(0, dots));
    auto to = dots == std::string::npos ? std::nullopt : VersionNumber(std::string_view(*diff).substr(dots + 2));
    if (!from || !to) {
      return HtmlError(context, InvalidInput("diff must name two versions as A..B, e.g. 1..2").at("/diff"), request);
    }
    auto old_version = context.api.catalog->GetVersion(holder, identifier, *from);
    if (!old_version.ok()) return HtmlError(context, old_version.error(), request);
    auto new_version = context.api.catalog->GetVersion(holder, identifier, *to);
    if (!new_version.ok()) return HtmlError(context, new_version.error(), request);
    // Compared as published: a small count must not surface through a change either.
    Json old_document = exporting::PublishableDocument(old_version->value("document", Json()), context.disclosure_threshold);
    Json new_document = exporting::PublishableDocument(new_version->value("document", Json()), context.disclosure_threshold);
    Json changes = Json::array();
    for (const auto& change : catalog::DiffJson(old_document, new_document)) {
      changes.push_back({{"op", catalog::JsonChangeOpName(change.op)},
                         {"op_label", context.renderer->Message(language, "diff_" + std::string(catalog::JsonChangeOpName(change.op)))},
                         {"path", change.path},
                         {"old", ValueText(change.old_value)},
                         {"new", ValueText(change.new_value)}});
    }
    data["diff"] = {{"from", std::to_string(*from)}, {"to", std::to_string(*to)}, {"changes", changes},
                    {"has_changes", !changes.empty()}};
  }
  return HtmlPage(context, "versions", language, std::move(data), request);
}

}  // namespace hdcat::web
