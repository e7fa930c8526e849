#include "web/export/schema_org.h"

#include <cstdio>

#include "web/export/lang_text.h"
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

Json Organization(const Json& agent, std::string_view language, const Json* contact) {
  Json org = {{"@type", "Organization"}, {"name", PickLanguage(Get(agent, "name"), language)}};
  if (IsUrl(Get(agent, "homepage"))) org["url"] = String(Get(agent, "homepage"));
  if (IsUrl(Get(agent, "url"))) org["url"] = String(Get(agent, "url"));
  const Json& c = contact ? *contact : agent;
  Json point = {{"@type", "ContactPoint"}, {"contactType", "data access"}};
  if (!String(Get(c, "email")).empty()) point["email"] = String(Get(c, "email"));
  if (IsUrl(Get(c, "url"))) point["url"] = String(Get(c, "url"));
  if (!String(Get(c, "telephone")).empty()) point["telephone"] = String(Get(c, "telephone"));
  if (point.size() > 2) org["contactPoint"] = point;
  return org;
}

Json Place(const ExportVocabularies& vocabularies, const std::string& code, std::string_view language) {
  Json place = {{"@type", "Place"}, {"identifier", code}};
  Json label = vocabularies.Label("countries", code);
  if (label.is_null() && code.starts_with("JP-")) label = vocabularies.Label("prefectures", code.substr(3));
  if (label.is_null() && code == "JPN") label = Json{{"ja", "日本"}, {"en", "Japan"}};
  place["name"] = label.is_null() ? code : PickLanguage(&label, language);
  return place;
}

}  // namespace

Json SchemaOrgDataset(const ExportSite& site, const ExportVocabularies& vocabularies, const DatasetExport& input,
                      std::string_view language) {
  const Json& doc = input.dataset;
  const std::string iri = site.DatasetIri(input.public_id);
  Json out = {{"@context", "https://schema.org/"}, {"@type", "Dataset"}, {"@id", iri}, {"url", iri}};
  out["name"] = PickLanguage(Get(doc, "title"), language);
  out["description"] = PickLanguage(Get(doc, "description"), language);
  Json alternate = Json::array();
  std::string other_title = PickLanguage(Get(doc, "title"), OtherLanguage(language));
  if (!other_title.empty() && other_title != out["name"]) alternate.push_back(other_title);
  if (const Json* titles = Get(doc, "alternative_titles"); titles && titles->is_array()) {
    for (const Json& title : *titles) alternate.push_back(PickLanguage(&title, language));
  }
  if (!alternate.empty()) out["alternateName"] = alternate;

  Json identifiers = {input.public_id, String(Get(doc, "holder")) + "/" + String(Get(doc, "identifier"))};
  if (!String(Get(doc, "source_identifier")).empty()) identifiers.push_back(String(Get(doc, "source_identifier")));
  out["identifier"] = identifiers;

  Json keywords = Json::array();
  if (const Json* words = Get(doc, "keywords"); words && words->is_object()) {
    for (std::string_view lang : {language, OtherLanguage(language)}) {
      if (const Json* list = Get(*words, lang); list && list->is_array()) {
        for (const Json& word : *list) {
          if (word.is_string()) keywords.push_back(word);
        }
      }
    }
  }
  if (!keywords.empty()) out["keywords"] = keywords;

  if (input.holder.is_object()) {
    Json holder = Organization(input.holder, language, Get(input.holder, "contact"));
    out["creator"] = holder;
    out["publisher"] = holder;
  }
  if (const Json* publisher = Get(doc, "publisher"); publisher && publisher->is_object()) {
    out["publisher"] = Organization(*publisher, language, nullptr);
  }

  if (const Json* temporal = Get(doc, "temporal")) {
    std::string start = String(Get(*temporal, "start"));
    std::string end = String(Get(*temporal, "end"));
    if (!start.empty()) out["temporalCoverage"] = start + "/" + (end.empty() ? ".." : end);
  }
  if (const Json* spatial = Get(doc, "spatial"); spatial && spatial->is_array()) {
    Json places = Json::array();
    for (const Json& code : *spatial) {
      if (code.is_string()) places.push_back(Place(vocabularies, code.get<std::string>(), language));
    }
    if (!places.empty()) out["spatialCoverage"] = places;
  }

  Json measured = Json::array();
  if (const Json* tables = Get(doc, "variables"); tables && tables->is_array()) {
    for (const Json& table : *tables) {
      const Json* variables = Get(table, "variables");
      if (!variables || !variables->is_array()) continue;
      for (const Json& variable : *variables) {
        Json value = {{"@type", "PropertyValue"}, {"name", PickLanguage(Get(variable, "title"), language)}};
        if (value["name"] == "") value["name"] = String(Get(variable, "name"));
        value["propertyID"] = String(Get(variable, "name"));
        std::string description = PickLanguage(Get(variable, "description"), language);
        if (!description.empty()) value["description"] = description;
        if (!String(Get(variable, "unit")).empty()) value["unitText"] = String(Get(variable, "unit"));
        measured.push_back(std::move(value));
      }
    }
  }
  if (!measured.empty()) out["variableMeasured"] = measured;

  const Json* access = Get(doc, "access");
  const Json* fees = access ? Get(*access, "fees") : nullptr;
  bool has_fees = fees && fees->is_array() && !fees->empty();
  out["isAccessibleForFree"] = String(Get(doc, "access_rights")) == "PUBLIC" && !has_fees;
  std::string conditions = access ? PickLanguage(Get(*access, "legal_basis"), language) : "";
  if (access) {
    if (const Json* routes = Get(*access, "routes"); routes && routes->is_array()) {
      for (const Json& route : *routes) {
        std::string text = PickLanguage(Get(route, "description"), language);
        if (!text.empty()) conditions += (conditions.empty() ? "" : "\n") + text;
      }
    }
  }
  if (!conditions.empty()) out["conditionsOfAccess"] = conditions;
  if (const Json* extensions = Get(doc, "extensions"); extensions && IsUrl(Get(*extensions, "license"))) {
    out["license"] = String(Get(*extensions, "license"));
  }

  Json languages = Json::array();
  if (const Json* codes = Get(doc, "languages"); codes && codes->is_array()) {
    for (const Json& code : *codes) {
      if (code == "JPN") languages.push_back("ja");
      else if (code == "ENG") languages.push_back("en");
    }
  }
  if (!languages.empty()) out["inLanguage"] = languages;

  std::string modified = String(Get(doc, "modified"));
  if (const Json* update = Get(doc, "update"); modified.empty() && update) modified = String(Get(*update, "last_updated"));
  if (modified.empty()) modified = input.metadata_modified;
  if (!modified.empty()) out["dateModified"] = modified;
  if (!String(Get(doc, "issued")).empty()) out["datePublished"] = String(Get(doc, "issued"));
  if (!String(Get(doc, "version")).empty()) out["version"] = String(Get(doc, "version"));
  if (IsUrl(Get(doc, "landing_page"))) out["sameAs"] = String(Get(doc, "landing_page"));

  out["includedInDataCatalog"] = {{"@type", "DataCatalog"},
                                  {"name", PickLanguage(&site.title, language)},
                                  {"url", site.base_url + "/"}};
  Json downloads = Json::array();
  if (const Json* distributions = Get(doc, "distributions"); distributions && distributions->is_array()) {
    for (const Json& distribution : *distributions) {
      const Json* url = IsUrl(Get(distribution, "download_url")) ? Get(distribution, "download_url")
                                                                 : Get(distribution, "access_url");
      if (!IsUrl(url)) continue;
      Json download = {{"@type", "DataDownload"}, {"contentUrl", String(url)}};
      if (!String(Get(distribution, "media_type")).empty()) download["encodingFormat"] = String(Get(distribution, "media_type"));
      std::string name = PickLanguage(Get(distribution, "title"), language);
      if (!name.empty()) download["name"] = name;
      downloads.push_back(std::move(download));
    }
  }
  if (!downloads.empty()) out["distribution"] = downloads;
  return out;
}

std::string ScriptSafeJson(const Json& value) {
  std::string text = value.dump();
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace hdcat::web::exporting
