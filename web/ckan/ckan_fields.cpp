#include "web/ckan/ckan_fields.h"

#include <array>

#include "search/text_normalizer.h"

namespace hdcat::web::ckan {
namespace {

constexpr std::array<std::string_view, 8> kTextFields = {
    "text", "title", "notes", "res_name", "res_description", "author", "maintainer", "extras_"};

std::string AsText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

void Add(CkanFields* fields, const std::string& field, const Json& value) {
  std::string text = AsText(value);
  if (!text.empty()) fields->values[field].push_back(std::move(text));
}

void AddTranslated(CkanFields* fields, const std::string& field, const Json& map) {
  if (!map.is_object()) return;
  for (const auto& [language, text] : map.items()) Add(fields, field, text);
}

}  // namespace

const std::vector<std::string>& CkanFields::Values(std::string_view field) const {
  static const std::vector<std::string> kNone;
  auto found = values.find(field);
  return found == values.end() ? kNone : found->second;
}

bool IsTextField(std::string_view field) {
  for (std::string_view text_field : kTextFields) {
    if (field == text_field || (text_field == "extras_" && field.starts_with(text_field))) return true;
  }
  return false;
}

CkanFields FieldsOfPackage(const Json& package) {
  CkanFields fields;
  for (const char* key :
       {"id", "name", "title", "notes", "url", "version", "author", "maintainer", "license_id", "state", "type",
        "owner_org", "metadata_created", "metadata_modified", "num_resources", "num_tags"}) {
    Add(&fields, key, package.value(key, Json()));
  }
  Add(&fields, "title_string", package.value("title", Json()));
  Add(&fields, "license", package.value("license_title", Json()));
  Add(&fields, "dataset_type", package.value("type", Json()));
  Add(&fields, "capacity", Json("public"));
  AddTranslated(&fields, "title", package.value("title_translated", Json()));
  AddTranslated(&fields, "notes", package.value("notes_translated", Json()));

  const Json organization = package.value("organization", Json());
  if (organization.is_object()) Add(&fields, "organization", organization.value("name", Json()));
  for (const Json& group : package.value("groups", Json::array())) Add(&fields, "groups", group.value("name", Json()));
  for (const Json& tag : package.value("tags", Json::array())) Add(&fields, "tags", tag.value("name", Json()));
  for (const Json& resource : package.value("resources", Json::array())) {
    Add(&fields, "res_format", resource.value("format", Json()));
    Add(&fields, "res_name", resource.value("name", Json()));
    Add(&fields, "res_description", resource.value("description", Json()));
    Add(&fields, "res_url", resource.value("url", Json()));
    Add(&fields, "res_type", resource.value("resource_type", Json()));
  }
  for (const Json& extra : package.value("extras", Json::array())) {
    std::string key = extra.value("key", "");
    if (key.empty()) continue;
    // A core field of the same name wins, as in CKAN's index.
    if (!fields.values.contains(key)) Add(&fields, key, extra.value("value", Json()));
    Add(&fields, "extras_" + key, extra.value("value", Json()));
  }

  // The catch-all, as CKAN's copyField rules fill `text`.
  for (const char* source : {"name", "title", "notes", "tags", "res_name", "res_description", "author"}) {
    for (const std::string& value : fields.Values(source)) fields.values["text"].push_back(value);
  }
  if (organization.is_object()) {
    Add(&fields, "text", organization.value("title", Json()));
    AddTranslated(&fields, "text", organization.value("title_translated", Json()));
  }
  for (const auto& [field, values] : fields.values) {
    if (!field.starts_with("extras_")) continue;
    for (const std::string& value : values) fields.values["text"].push_back(value);
  }

  for (const auto& [field, values] : fields.values) {
    if (!IsTextField(field)) continue;
    std::string joined;
    for (const std::string& value : values) joined += value + "\n";
    fields.normalized_text[field] = search::NormalizeText(joined);
  }
  return fields;
}

}  // namespace hdcat::web::ckan
