#include "web/export/ckan_package.h"

#include <set>
#include <vector>

#include "catalog/disclosure.h"
#include "web/export/lang_text.h"
#include "web/export/publishable_document.h"
#include "web/export/rdf_graph.h"

namespace hdcat::web::exporting {
namespace {

const Json* Get(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string String(const Json* value) { return value && value->is_string() ? value->get<std::string>() : ""; }
bool IsUrl(const Json* value) { return value && value->is_string() && IsAbsoluteIri(value->get_ref<const std::string&>()); }

// An extra's value: strings as they are, anything else as compact JSON.
std::string ExtraValue(const Json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

std::string CountText(const Json* value, std::int64_t threshold) {
  if (!value || !value->is_number_integer()) return "";
  auto published = catalog::PublishableCount(value->get<std::int64_t>(), threshold);
  return published ? std::to_string(*published) : "<" + std::to_string(std::max<std::int64_t>(threshold, 1));
}

Json Resource(const std::string& package_id, const std::string& id, int position, const std::string& url,
              const std::string& name, const std::string& description, const std::string& format,
              const std::string& mimetype, const Json* size, std::string_view resource_type,
              const std::string& modified) {
  return Json{{"id", id},
              {"package_id", package_id},
              {"url", url},
              {"name", name},
              {"description", description},
              {"format", format},
              {"mimetype", mimetype.empty() ? Json(nullptr) : Json(mimetype)},
              {"mimetype_inner", nullptr},
              {"size", size && size->is_number_integer() ? *size : Json(nullptr)},
              {"hash", ""},
              {"resource_type", resource_type},
              {"url_type", nullptr},
              {"position", position},
              {"created", modified},
              {"last_modified", nullptr},
              {"metadata_modified", modified},
              {"state", "active"},
              {"cache_url", nullptr},
              {"cache_last_updated", nullptr}};
}

Json LangMap(const Json* text) {
  Json map = Json::object();
  if (text && text->is_object()) {
    for (const auto& [language, value] : text->items()) {
      if (value.is_string()) map[language] = value;
    }
  } else if (text && text->is_string()) {
    map["ja"] = *text;
  }
  return map;
}

}  // namespace

Json CkanOrganization(const ExportSite& site, const Json& holder, std::string_view language, int package_count,
                      std::string_view created) {
  std::string id = String(Get(holder, "identifier"));
  std::string title = PickLanguage(Get(holder, "name"), language);
  Json extras = Json::array();
  auto extra = [&](std::string key, const Json* value) {
    if (value) extras.push_back({{"key", std::move(key)}, {"value", ExtraValue(*value)}});
  };
  extra("contact", Get(holder, "contact"));
  extra("holder_type", Get(holder, "holder_type"));
  extra("homepage", Get(holder, "homepage"));
  extra("prefecture", Get(holder, "prefecture"));
  extra("publisher_type", Get(holder, "publisher_type"));
  extra("short_name", Get(holder, "short_name"));
  extra("trusted_data_holder", Get(holder, "trusted_data_holder"));
  extras.push_back({{"key", "uri"}, {"value", site.HolderIri(id)}});
  return Json{{"id", id},
              {"name", id},
              {"title", title},
              {"display_name", title},
              {"title_translated", LangMap(Get(holder, "name"))},
              {"description", PickLanguage(Get(holder, "description"), language)},
              {"description_translated", LangMap(Get(holder, "description"))},
              {"image_url", ""},
              {"image_display_url", ""},
              {"created", CkanTimestamp(created)},
              {"is_organization", true},
              {"approval_status", "approved"},
              {"state", "active"},
              {"type", "organization"},
              {"package_count", package_count},
              {"num_followers", 0},
              {"extras", extras}};
}

Json CkanPackage(const ExportSite& site, const ExportVocabularies& vocabularies, const DatasetExport& input,
                 std::string_view language) {
  const Json& doc = input.dataset;
  const std::string& id = input.public_id;
  const std::string modified = CkanTimestamp(input.metadata_modified);
  const std::string other(OtherLanguage(language));

  Json tags = Json::array();
  for (const std::string& name : search::CkanTags(doc)) {
    tags.push_back({{"id", name}, {"name", name}, {"display_name", name}, {"state", "active"}, {"vocabulary_id", nullptr}});
  }

  // Resources: access routes first, then the declared distributions.
  Json resources = Json::array();
  const Json* access = Get(doc, "access");
  std::string request_page = access && IsUrl(Get(*access, "request_url")) ? String(Get(*access, "request_url"))
                             : IsUrl(Get(doc, "landing_page"))           ? String(Get(doc, "landing_page"))
                                                                         : site.DatasetIri(id);
  if (const Json* routes = access ? Get(*access, "routes") : nullptr; routes && routes->is_array()) {
    int n = 0;
    for (const Json& route : *routes) {
      ++n;
      std::string url = IsUrl(Get(route, "url")) ? String(Get(route, "url")) : request_page;
      resources.push_back(Resource(id, id + "-route-" + std::to_string(n), static_cast<int>(resources.size()), url,
                                   String(Get(route, "type")), PickLanguage(Get(route, "description"), language),
                                   std::string(search::kCkanRouteFormat), "text/html", nullptr, "access_route",
                                   modified));
    }
  }
  for (const auto& [key, type] : {std::pair{"distributions", "distribution"}, {"analytics", "analytics"}, {"samples", "sample"}}) {
    const Json* list = Get(doc, key);
    if (!list || !list->is_array()) continue;
    int n = 0;
    for (const Json& d : *list) {
      ++n;
      std::string url = IsUrl(Get(d, "download_url")) ? String(Get(d, "download_url"))
                        : IsUrl(Get(d, "access_url")) ? String(Get(d, "access_url"))
                                                      : request_page;
      resources.push_back(Resource(id, id + "-" + type + "-" + std::to_string(n), static_cast<int>(resources.size()),
                                   url, PickLanguage(Get(d, "title"), language),
                                   PickLanguage(Get(d, "description"), language), String(Get(d, "format")),
                                   String(Get(d, "media_type")), Get(d, "byte_size"), type, modified));
    }
  }

  // Extras: what CKAN has no column for, as strings, sorted by key.
  std::map<std::string, std::string> extras;
  auto put = [&](const std::string& key, const Json* value) {
    if (value && !(value->is_array() && value->empty()) && !(value->is_object() && value->empty())) {
      extras[key] = ExtraValue(*value);
    }
  };
  extras["uri"] = site.DatasetIri(id);
  extras["guid"] = site.DatasetIri(id);
  extras["identifier"] = String(Get(doc, "identifier"));
  extras["holder"] = String(Get(doc, "holder"));
  put("source_identifier", Get(doc, "source_identifier"));
  put("access_rights", Get(doc, "access_rights"));
  extras["access_rights_uri"] = vocabularies.ConceptIri(Scheme::kAccessRight, String(Get(doc, "access_rights")));
  for (const char* key : {"health_categories", "health_themes", "themes", "data_types", "dataset_types", "coding_systems",
                          "conforms_to", "spatial", "languages", "applicable_legislation", "temporal", "update",
                          "population", "personal_data", "documentation", "referenced_by", "related", "issued",
                          "modified", "has_structured_data", "contact_points", "provenance", "retention_period"}) {
    put(key, Get(doc, key));
  }
  if (access) {
    for (const char* key : {"processing_levels", "legal_basis", "review_body", "typical_review_days", "fees",
                            "fee_waivers", "linkable_datasets", "request_url"}) {
      put(std::string("access_") + key, Get(*access, key));
    }
  }
  if (const Json* stats = Get(doc, "statistics")) {
    std::string records = CountText(Get(*stats, "number_of_records"), site.disclosure_threshold);
    std::string people = CountText(Get(*stats, "number_of_unique_individuals"), site.disclosure_threshold);
    if (!records.empty()) extras["number_of_records"] = records;
    if (!people.empty()) extras["number_of_unique_individuals"] = people;
  }
  extras["hdcat_document"] = CanonicalJson(PublishableDocument(doc, site.disclosure_threshold));
  std::string other_title = PickLanguage(Get(doc, "title"), other);
  std::string other_notes = PickLanguage(Get(doc, "description"), other);
  if (!other_title.empty()) extras["title_" + other] = other_title;
  if (!other_notes.empty()) extras["notes_" + other] = other_notes;
  Json extras_list = Json::array();
  for (const auto& [key, value] : extras) extras_list.push_back({{"key", key}, {"value", value}});

  // Maintainer: the first dataset contact point, else the holder's contact.
  std::string maintainer;
  std::string maintainer_email;
  if (const Json* points = Get(doc, "contact_points"); points && points->is_array() && !points->empty()) {
    maintainer = PickLanguage(Get((*points)[0], "name"), language);
    maintainer_email = String(Get((*points)[0], "email"));
  } else if (const Json* contact = Get(input.holder, "contact")) {
    maintainer = PickLanguage(Get(*contact, "name"), language);
    maintainer_email = String(Get(*contact, "email"));
  }

  bool is_public = String(Get(doc, "access_rights")) == kCkanOpenAccessRights;
  std::string holder_id = String(Get(doc, "holder"));
  Json organization = input.holder.is_object()
                          ? CkanOrganization(site, input.holder, language, 0, input.metadata_created)
                          : Json{{"id", holder_id}, {"name", holder_id}, {"title", holder_id}};
  organization.erase("extras");
  organization.erase("package_count");
  organization.erase("num_followers");
  std::size_t num_tags = tags.size();
  std::size_t num_resources = resources.size();
  return Json{{"id", id},
              {"name", id},
              {"title", PickLanguage(Get(doc, "title"), language)},
              {"title_translated", LangMap(Get(doc, "title"))},
              {"notes", PickLanguage(Get(doc, "description"), language)},
              {"notes_translated", LangMap(Get(doc, "description"))},
              {"url", IsUrl(Get(doc, "landing_page")) ? String(Get(doc, "landing_page")) : ""},
              {"version", Get(doc, "version") ? *Get(doc, "version") : Json(nullptr)},
              {"author", PickLanguage(Get(input.holder, "name"), language)},
              {"author_email", nullptr},
              {"maintainer", maintainer.empty() ? Json(nullptr) : Json(maintainer)},
              {"maintainer_email", maintainer_email.empty() ? Json(nullptr) : Json(maintainer_email)},
              {"license_id", is_public ? kCkanOpenLicense : kCkanClosedLicense},
              {"license_title", is_public ? kCkanOpenLicenseTitle : kCkanClosedLicenseTitle},
              {"license_url", ""},
              {"isopen", false},
              {"private", false},
              {"state", "active"},
              {"type", "dataset"},
              {"owner_org", holder_id},
              {"creator_user_id", nullptr},
              {"metadata_created", CkanTimestamp(input.metadata_created.empty() ? input.metadata_modified
                                                                                : input.metadata_created)},
              {"metadata_modified", modified},
              {"organization", organization},
              {"groups", Json::array()},
              {"tags", tags},
              {"num_tags", num_tags},
              {"resources", resources},
              {"num_resources", num_resources},
              {"extras", extras_list},
              {"relationships_as_subject", Json::array()},
              {"relationships_as_object", Json::array()}};
}

}  // namespace hdcat::web::exporting
