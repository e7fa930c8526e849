// GET /holders/{holder}: the holder, its datasets and the health of its harvests.
#include "catalog/store/dataset_ref.h"
#include "web/pages/language.h"
#include "web/pages/page_handlers.h"
#include "web/pages/view_text.h"

namespace hdcat::web {
namespace {

constexpr std::int64_t kDatasetsPerPage = 100;

bool IsWebUrl(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

}  // namespace

HttpResponse HolderPage(const PageContext& context, const HttpRequest& request) {
  std::string language = ChooseLanguage(request);
  if (Status names = CheckQueryNames(request, {"lang"}); !names.ok()) return HtmlError(context, names.error(), request);
  if (context.api.catalog == nullptr) return HtmlError(context, Unavailable("the catalog is not available"), request);
  const std::string& identifier = request.path_param("holder");
  if (!catalog::IsIdentifier(identifier)) return HtmlError(context, NotFound("there is no holder " + identifier), request);
  auto holder = context.api.catalog->GetHolder(identifier);
  if (!holder.ok()) return HtmlError(context, holder.error(), request);
  auto datasets = context.api.catalog->ListDatasets(api::DatasetFilter{identifier}, api::PageRequest{0, kDatasetsPerPage});
  if (!datasets.ok()) return HtmlError(context, datasets.error(), request);

  Json dataset_rows = Json::array();
  for (const auto& item : datasets->items) {
    std::string ref = item.value("holder", "") + "/" + item.value("identifier", "");
    std::string title = PickText(item.value("title", Json()), language);
    dataset_rows.push_back({{"title", title.empty() ? ref : title},
                            {"href", WithLang("/datasets/" + ref, language)},
                            {"ref", ref},
                            {"modified", item.value("modified", Json()).is_string() ? item["modified"] : Json("")},
                            {"grade", item.value("grade", Json()).is_string() ? item["grade"] : Json("")}});
  }
  const Json& document = *holder;
  Json contact = document.value("contact", Json::object());
  std::string homepage = document.value("homepage", "");
  std::string contact_url = contact.is_object() ? contact.value("url", "") : "";
  Json data = {{"title", PickText(document.value("name", Json()), language)},
               {"name", PickText(document.value("name", Json()), language)},
               {"short_name", PickText(document.value("short_name", Json()), language)},
               {"identifier", identifier},
               {"holder_type", VocabularyLabel(context.vocabularies, "holder-types", document.value("holder_type", ""), language)},
               {"description", PickText(document.value("description", Json()), language)},
               {"homepage", IsWebUrl(homepage) ? homepage : ""},
               {"contact_email", contact.is_object() ? contact.value("email", "") : ""},
               {"contact_url", IsWebUrl(contact_url) ? contact_url : ""},
               {"prefecture", VocabularyLabel(context.vocabularies, "prefectures", document.value("prefecture", ""), language)},
               {"datasets", dataset_rows},
               {"has_datasets", !dataset_rows.empty()},
               {"dataset_total", std::to_string(datasets->total)}};
  if (data["prefecture"] == "") data.erase("prefecture");
  Json certifications = Json::array();
  for (const auto& certification : document.value("certifications", Json::array())) {
    certifications.push_back({{"name", PickText(certification.value("name", Json()), language)},
                              {"issued", certification.value("issued", "")}});
  }
  data["certifications"] = certifications;
  data["has_certifications"] = !certifications.empty();

  // Only what the harvest tables hold; no section when they cannot be read.
  if (context.harvests) {
    auto sources = context.harvests->SourcesOfHolder(identifier);
    if (sources.ok() && !sources->empty()) {
      Json rows = Json::array();
      for (const auto& source : *sources) {
        std::string status = source.value("last_status", "");
        rows.push_back({{"name", source.value("name", "")},
                        {"format", source.value("format", "")},
                        {"enabled", source.value("enabled", true)},
                        {"status", context.renderer->Message(language, status.empty() ? "harvest_never" : "harvest_status_" + status)},
                        {"ok", status == "succeeded"},
                        {"finished_at", source.value("last_finished_at", "")},
                        {"success_at", source.value("last_success_at", "")},
                        {"next_run_at", source.value("next_run_at", "")}});
      }
      data["harvests"] = rows;
      data["has_harvests"] = true;
    }
  }
  return HtmlPage(context, "holder", language, std::move(data), request);
}

}  // namespace hdcat::web
