// /manage, /manage/holders/{holder} and the holder form.
#include "web/pages/manage/manage_call.h"
#include "web/pages/view_text.h"

namespace hdcat::web {
namespace {

// The form's inputs with their values and the findings that concern each
// (a finding about a field, or about an object the field is inside).
Json HolderFields(const ManageCall& call, const Json& document, const std::vector<catalog::Finding>& errors,
                  Json* summary) {
  Json fields = Json::array();
  std::vector<bool> placed(errors.size(), false);
  for (const auto& field : kHolderFields) {
    Json::json_pointer pointer{std::string(field.pointer)};
    std::string value = document.contains(pointer) && document[pointer].is_string()
                            ? document[pointer].get<std::string>()
                            : "";
    Json field_errors = Json::array();
    for (std::size_t i = 0; i < errors.size(); ++i) {
      const std::string& at = errors[i].pointer;
      bool about = at == field.pointer || (std::string_view(field.pointer).starts_with(at + "/") && !placed[i]);
      if (!about) continue;
      placed[i] = true;
      field_errors.push_back(FindingsJson({errors[i]}).front());
      summary->push_back({{"anchor", "f-" + std::string(field.name)},
                          {"label", call.Message(field.label_key)},
                          {"message", errors[i].message}});
    }
    fields.push_back({{"name", field.name},
                      {"label", call.Message(field.label_key)},
                      {"value", value},
                      {"multiline", field.multiline},
                      {"has_errors", !field_errors.empty()},
                      {"errors", field_errors}});
  }
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (!placed[i]) {
      summary->push_back({{"anchor", "holder-form"}, {"label", errors[i].pointer}, {"message", errors[i].message}});
    }
  }
  return fields;
}

HttpResponse HolderFormPage(ManageCall& call, const std::string& holder, const Json& document,
                            const std::vector<catalog::Finding>& errors, const std::vector<catalog::Finding>& warnings,
                            int status) {
  Json summary = Json::array();
  Json fields = HolderFields(call, document, errors, &summary);
  Json data = {{"title", call.Message("manage_holder_edit_title")},
               {"holder", holder},
               {"holder_href", ManageHolderPath(holder)},
               {"action", ManageHolderPath(holder) + "/edit"},
               {"fields", fields},
               {"has_errors", !summary.empty()},
               {"errors", summary},
               {"has_warnings", !warnings.empty()},
               {"warnings", FindingsJson(warnings)}};
  return call.Page("manage_holder_edit", std::move(data), status);
}

}  // namespace

HttpResponse ManageHome(ManageCall& call) {
  Json holders = Json::array();
  for (const auto& holder : call.account.EditedHolders()) {
    holders.push_back({{"identifier", holder}, {"href", ManageHolderPath(holder)}});
  }
  Json data = {{"title", call.Message("manage_home_title")},
               {"account_login", call.account.login_name},
               {"has_holders", !holders.empty()},
               {"holders", holders}};
  return call.Page("manage_home", std::move(data));
}

HttpResponse ManageHolder(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  SelfService service = call.service();
  auto record = service.Holder(holder);
  if (!record.ok()) return call.Fail(record.error());
  auto datasets = service.Datasets(holder);
  if (!datasets.ok()) return call.Fail(datasets.error());
  auto sources = service.Sources(holder);
  if (!sources.ok()) return call.Fail(sources.error());
  Json dataset_items = Json::array();
  for (const auto& dataset : datasets->items) {
    std::string title = call.language == "en" && !dataset.title_en.empty() ? dataset.title_en : dataset.title_ja;
    dataset_items.push_back({{"identifier", dataset.identifier},
                             {"title", title.empty() ? dataset.identifier : title},
                             {"status", dataset.status},
                             {"edit_href", ManageHolderPath(holder) + "/datasets/" + dataset.identifier + "/edit"},
                             {"public_href", "/datasets/" + holder + "/" + dataset.identifier}});
  }
  Json source_items = Json::array();
  for (const auto& source : *sources) {
    std::string base = ManageHolderPath(holder) + "/sources/" + source.name;
    source_items.push_back({{"name", source.name},
                            {"format", source.format},
                            {"schedule", source.enabled ? source.schedule : call.Message("manage_source_disabled")},
                            {"last_status", source.last_status},
                            {"last_finished_at", source.last_finished_at},
                            {"last_job_href", source.last_job_id ? ManageHolderPath(holder) + "/jobs/" +
                                                                       std::to_string(*source.last_job_id)
                                                                 : ""},
                            {"test_action", base + "/test"},
                            {"run_action", base + "/run"}});
  }
  Json data = {{"title", PickText(record->document.value("name", Json()), call.language)},
               {"holder", holder},
               {"edit_href", ManageHolderPath(holder) + "/edit"},
               {"new_source_href", ManageHolderPath(holder) + "/sources/new"},
               {"new_dataset_href", ManageHolderPath(holder) + "/datasets/new"},
               {"public_href", "/holders/" + holder},
               {"has_datasets", !dataset_items.empty()},
               {"datasets", dataset_items},
               {"has_sources", !source_items.empty()},
               {"sources", source_items}};
  // After a save the form redirects here (POST-redirect-GET) and says what was saved.
  std::string saved = call.request.query_param("saved").value_or("");
  if (saved == "holder" || saved == "source" || saved == "dataset") {
    data["notice"] = call.Message("manage_saved_" + saved) + " " + call.request.query_param("dataset").value_or("");
  }
  return call.Page("manage_holder", std::move(data));
}

HttpResponse ManageHolderForm(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  auto record = call.service().Holder(holder);
  if (!record.ok()) return call.Fail(record.error());
  return HolderFormPage(call, holder, record->document, {}, {}, 200);
}

HttpResponse ManageHolderSave(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  auto edit = call.service().SaveHolder(holder, call.form);
  if (!edit.ok()) return call.Fail(edit.error());
  if (!edit->saved) return HolderFormPage(call, holder, edit->document, edit->errors, edit->warnings, 422);
  return SeeOther(ManageHolderPath(holder) + "?saved=holder");
}

}  // namespace hdcat::web
