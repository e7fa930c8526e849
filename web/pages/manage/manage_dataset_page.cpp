// Upload or edit a dataset description: the JSON text, validated, with each
// finding shown beside the line it concerns.
#include "web/pages/manage/manage_call.h"

namespace hdcat::web {
namespace {

// Lines of the document, each with the findings that concern it, and the
// summary entries linking to those lines.
Json AnnotatedLines(const DatasetUpload& upload, Json* summary) {
  Json lines = Json::array();
  for (std::size_t i = 0; i < upload.lines.size(); ++i) {
    lines.push_back({{"number", std::to_string(i + 1)}, {"text", upload.lines[i].text}, {"findings", Json::array()}});
  }
  auto place = [&](const std::vector<catalog::Finding>& findings, bool error) {
    for (const auto& finding : findings) {
      std::size_t line = LineOfPointer(upload.lines, finding.pointer);
      Json item = FindingsJson({finding}).front();
      item["error"] = error;
      item["line"] = std::to_string(line + 1);
      if (line < lines.size()) {
        lines[line]["findings"].push_back(item);
        lines[line]["has_findings"] = true;
      }
      if (error) summary->push_back(item);
    }
  };
  place(upload.errors, true);
  place(upload.warnings, false);
  return lines;
}

HttpResponse DatasetFormPage(ManageCall& call, const std::string& holder, const std::string& text,
                             const DatasetUpload* upload, int status) {
  Json data = {{"title", call.Message("manage_dataset_title")},
               {"holder", holder},
               {"holder_href", ManageHolderPath(holder)},
               {"action", ManageHolderPath(holder) + "/datasets"},
               {"document", text}};
  if (upload != nullptr) {
    Json summary = Json::array();
    Json lines = AnnotatedLines(*upload, &summary);
    if (!upload->parse_error.empty()) summary.push_back({{"message", upload->parse_error}, {"pointer", "/"}});
    data["has_errors"] = !summary.empty();
    data["errors"] = summary;
    data["error_count"] = std::to_string(summary.size());
    data["has_lines"] = !lines.empty();
    data["lines"] = lines;
    data["warning_count"] = std::to_string(upload->warnings.size());
  }
  return call.Page("manage_dataset", std::move(data), status);
}

}  // namespace

HttpResponse ManageDatasetForm(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  SelfService service = call.service();
  if (auto dataset_id = call.request.path_params.find("dataset"); dataset_id != call.request.path_params.end()) {
    auto dataset = service.Dataset(holder, dataset_id->second);
    if (!dataset.ok()) return call.Fail(dataset.error());
    return DatasetFormPage(call, holder, dataset->document.dump(2), nullptr, 200);
  }
  auto record = service.Holder(holder);
  if (!record.ok()) return call.Fail(record.error());
  return DatasetFormPage(call, holder, "", nullptr, 200);
}

HttpResponse ManageDatasetUpload(ManageCall& call) {
  const std::string& holder = call.request.path_param("holder");
  std::string text = call.Field("document");
  auto upload = call.service().UploadDataset(holder, text);
  if (!upload.ok()) return call.Fail(upload.error());
  if (!upload->stored) return DatasetFormPage(call, holder, text, &*upload, 422);
  return SeeOther(ManageHolderPath(holder) + "?saved=dataset&dataset=" + upload->put.identifier + "&version=" +
                  std::to_string(upload->put.version_no));
}

}  // namespace hdcat::web
