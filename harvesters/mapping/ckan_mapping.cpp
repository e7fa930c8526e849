#include "harvesters/mapping/ckan_mapping.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "harvesters/mapping/identifiers.h"

namespace hdcat::harvesters::mapping {
namespace {

const std::vector<CkanFieldRule> kRules = {
    {"name", "/identifier", CkanConverter::kIdentifier, ""},
    {"title", "/title", CkanConverter::kLangText, ""},
    {"title_translated", "/title", CkanConverter::kLangMap, ""},
    {"notes", "/description", CkanConverter::kLangText, ""},
    {"notes_translated", "/description", CkanConverter::kLangMap, ""},
    {"tags", "/keywords", CkanConverter::kTags, ""},
    {"keywords", "/keywords", CkanConverter::kTags, ""},
    {"organization", "/publisher", CkanConverter::kOrganization, ""},
    {"resources", "/distributions", CkanConverter::kResources, ""},
    {"url", "/landing_page", CkanConverter::kUri, ""},
    {"version", "/version", CkanConverter::kString, ""},
    {"version_notes", "/version_notes", CkanConverter::kLangTextField, ""},
    {"metadata_created", "/issued", CkanConverter::kDate, ""},
    {"metadata_modified", "/modified", CkanConverter::kDate, ""},
    {"issued", "/issued", CkanConverter::kDate, ""},
    {"modified", "/modified", CkanConverter::kDate, ""},
    {"author", "/contact_points", CkanConverter::kAuthor, ""},
    {"maintainer", "/contact_points", CkanConverter::kMaintainer, ""},
    {"author_email", "", CkanConverter::kIgnore, ""},      // read with author (alone: see MapPackage)
    {"maintainer_email", "", CkanConverter::kIgnore, ""},  // read with maintainer (alone: see MapPackage)
    // ckanext-dcat (euro_dcat_ap_3) keys
    {"identifier", "/source_identifier", CkanConverter::kString, ""},
    {"access_rights", "/access_rights", CkanConverter::kCode, "access-rights"},
    {"theme", "/themes", CkanConverter::kCodeList, "data-themes"},
    {"language", "/languages", CkanConverter::kCodeList, "languages"},
    {"frequency", "/update/frequency", CkanConverter::kCode, "frequencies"},
    {"conforms_to", "/conforms_to", CkanConverter::kCodeList, "standards"},
    {"dcat_type", "/dataset_types", CkanConverter::kCodeList, "dataset-types"},
    {"temporal_start", "/temporal/start", CkanConverter::kDate, ""},
    {"temporal_end", "/temporal/end", CkanConverter::kDate, ""},
    {"temporal_resolution", "/temporal_resolution", CkanConverter::kString, ""},
    {"provenance", "/provenance", CkanConverter::kLangTextField, ""},
    {"landing_page", "/landing_page", CkanConverter::kUri, ""},
    {"documentation", "/documentation", CkanConverter::kCodeList, ""},
    {"is_referenced_by", "/referenced_by", CkanConverter::kCodeList, ""},
    {"applicable_legislation", "/applicable_legislation", CkanConverter::kLegislation, ""},
    // ckanext-dcat euro_health_dcat_ap keys
    {"health_category", "/health_categories", CkanConverter::kCodeList, "health-categories"},
    // hdcat's own CKAN export (web/export/ckan_package.h)
    {"health_categories", "/health_categories", CkanConverter::kCodeList, "health-categories"},
    {"hdcat_document", "", CkanConverter::kIgnore, ""},  // handled last, see MapPackage
    {"health_theme", "/health_themes", CkanConverter::kCodeList, "health-themes"},
    {"coding_system", "/coding_systems", CkanConverter::kCodeList, "coding-systems"},
    {"number_of_records", "/statistics/number_of_records", CkanConverter::kCount, ""},
    {"number_of_unique_individuals", "/statistics/number_of_unique_individuals", CkanConverter::kCount, ""},
    {"min_typical_age", "/population/min_typical_age", CkanConverter::kCount, ""},
    {"max_typical_age", "/population/max_typical_age", CkanConverter::kCount, ""},
    {"population_coverage", "/population/coverage", CkanConverter::kLangTextField, ""},
    {"has_structured_data", "/has_structured_data", CkanConverter::kBool, ""},
    {"personal_data", "/personal_data", CkanConverter::kCodeList, "dpv-personal-data"},
    {"publisher_type", "/publisher/publisher_type", CkanConverter::kCode, "publisher-types"},
    // CKAN bookkeeping: read elsewhere or meaningless outside CKAN.
    {"id", "", CkanConverter::kIgnore, ""},
    {"state", "", CkanConverter::kIgnore, ""},
    {"type", "", CkanConverter::kIgnore, ""},
    {"private", "", CkanConverter::kIgnore, ""},
    {"owner_org", "", CkanConverter::kIgnore, ""},
    {"creator_user_id", "", CkanConverter::kIgnore, ""},
    {"num_resources", "", CkanConverter::kIgnore, ""},
    {"num_tags", "", CkanConverter::kIgnore, ""},
    {"isopen", "", CkanConverter::kIgnore, ""},
    {"extras", "", CkanConverter::kIgnore, ""},
    {"relationships_as_subject", "", CkanConverter::kIgnore, ""},
    {"relationships_as_object", "", CkanConverter::kIgnore, ""},
    {"harvest_object_id", "", CkanConverter::kIgnore, ""},
    {"harvest_source_id", "", CkanConverter::kIgnore, ""},
    {"harvest_source_title", "", CkanConverter::kIgnore, ""},
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string AsText(const Json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// Extras hold lists as JSON-encoded strings ('["a","b"]') or comma lists.
std::vector<std::string> AsList(const Json& value) {
  std::vector<std::string> out;
  if (value.is_array()) {
    for (const auto& v : value)
      if (!v.is_null()) out.push_back(AsText(v));
    return out;
  }
  if (!value.is_string()) {
    if (!value.is_null()) out.push_back(value.dump());
    return out;
  }
  std::string text = value.get<std::string>();
  if (!text.empty() && text.front() == '[') {
    Json parsed = Json::parse(text, nullptr, false);
    if (!parsed.is_discarded() && parsed.is_array()) return AsList(parsed);
  }
  if (text.find(',') != std::string::npos && text.find("://") == std::string::npos) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t comma = text.find(',', start);
      std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      item.erase(0, item.find_first_not_of(' '));
      item.erase(item.find_last_not_of(' ') + 1);
      if (!item.empty()) out.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return out;
  }
  if (!text.empty()) out.push_back(text);
  return out;
}

std::optional<std::string> AsDate(const std::string& text) {
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') return text.substr(0, 10);
  if (text.size() == 7 && text[4] == '-') return text;
  if (text.size() == 4 && std::all_of(text.begin(), text.end(), ::isdigit)) return text;
  return std::nullopt;
}

// The first non-empty string member of `object` among `keys`, or "".
std::string FirstStringMember(const Json& object, std::initializer_list<std::string_view> keys) {
  for (auto key : keys) {
    if (std::string value = StringMember(object, key); !value.empty()) return value;
  }
  return {};
}

// The value of extra `key` (top-level keys of that name count too), or null.
const Json* Extra(const Json& package, std::string_view key) {
  if (auto it = package.find(key); it != package.end() && !it->is_null()) return &*it;
  auto extras = package.find("extras");
  if (extras == package.end() || !extras->is_array()) return nullptr;
  for (const auto& extra : *extras) {
    if (extra.is_object() && StringMember(extra, "key") == key && extra.contains("value")) return &extra["value"];
  }
  return nullptr;
}

}  // namespace

const std::vector<CkanFieldRule>& CkanFieldRules() { return kRules; }

CkanMapper::CkanMapper(std::string holder, std::string default_language)
    : holder_(std::move(holder)), default_language_(std::move(default_language)) {
  for (const auto& rule : kRules) {
    if (!rule.vocabulary.empty() && !vocabularies_.count(rule.vocabulary)) {
      vocabularies_.emplace(std::string(rule.vocabulary), VocabularyCodes::Load(rule.vocabulary));
    }
  }
}

Result<CkanMapped> CkanMapper::MapPackage(const Json& package) const {
  if (!package.is_object()) return InvalidInput("CKAN package is not a JSON object");
  CkanMapped out;
  if (package.contains("id") && package["id"].is_string()) out.record_identifier = package["id"].get<std::string>();
  else if (package.contains("name") && package["name"].is_string()) out.record_identifier = package["name"].get<std::string>();
  else return InvalidInput("CKAN package has neither id nor name");

  // Top-level keys first, then extras (which never override a top-level key).
  std::vector<std::pair<std::string, Json>> fields;
  std::set<std::string> seen;
  for (const auto& [key, value] : package.items()) {
    fields.emplace_back(key, value);
    seen.insert(key);
  }
  if (auto extras = package.find("extras"); extras != package.end() && extras->is_array()) {
    for (const auto& extra : *extras) {
      if (!extra.is_object() || !extra.contains("key") || !extra["key"].is_string()) continue;
      std::string key = extra["key"].get<std::string>();
      if (seen.insert(key).second) fields.emplace_back(key, extra.value("value", Json()));
      else out.unmapped.push_back("extras/" + key + " (duplicates a top-level key)");
    }
  }

  Json& doc = out.document;
  doc = Json::object();
  auto at = [&doc](std::string_view pointer) -> Json& { return doc[Json::json_pointer(std::string(pointer))]; };
  auto push_unique = [&](std::string_view pointer, const std::string& value) {
    Json& list = at(pointer);
    if (!list.is_array()) list = Json::array();
    if (std::find(list.begin(), list.end(), Json(value)) == list.end()) list.push_back(value);
  };
  auto code = [this](std::string_view vocabulary, const std::string& value) -> std::optional<std::string> {
    if (vocabulary.empty()) return value;
    auto it = vocabularies_.find(vocabulary);
    if (it == vocabularies_.end()) return std::nullopt;
    if (value.find("://") != std::string::npos) return it->second.CodeForIriOrTail(value);
    return it->second.CodeForLiteral(value);
  };

  for (const auto& field : fields) {
    const std::string& key = field.first;  // a plain reference: clang 14 cannot capture structured bindings
    const Json& value = field.second;
    auto rule = std::find_if(kRules.begin(), kRules.end(), [&key](const CkanFieldRule& r) { return r.key == key; });
    if (rule == kRules.end()) {
      if (!value.is_null() && !(value.is_string() && value.get<std::string>().empty())) out.unmapped.push_back(key);
      continue;
    }
    if (value.is_null() || (value.is_string() && value.get<std::string>().empty())) continue;
    switch (rule->converter) {
      case CkanConverter::kIgnore: break;
      case CkanConverter::kIdentifier:
        SetIdentifier(doc, AsText(value));
        break;
      case CkanConverter::kLangText:
        if (!at(rule->pointer).contains(default_language_)) at(rule->pointer)[default_language_] = AsText(value);
        break;
      case CkanConverter::kLangTextField:
        at(rule->pointer)[default_language_] = AsText(value);
        break;
      case CkanConverter::kLangMap:
        if (!value.is_object()) { out.unmapped.push_back(key + " (not a language map)"); break; }
        for (const auto& [language, text] : value.items()) {
          if (text.is_string() && !text.get<std::string>().empty()) at(rule->pointer)[Lower(language)] = text;
        }
        break;
      case CkanConverter::kTags:
        if (value.is_array()) {
          for (const auto& tag : value) {
            std::string name = tag.is_object() ? FirstStringMember(tag, {"display_name", "name"}) : AsText(tag);
            if (name.empty()) continue;
            Json& words = at(rule->pointer)[default_language_];
            if (std::find(words.begin(), words.end(), Json(name)) == words.end()) words.push_back(name);
          }
        } else if (value.is_object()) {  // fluent tags: {"ja": [...], "en": [...]}
          for (const auto& [language, words] : value.items()) {
            for (const auto& w : words) at(rule->pointer)[Lower(language)].push_back(AsText(w));
          }
        } else {
          out.unmapped.push_back(key + " (not a list)");
        }
        break;
      case CkanConverter::kOrganization:
        if (value.is_object()) {
          std::string title = FirstStringMember(value, {"title", "name"});
          if (!title.empty()) at("/publisher/name")[default_language_] = title;
        }
        break;
      case CkanConverter::kResources:
        if (!value.is_array()) { out.unmapped.push_back(key + " (not a list)"); break; }
        for (const auto& resource : value) {
          if (!resource.is_object()) continue;
          Json d = Json::object();
          if (auto n = StringMember(resource, "name"); !n.empty()) d["title"][default_language_] = n;
          if (auto n = StringMember(resource, "description"); !n.empty()) d["description"][default_language_] = n;
          if (auto u = StringMember(resource, "url"); !u.empty()) d["access_url"] = u;
          if (auto u = StringMember(resource, "download_url"); !u.empty()) d["download_url"] = u;
          if (auto m = StringMember(resource, "mimetype"); !m.empty()) d["media_type"] = m;
          if (auto f = StringMember(resource, "format"); !f.empty()) d["format"] = f;
          if (auto size = resource.find("size"); size != resource.end() && size->is_number_unsigned()) d["byte_size"] = *size;
          if (auto size = resource.find("size"); size != resource.end() && size->is_number_integer() && size->get<long long>() >= 0) d["byte_size"] = *size;
          at(rule->pointer).push_back(d);
        }
        break;
      case CkanConverter::kString:
        at(rule->pointer) = AsText(value);
        break;
      case CkanConverter::kUri:
        if (AsText(value).find("://") != std::string::npos) at(rule->pointer) = AsText(value);
        else out.unmapped.push_back(key + " (not a URL: " + AsText(value) + ")");
        break;
      case CkanConverter::kDate:
        if (auto date = AsDate(AsText(value))) at(rule->pointer) = *date;
        else out.unmapped.push_back(key + " (not a date: " + AsText(value) + ")");
        break;
      case CkanConverter::kCode:
        if (auto c = code(rule->vocabulary, AsText(value))) at(rule->pointer) = *c;
        else out.unmapped.push_back(key + " (value not in vocabulary " + std::string(rule->vocabulary) + ": " + AsText(value) + ")");
        break;
      case CkanConverter::kLegislation:
        // A list of URIs (ckanext-dcat) or of {uri, label} objects (hdcat).
        for (const auto& item : AsList(value)) {
          Json act = item.empty() || item.front() != '{' ? Json(nullptr) : Json::parse(item, nullptr, false);
          if (act.is_object() && act.contains("uri") && act["uri"].is_string()) {
            Json entry{{"uri", act["uri"]}};
            if (act.contains("label") && act["label"].is_object()) entry["label"] = act["label"];
            at(rule->pointer).push_back(entry);
          } else if (item.find("://") != std::string::npos && item.front() != '{') {
            at(rule->pointer).push_back(Json{{"uri", item}});
          } else {
            out.unmapped.push_back(key + " (not a URI or {uri, label}: " + item + ")");
          }
        }
        break;
      case CkanConverter::kCodeList:
        for (const auto& item : AsList(value)) {
          if (auto c = code(rule->vocabulary, item)) {
            push_unique(rule->pointer, *c);
          } else {
            out.unmapped.push_back(key + " (value not in vocabulary " + std::string(rule->vocabulary) + ": " + item + ")");
          }
        }
        break;
      case CkanConverter::kCount: {
        std::string text = AsText(value);
        std::uint64_t n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec == std::errc() && end == text.data() + text.size()) at(rule->pointer) = n;
        else out.unmapped.push_back(key + " (not a non-negative integer: " + text + ")");
        break;
      }
      case CkanConverter::kBool: {
        std::string text = Lower(AsText(value));
        if (text == "true" || text == "1" || text == "yes") at(rule->pointer) = true;
        else if (text == "false" || text == "0" || text == "no") at(rule->pointer) = false;
        else out.unmapped.push_back(key + " (not a boolean: " + text + ")");
        break;
      }
      case CkanConverter::kAuthor:
      case CkanConverter::kMaintainer: {
        Json contact = Json::object();
        contact["name"][default_language_] = AsText(value);
        std::string email_key = rule->converter == CkanConverter::kAuthor ? "author_email" : "maintainer_email";
        if (package.contains(email_key) && package[email_key].is_string() && !package[email_key].get<std::string>().empty()) {
          contact["email"] = package[email_key];
        }
        at(rule->pointer).push_back(contact);
        break;
      }
    }
  }
  // An e-mail without a name is still a contact point.
  for (const auto& [name_key, email_key] : {std::pair{"author", "author_email"}, std::pair{"maintainer", "maintainer_email"}}) {
    bool has_name = package.contains(name_key) && package[name_key].is_string() && !package[name_key].get<std::string>().empty();
    bool has_email = package.contains(email_key) && package[email_key].is_string() && !package[email_key].get<std::string>().empty();
    if (!has_name && has_email) at("/contact_points").push_back(Json{{"email", package[email_key]}});
  }
  if (!doc.contains("identifier")) SetIdentifier(doc, out.record_identifier);
  if (!holder_.empty()) doc["holder"] = holder_;
  if (const Json* carried = Extra(package, "hdcat_document")) {
    auto parsed = carried->is_string() ? ParseJson(carried->get<std::string>()) : Result<Json>(InvalidInput("not a string"));
    if (parsed.ok() && parsed->is_object()) {
      doc = std::move(*parsed);
      if (!holder_.empty()) doc["holder"] = holder_;
      out.unmapped.clear();
    } else {
      out.unmapped.push_back("hdcat_document (not a JSON object)");
    }
  }
  return out;
}

}  // namespace hdcat::harvesters::mapping
