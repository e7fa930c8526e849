#include "harvesters/mapping/dcat_mapping.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "harvesters/mapping/identifiers.h"

namespace hdcat::harvesters::mapping {
namespace {

using rdf::Term;

std::string Iri(std::string_view prefix, std::string_view local) { return std::string(prefix) + std::string(local); }

// Rules are declared with string_views into these storage strings, built once per call of DcatFieldRules().
struct RuleSource {
  std::string_view prefix;
  std::string_view local;
  std::string_view pointer;
  DcatConverter converter;
  std::string_view vocabulary = {};
};

constexpr RuleSource kRuleSources[] = {
    {ns::kDct, "identifier", "/identifier", DcatConverter::kIgnore},  // handled first, see MapDataset
    {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type", "", DcatConverter::kIgnore},
    {ns::kDct, "title", "/title", DcatConverter::kLangText},
    {ns::kDct, "description", "/description", DcatConverter::kLangText},
    {ns::kDct, "alternative", "/alternative_titles", DcatConverter::kLangTextList},
    {ns::kDcat, "keyword", "/keywords", DcatConverter::kLangWords},
    {ns::kDct, "accessRights", "/access_rights", DcatConverter::kCode, "access-rights"},
    {ns::kDcatAp, "applicableLegislation", "/applicable_legislation", DcatConverter::kLegislation},
    {ns::kDcat, "theme", "/themes", DcatConverter::kCodeList, "data-themes"},
    {ns::kHealthDcatAp, "healthCategory", "/health_categories", DcatConverter::kCodeList, "health-categories"},
    {ns::kHealthDcatAp, "healthTheme", "/health_themes", DcatConverter::kCodeList, "health-themes"},
    {ns::kDct, "type", "/dataset_types", DcatConverter::kCodeList, "dataset-types"},
    {ns::kDct, "publisher", "/publisher", DcatConverter::kAgent},
    {ns::kGeoDcatAp, "custodian", "/custodian", DcatConverter::kAgent},
    {ns::kHealthDcatAp, "hdab", "/hdab", DcatConverter::kAgent},
    {ns::kHealthDcatAp, "hdabCoordinator", "/hdab_coordinator", DcatConverter::kAgent},
    {ns::kDcat, "contactPoint", "/contact_points", DcatConverter::kContactPoints},
    {ns::kDct, "provenance", "/provenance", DcatConverter::kProvenance},
    {ns::kProv, "wasGeneratedBy", "/generated_by", DcatConverter::kActivities, "health-activities"},
    {ns::kHealthDcatAp, "hasStructuredData", "/has_structured_data", DcatConverter::kBool},
    {ns::kHealthDcatAp, "hasCodingSystem", "/coding_systems", DcatConverter::kCodingSystems, "coding-systems"},
    {ns::kHdcat, "codingSystem", "/coding_systems", DcatConverter::kCodingSystems, "coding-systems"},
    // Concepts first: the bare literals only add codes no concept names.
    {ns::kHdcat, "codeValue", "/code_values", DcatConverter::kCodeConcepts, "coding-systems"},
    {ns::kHealthDcatAp, "hasCodeValues", "/code_values", DcatConverter::kCodeValues},
    {ns::kHdcat, "extensions", "/extensions", DcatConverter::kJsonObject},
    {ns::kHdcat, "document", "", DcatConverter::kIgnore},  // handled last, see MapDataset
    {ns::kDct, "conformsTo", "/conforms_to", DcatConverter::kCodeList, "standards"},
    {ns::kHdcat, "conformsTo", "/conforms_to", DcatConverter::kCodeList, "standards"},
    {ns::kHealthDcatAp, "hasVariables", "/variables", DcatConverter::kVariables},
    {ns::kDct, "temporal", "/temporal", DcatConverter::kPeriod},
    {ns::kDcat, "temporalResolution", "/temporal_resolution", DcatConverter::kDuration},
    {ns::kDct, "accrualPeriodicity", "/update/frequency", DcatConverter::kCode, "frequencies"},
    {ns::kDct, "issued", "/issued", DcatConverter::kDate},
    {ns::kDct, "modified", "/modified", DcatConverter::kDate},
    {ns::kDcat, "version", "/version", DcatConverter::kString},
    {ns::kAdms, "versionNotes", "/version_notes", DcatConverter::kLangText},
    {ns::kDct, "spatial", "/spatial", DcatConverter::kSpatial},
    {ns::kDct, "language", "/languages", DcatConverter::kCodeList, "languages"},
    {ns::kHealthDcatAp, "populationCoverage", "/population/coverage", DcatConverter::kLangText},
    {ns::kHealthDcatAp, "minTypicalAge", "/population/min_typical_age", DcatConverter::kCount},
    {ns::kHealthDcatAp, "maxTypicalAge", "/population/max_typical_age", DcatConverter::kCount},
    {ns::kHealthDcatAp, "numberOfRecords", "/statistics/number_of_records", DcatConverter::kCount},
    {ns::kHealthDcatAp, "numberOfUniqueIndividuals", "/statistics/number_of_unique_individuals", DcatConverter::kCount},
    {ns::kDqv, "hasQualityAnnotation", "/quality/certificates", DcatConverter::kQuality},
    {ns::kDpv, "hasPurpose", "/purposes", DcatConverter::kPurposes},
    {ns::kDpv, "hasLegalBasis", "/access/legal_basis", DcatConverter::kLegalBasis},
    {ns::kDpv, "hasPersonalData", "/personal_data", DcatConverter::kCodeList, "dpv-personal-data"},
    {ns::kHealthDcatAp, "retentionPeriod", "/retention_period", DcatConverter::kPeriod},
    {ns::kDcat, "distribution", "/distributions", DcatConverter::kDistributions},
    {ns::kAdms, "sample", "/samples", DcatConverter::kDistributions},
    {ns::kHealthDcatAp, "analytics", "/analytics", DcatConverter::kDistributions},
    {ns::kDcat, "landingPage", "/landing_page", DcatConverter::kIri},
    {ns::kFoaf, "page", "/documentation", DcatConverter::kIriList},
    {ns::kDct, "isReferencedBy", "/referenced_by", DcatConverter::kIriList},
    {ns::kDct, "relation", "/related", DcatConverter::kIriList},
    {ns::kDct, "source", "/related", DcatConverter::kIriList},
    // R5-era forms, still in the R8 property examples and in CKAN output.
    {ns::kHealthDcatAp, "publisherType", "/publisher/publisher_type", DcatConverter::kLegacyPublisherType, "publisher-types"},
    {ns::kHealthDcatAp, "publisherNote", "/extensions/publisher_note", DcatConverter::kLegacyPublisherNote},
    {ns::kHealthDcatAp, "trustedDataHolder", "/trusted_data_holder", DcatConverter::kLegacyTrustedHolder},
    {ns::kHealthDcatAp, "trusteddataholder", "/trusted_data_holder", DcatConverter::kLegacyTrustedHolder},
};

struct Prefix {
  std::string_view prefix;
  std::string_view iri;
};
constexpr Prefix kPrefixes[] = {
    {"dcat", ns::kDcat},     {"dct", ns::kDct},         {"dcatap", ns::kDcatAp}, {"healthdcatap", ns::kHealthDcatAp},
    {"hdcat", ns::kHdcat},   {"foaf", ns::kFoaf},       {"vcard", ns::kVcard},   {"cv", ns::kCv},
    {"csvw", ns::kCsvw},     {"dpv", ns::kDpv},         {"dqv", ns::kDqv},       {"oa", ns::kOa},
    {"prov", ns::kProv},     {"adms", ns::kAdms},       {"skos", ns::kSkos},     {"rdfs", ns::kRdfs},
    {"geodcatap", ns::kGeoDcatAp}, {"xsd", ns::kXsd},  {"hydra", ns::kHydra},   {"schema", ns::kSchema},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}, {"time", "http://www.w3.org/2006/time#"},
};

std::string StripMailto(std::string_view value) {
  if (value.rfind("mailto:", 0) == 0) value.remove_prefix(7);
  return std::string(value);
}

std::optional<std::uint64_t> ParseCount(std::string_view text) {
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<bool> ParseBool(std::string_view text) {
  if (text == "true" || text == "1" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "0" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

// ISO date from xsd:date, dateTime, gYear, gYearMonth lexical forms.
std::optional<std::string> ParseDate(std::string_view text) {
  auto t = text.find('T');
  if (t != std::string_view::npos) text = text.substr(0, t);
  if (text.size() > 10) text = text.substr(0, 10);
  auto digits = [](std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), ::isdigit); };
  if (text.size() == 4 && digits(text)) return std::string(text);
  if (text.size() == 7 && digits(text.substr(0, 4)) && text[4] == '-' && digits(text.substr(5))) return std::string(text);
  if (text.size() == 10 && digits(text.substr(0, 4)) && text[4] == '-' && digits(text.substr(5, 2)) && text[7] == '-' &&
      digits(text.substr(8)))
    return std::string(text);
  return std::nullopt;
}

// One mapping run over one dataset.
class Run {
 public:
  Run(const DcatMapper& mapper, const DcatMappingOptions& options, const rdf::Graph& graph, DcatMapped& out)
      : mapper_(mapper), options_(options), graph_(graph), out_(out), doc_(out.document) {}

  void Apply(const DcatFieldRule& rule, const std::vector<const Term*>& objects) {
    std::string where = CompactIri(rule.predicate);
    switch (rule.converter) {
      case DcatConverter::kIgnore: return;
      case DcatConverter::kLangText:
        for (const Term* o : objects) AddLangText(At(rule.pointer), *o, where);
        return;
      case DcatConverter::kLangTextList:
        for (const Term* o : objects) {
          Json text;
          AddLangText(text, *o, where);
          if (!text.is_null()) Push(rule.pointer, text);
        }
        return;
      case DcatConverter::kLangWords:
        for (const Term* o : objects) {
          if (!o->is_literal()) { Unmapped(where + " (not a literal)"); continue; }
          Json& words = At(rule.pointer)[Language(*o)];
          if (std::find(words.begin(), words.end(), Json(o->value)) == words.end()) words.push_back(o->value);
        }
        return;
      case DcatConverter::kString:
        if (!objects.empty()) At(rule.pointer) = objects.front()->value;
        return;
      case DcatConverter::kIri:
        for (const Term* o : objects) {
          if (!o->is_iri()) { Unmapped(where + " (not an IRI)"); continue; }
          At(rule.pointer) = o->value;
          break;
        }
        return;
      case DcatConverter::kIriList:
        for (const Term* o : objects) {
          if (o->is_iri()) PushUnique(rule.pointer, o->value);
          else Unmapped(where + " (not an IRI)");
        }
        return;
      case DcatConverter::kCode:
      case DcatConverter::kCodeList:
      case DcatConverter::kLegacyPublisherType:
        for (const Term* o : objects) {
          auto code = Code(rule.vocabulary, *o);
          if (!code) { Unmapped(where + " (value not in vocabulary " + std::string(rule.vocabulary) + ": " + o->value + ")"); continue; }
          if (rule.converter == DcatConverter::kCodeList) {
            PushUnique(rule.pointer, *code);
          } else if (rule.converter == DcatConverter::kCode ||
                     !doc_.contains(Json::json_pointer(std::string(rule.pointer)))) {
            At(rule.pointer) = *code;  // the agent's own dct:type wins over the legacy form
          }
        }
        return;
      case DcatConverter::kBool:
        for (const Term* o : objects) {
          auto value = o->is_literal() ? ParseBool(o->value) : std::nullopt;
          if (value) At(rule.pointer) = *value;
          else Unmapped(where + " (not a boolean: " + o->value + ")");
        }
        return;
      case DcatConverter::kCount:
        for (const Term* o : objects) {
          auto value = o->is_literal() ? ParseCount(o->value) : std::nullopt;
          if (value) At(rule.pointer) = *value;
          else Unmapped(where + " (not a non-negative integer: " + o->value + ")");
        }
        return;
      case DcatConverter::kDate:
        for (const Term* o : objects) {
          auto value = o->is_literal() ? ParseDate(o->value) : std::nullopt;
          if (value) At(rule.pointer) = *value;
          else Unmapped(where + " (not a date: " + o->value + ")");
        }
        return;
      case DcatConverter::kDuration:
        for (const Term* o : objects) {
          if (o->is_literal() && o->value.size() > 1 && o->value[0] == 'P') At(rule.pointer) = o->value;
          else Unmapped(where + " (not an ISO 8601 duration: " + o->value + ")");
        }
        return;
      case DcatConverter::kLegislation:
        for (const Term* o : objects) {
          if (!o->is_iri()) { Unmapped(where + " (not an IRI)"); continue; }
          Json item{{"uri", o->value}};
          Json label;
          for (const Term* l : graph_.Objects(*o, Iri(ns::kRdfs, "label"))) AddLangText(label, *l, where);
          for (const Term* l : graph_.Objects(*o, Iri(ns::kDct, "title"))) AddLangText(label, *l, where);
          if (!label.is_null()) item["label"] = label;
          Push(rule.pointer, item);
        }
        return;
      case DcatConverter::kAgent:
        for (const Term* o : objects) {
          Json agent = Agent(*o, where, rule.pointer == "/publisher");
          if (!agent.empty()) {
            Json& target = At(rule.pointer);
            if (target.is_object()) target.update(agent);  // legacy publisherType may be there already
            else target = agent;
          }
        }
        return;
      case DcatConverter::kContactPoints:
        for (const Term* o : objects) {
          Json contact = Contact(*o, where);
          if (!contact.empty()) Push(rule.pointer, contact);
        }
        return;
      case DcatConverter::kPeriod:
        for (const Term* o : objects) Period(*o, rule.pointer, where);
        return;
      case DcatConverter::kProvenance:
      case DcatConverter::kLegalBasis:
        for (const Term* o : objects) {
          if (o->is_literal()) { AddLangText(At(rule.pointer), *o, where); continue; }
          bool any = false;
          for (auto p : {Iri(ns::kRdfs, "label"), Iri(ns::kDct, "description")}) {
            for (const Term* l : graph_.Objects(*o, p)) { AddLangText(At(rule.pointer), *l, where); any = true; }
          }
          ReportNode(*o, where, {Iri(ns::kRdfs, "label"), Iri(ns::kDct, "description")});
          if (!any) Unmapped(where + " (no rdfs:label or dct:description)");
        }
        return;
      case DcatConverter::kPurposes:
        for (const Term* o : objects) {
          Json text;
          if (o->is_literal()) AddLangText(text, *o, where);
          for (const Term* l : graph_.Objects(*o, Iri(ns::kDct, "description"))) AddLangText(text, *l, where);
          if (o->is_node()) ReportNode(*o, where, {Iri(ns::kDct, "description")});
          if (!text.is_null()) Push(rule.pointer, text);
          else Unmapped(where + " (purpose without dct:description)");
        }
        return;
      case DcatConverter::kActivities:
        for (const Term* o : objects) {
          std::optional<std::string> code = Code(rule.vocabulary, *o);
          for (const Term* t : graph_.Objects(*o, Iri(ns::kDct, "type"))) {
            if (!code) code = Code(rule.vocabulary, *t);
          }
          if (o->is_node()) ReportNode(*o, where, {Iri(ns::kDct, "type"), Iri(ns::kRdfs, "label")});
          if (code) PushUnique(rule.pointer, *code);
          else Unmapped(where + " (activity type not in vocabulary health-activities)");
        }
        return;
      case DcatConverter::kDistributions:
        for (const Term* o : objects) {
          Json distribution = Distribution(*o, where);
          if (!distribution.empty()) Push(rule.pointer, distribution);
        }
        return;
      case DcatConverter::kVariables:
        for (const Term* o : objects) Variables(*o, rule.pointer, where);
        return;
      case DcatConverter::kCodingSystems:
        for (const Term* o : objects) {
          auto code = Code(rule.vocabulary, *o);
          if (code) PushUnique(rule.pointer, *code);
          else Unmapped(where + " (coding system not in vocabulary: " + o->value + ")");
        }
        return;
      case DcatConverter::kCodeConcepts:
        for (const Term* o : objects) {
          const Term* notation = graph_.FirstObject(*o, Iri(ns::kSkos, "notation"));
          if (!notation || !notation->is_literal()) { Unmapped(where + " (concept without skos:notation)"); continue; }
          Json value{{"code", notation->value}};
          if (const Term* scheme = graph_.FirstObject(*o, Iri(ns::kSkos, "inScheme"))) {
            if (auto system = Code(rule.vocabulary, *scheme)) value["system"] = *system;
            else Unmapped(where + "/skos:inScheme (coding system not in vocabulary: " + scheme->value + ")");
          }
          Json label;
          for (const Term* l : graph_.Objects(*o, Iri(ns::kSkos, "prefLabel"))) AddLangText(label, *l, where);
          if (!label.is_null()) value["label"] = label;
          ReportNode(*o, where, {Iri(ns::kSkos, "notation"), Iri(ns::kSkos, "inScheme"), Iri(ns::kSkos, "prefLabel")});
          Push(rule.pointer, value);
        }
        return;
      case DcatConverter::kCodeValues:
        for (const Term* o : objects) {
          if (!o->is_literal()) { Unmapped(where + " (not a literal)"); continue; }
          Json& list = At(rule.pointer);
          bool named = list.is_array() && std::any_of(list.begin(), list.end(), [&](const Json& v) {
                         return v.value("code", "") == o->value;
                       });
          if (!named) Push(rule.pointer, Json{{"code", o->value}});
        }
        return;
      case DcatConverter::kJsonObject:
        for (const Term* o : objects) {
          auto parsed = o->is_literal() ? ParseJson(o->value) : Result<Json>(InvalidInput("not a literal"));
          if (parsed.ok() && parsed->is_object()) At(rule.pointer) = std::move(*parsed);
          else Unmapped(where + " (not a JSON object)");
        }
        return;
      case DcatConverter::kQuality:
        for (const Term* o : objects) {
          const Term* body = graph_.FirstObject(*o, Iri(ns::kOa, "hasBody"));
          if (!body || !body->is_iri()) { Unmapped(where + " (annotation without an oa:hasBody IRI)"); continue; }
          Json certificate{{"uri", body->value}};
          Json label;
          for (const Term* l : graph_.Objects(*o, Iri(ns::kRdfs, "label"))) AddLangText(label, *l, where);
          if (!label.is_null()) certificate["label"] = label;
          ReportNode(*o, where, {Iri(ns::kOa, "hasBody"), Iri(ns::kOa, "hasTarget"), Iri(ns::kOa, "motivatedBy"),
                                 Iri(ns::kRdfs, "label")});
          Push(rule.pointer, certificate);
        }
        return;
      case DcatConverter::kSpatial:
        for (const Term* o : objects) {
          if (!o->is_iri()) { Unmapped(where + " (not an IRI)"); continue; }
          if (auto prefecture = mapper_.vocabulary("prefectures").CodeForIri(o->value)) {
            PushUnique(rule.pointer, "JP-" + *prefecture);
          } else if (o->value.find("/country/") != std::string::npos) {
            PushUnique(rule.pointer, IriTail(o->value));
          } else {
            Unmapped(where + " (not a country or prefecture: " + o->value + ")");
          }
        }
        return;
      case DcatConverter::kLegacyPublisherNote:
        for (const Term* o : objects) AddLangText(At(rule.pointer), *o, where);
        return;
      case DcatConverter::kLegacyTrustedHolder:
        for (const Term* o : objects) {
          auto value = o->is_literal() ? ParseBool(o->value) : std::nullopt;
          if (value) out_.holder_patch["trusted_data_holder"] = *value;
          else Unmapped(where + " (not a boolean: " + o->value + ")");
        }
        return;
    }
  }

  // RDF values have no order. Sorting every list makes the same graph map to
  // the same document whatever order a server serialises it in, so content
  // hashes do not change spuriously between harvests.
  void SortLists() {
    auto by_dump = [](const Json& a, const Json& b) { return a.dump() < b.dump(); };
    auto sort_array = [&](Json& value) {
      if (value.is_array()) std::sort(value.begin(), value.end(), by_dump);
    };
    for (auto& [key, value] : doc_.items()) {
      if (key == "variables" || key == "keywords") continue;
      sort_array(value);
    }
    if (doc_.contains("keywords")) {
      for (auto& [language, words] : doc_["keywords"].items()) {
        (void)language;
        sort_array(words);
      }
    }
    if (doc_.contains("quality") && doc_["quality"].contains("certificates")) sort_array(doc_["quality"]["certificates"]);
    if (doc_.contains("variables")) {
      auto by_name = [](const Json& a, const Json& b) {
        return std::make_pair(a.value("name", ""), a.dump()) < std::make_pair(b.value("name", ""), b.dump());
      };
      for (auto& table : doc_["variables"]) {
        for (auto& variable : table["variables"]) {
          if (variable.contains("example_codes")) sort_array(variable["example_codes"]);
        }
        std::sort(table["variables"].begin(), table["variables"].end(), by_name);
      }
      std::sort(doc_["variables"].begin(), doc_["variables"].end(), by_name);
    }
  }

  void DeriveAccessRoutes() {
    if (doc_.contains("access") && doc_["access"].contains("routes")) return;
    if (!doc_.contains("distributions")) return;
    bool is_public = doc_.value("access_rights", "") == "PUBLIC";
    for (const auto& d : doc_["distributions"]) {
      if (!d.contains("access_url")) continue;
      Json route{{"type", is_public ? "open_download" : "data_delivery"}, {"url", d["access_url"]}};
      if (d.contains("title")) route["description"] = d["title"];
      doc_["access"]["routes"].push_back(route);
    }
    if (doc_.contains("access") && doc_["access"].contains("routes")) {
      out_.notes.push_back(std::string("access.routes derived from distribution access URLs as ") +
                           (is_public ? "open_download" : "data_delivery"));
    }
  }

  void Unmapped(std::string entry) {
    if (std::find(out_.unmapped.begin(), out_.unmapped.end(), entry) == out_.unmapped.end()) {
      out_.unmapped.push_back(std::move(entry));
    }
  }

 private:
  Json& At(std::string_view pointer) { return doc_[Json::json_pointer(std::string(pointer))]; }

  void Push(std::string_view pointer, Json value) {
    Json& list = At(pointer);
    if (!list.is_array()) list = Json::array();
    list.push_back(std::move(value));
  }

  void PushUnique(std::string_view pointer, const std::string& value) {
    Json& list = At(pointer);
    if (!list.is_array()) list = Json::array();
    if (std::find(list.begin(), list.end(), Json(value)) == list.end()) list.push_back(value);
  }

  std::string Language(const Term& literal) const {
    return literal.language.empty() ? options_.default_language : literal.language;
  }

  void AddLangText(Json& target, const Term& literal, const std::string& where) {
    if (!literal.is_literal()) {
      Unmapped(where + " (not a literal)");
      return;
    }
    if (!target.is_object()) target = Json::object();
    std::string language = Language(literal);
    if (target.contains(language)) {
      if (target[language] != literal.value) Unmapped(where + " (more than one value in language " + language + ")");
      return;
    }
    target[language] = literal.value;
  }

  std::optional<std::string> Code(std::string_view vocabulary, const Term& term) const {
    const VocabularyCodes& codes = mapper_.vocabulary(vocabulary);
    if (term.is_iri()) return codes.CodeForIriOrTail(term.value);
    if (term.is_literal()) return codes.CodeForLiteral(term.value);
    return std::nullopt;
  }

  // Reports the predicates of `node` other than `known` (and rdf:type).
  void ReportNode(const Term& node, const std::string& where, std::initializer_list<std::string> known) {
    for (const rdf::Triple* t : graph_.Outgoing(node)) {
      if (t->predicate.value == rdf::kRdfType) continue;
      if (std::find(known.begin(), known.end(), t->predicate.value) != known.end()) continue;
      Unmapped(where + "/" + CompactIri(t->predicate.value));
    }
  }

  void ContactDetails(const Term& contact, Json& out, const std::string& where) {
    for (const rdf::Triple* t : graph_.Outgoing(contact)) {
      const std::string& p = t->predicate.value;
      if (p == rdf::kRdfType) continue;
      if (p == Iri(ns::kCv, "email") || p == Iri(ns::kVcard, "hasEmail") || p == Iri(ns::kFoaf, "mbox")) {
        out["email"] = StripMailto(t->object.value);
      } else if (p == Iri(ns::kCv, "contactPage") || p == Iri(ns::kVcard, "hasURL") || p == Iri(ns::kFoaf, "homepage")) {
        out["url"] = t->object.value;
      } else if (p == Iri(ns::kCv, "telephone") || p == Iri(ns::kVcard, "hasTelephone")) {
        out["telephone"] = t->object.is_iri() && t->object.value.rfind("tel:", 0) == 0 ? t->object.value.substr(4)
                                                                                       : t->object.value;
      } else if (p == Iri(ns::kVcard, "fn") || p == Iri(ns::kFoaf, "name")) {
        Json& name = out["name"];
        AddLangText(name, t->object, where);
      } else {
        Unmapped(where + "/" + CompactIri(p));
      }
    }
  }

  Json Agent(const Term& node, const std::string& where, bool is_publisher) {
    Json agent = Json::object();
    for (const rdf::Triple* t : graph_.Outgoing(node)) {
      const std::string& p = t->predicate.value;
      if (p == rdf::kRdfType) continue;
      if (p == Iri(ns::kFoaf, "name")) {
        Json& name = agent["name"];
        AddLangText(name, t->object, where);
      } else if (p == Iri(ns::kDct, "type") || p == Iri(ns::kHealthDcatAp, "publisherType")) {
        if (auto code = Code("publisher-types", t->object)) agent["publisher_type"] = *code;
        else Unmapped(where + "/" + CompactIri(p) + " (value not in vocabulary publisher-types: " + t->object.value + ")");
      } else if (p == Iri(ns::kCv, "contactPoint")) {
        ContactDetails(t->object, agent, where + "/cv:contactPoint");
      } else if (p == Iri(ns::kFoaf, "homepage") || p == Iri(ns::kFoaf, "mbox")) {
        ContactDetails(node, agent, where);
      } else if (is_publisher && (p == Iri(ns::kDct, "description") || p == Iri(ns::kHealthDcatAp, "publisherNote"))) {
        AddLangText(At("/extensions/publisher_note"), t->object, where);
      } else if (p == Iri(ns::kHealthDcatAp, "trustedDataHolder") || p == Iri(ns::kHealthDcatAp, "trusteddataholder")) {
        if (auto value = ParseBool(t->object.value); value && is_publisher) out_.holder_patch["trusted_data_holder"] = *value;
        else Unmapped(where + "/" + CompactIri(p));
      } else {
        Unmapped(where + "/" + CompactIri(p));
      }
    }
    if (!agent.contains("name") && node.is_iri() && agent.empty()) {
      Unmapped(where + " (agent " + node.value + " is not described)");
    }
    return agent;
  }

  Json Contact(const Term& node, const std::string& where) {
    Json contact = Json::object();
    if (node.is_iri() && node.value.rfind("mailto:", 0) == 0) {
      contact["email"] = StripMailto(node.value);
      return contact;
    }
    ContactDetails(node, contact, where);
    contact.erase("telephone");  // the dataset contact point model has no telephone
    return contact;
  }

  void Period(const Term& node, std::string_view pointer, const std::string& where) {
    std::optional<std::string> start, end;
    for (const rdf::Triple* t : graph_.Outgoing(node)) {
      const std::string& p = t->predicate.value;
      if (p == rdf::kRdfType) continue;
      bool is_start = p == Iri(ns::kDcat, "startDate") || p == Iri(ns::kSchema, "startDate");
      bool is_end = p == Iri(ns::kDcat, "endDate") || p == Iri(ns::kSchema, "endDate");
      if (!is_start && !is_end) {
        Unmapped(where + "/" + CompactIri(p));
        continue;
      }
      auto date = ParseDate(t->object.value);
      if (!date) {
        Unmapped(where + "/" + CompactIri(p) + " (not a date: " + t->object.value + ")");
        continue;
      }
      (is_start ? start : end) = *date;
    }
    if (!start && !end) return;
    Json& period = At(pointer);
    // Several periods: keep the widest span.
    if (start && (!period.contains("start") || *start < period["start"].get<std::string>())) period["start"] = *start;
    if (end && (!period.contains("end") || *end > period["end"].get<std::string>())) period["end"] = *end;
  }

  Json Distribution(const Term& node, const std::string& where) {
    Json d = Json::object();
    for (const rdf::Triple* t : graph_.Outgoing(node)) {
      const std::string& p = t->predicate.value;
      const Term& o = t->object;
      if (p == rdf::kRdfType) continue;
      if (p == Iri(ns::kDct, "title")) {
        AddLangText(d["title"], o, where);
      } else if (p == Iri(ns::kDct, "description")) {
        AddLangText(d["description"], o, where);
      } else if (p == Iri(ns::kDcat, "accessURL")) {
        d["access_url"] = o.value;
      } else if (p == Iri(ns::kDcat, "downloadURL")) {
        d["download_url"] = o.value;
      } else if (p == Iri(ns::kDcat, "mediaType")) {
        std::string value = o.value;
        for (std::string_view prefix : {"http://www.iana.org/assignments/media-types/",
                                        "https://www.iana.org/assignments/media-types/"}) {
          if (value.rfind(prefix, 0) == 0) value = value.substr(prefix.size());
        }
        d["media_type"] = value;
      } else if (p == Iri(ns::kDct, "format")) {
        d["format"] = o.is_iri() ? IriTail(o.value) : o.value;
      } else if (p == Iri(ns::kDcat, "byteSize")) {
        if (auto size = ParseCount(o.value)) d["byte_size"] = *size;
        else Unmapped(where + "/dcat:byteSize (not a non-negative integer: " + o.value + ")");
      } else {
        Unmapped(where + "/" + CompactIri(p));
      }
    }
    return d;
  }

  void Variables(const Term& group, std::string_view pointer, const std::string& where) {
    std::vector<const Term*> tables = graph_.Objects(group, Iri(ns::kCsvw, "table"));
    // A Table given directly (without a TableGroup) is accepted too.
    if (tables.empty() && graph_.HasType(group, Iri(ns::kCsvw, "Table"))) tables.push_back(&group);
    else ReportNode(group, where, {Iri(ns::kCsvw, "table")});
    int index = 0;
    for (const Term* table_node : tables) {
      ++index;
      Json table = Json::object();
      std::string table_where = where + "/csvw:table";
      for (const rdf::Triple* t : graph_.Outgoing(*table_node)) {
        const std::string& p = t->predicate.value;
        if (p == rdf::kRdfType || p == Iri(ns::kCsvw, "column")) continue;
        if (p == Iri(ns::kDct, "title")) AddLangText(table["title"], t->object, table_where);
        else if (p == Iri(ns::kDct, "description")) AddLangText(table["description"], t->object, table_where);
        else if (p == Iri(ns::kCsvw, "url")) table["name"] = NormaliseIdentifier(TableName(t->object.value));
        else if (p == Iri(ns::kHdcat, "name") || p == Iri(ns::kCsvw, "name")) table["name"] = t->object.value;
        else Unmapped(table_where + "/" + CompactIri(p));
      }
      if (!table.contains("name")) table["name"] = "table" + std::to_string(index);
      table["variables"] = Json::array();
      for (const Term* column : graph_.Objects(*table_node, Iri(ns::kCsvw, "column"))) {
        table["variables"].push_back(Column(*column, table_where + "/csvw:column"));
      }
      Push(pointer, table);
    }
  }

  static std::string TableName(std::string_view url) {
    std::string tail = IriTail(url);
    auto dot = tail.find('.');
    return dot == std::string::npos || dot == 0 ? tail : tail.substr(0, dot);
  }

  Json Column(const Term& node, const std::string& where) {
    Json v = Json::object();
    for (const rdf::Triple* t : graph_.Outgoing(node)) {
      const std::string& p = t->predicate.value;
      const Term& o = t->object;
      if (p == rdf::kRdfType) continue;
      if (p == Iri(ns::kCsvw, "name")) {
        v["name"] = o.value;
      } else if (p == Iri(ns::kCsvw, "title") || p == Iri(ns::kCsvw, "titles")) {
        AddLangText(v["title"], o, where);
      } else if (p == Iri(ns::kDct, "description")) {
        AddLangText(v["description"], o, where);
      } else if (p == Iri(ns::kCsvw, "datatype")) {
        std::string name = o.is_iri() ? IriTail(o.value) : o.value;
        // The code itself first: "string" is also the CSVW type of code and text.
        auto code = mapper_.vocabulary("value-types").CodeForLiteral(name);
        if (!code) code = mapper_.vocabulary("value-types").CodeForField("csvw_datatype", name);
        if (code) v["value_type"] = *code;
        else Unmapped(where + "/csvw:datatype (no hdcat value type for " + name + ")");
      } else if (p == Iri(ns::kHdcat, "unit")) {
        v["unit"] = o.value;
      } else if (p == Iri(ns::kHdcat, "codingSystem") || p == Iri(ns::kCsvw, "propertyUrl")) {
        auto code = Code("coding-systems", o);
        if (code) v["coding_system"] = *code;
        else Unmapped(where + "/" + CompactIri(p) + (p == Iri(ns::kCsvw, "propertyUrl") ? "" : " (coding system not in vocabulary: " + o.value + ")"));
      } else if (p == Iri(ns::kHdcat, "exampleCode")) {
        v["example_codes"].push_back(o.value);
      } else if (p == Iri(ns::kHdcat, "completeness")) {
        double value = 0;
        auto [end, ec] = std::from_chars(o.value.data(), o.value.data() + o.value.size(), value);
        if (ec == std::errc() && end == o.value.data() + o.value.size() && value >= 0 && value <= 1) v["completeness"] = value;
        else Unmapped(where + "/hdcat:completeness (not a number in 0..1: " + o.value + ")");
      } else {
        Unmapped(where + "/" + CompactIri(p));
      }
    }
    return v;
  }

  const DcatMapper& mapper_;
  const DcatMappingOptions& options_;
  const rdf::Graph& graph_;
  DcatMapped& out_;
  Json& doc_;
};

}  // namespace

std::string CompactIri(std::string_view iri) {
  for (const auto& p : kPrefixes) {
    if (iri.size() > p.iri.size() && iri.substr(0, p.iri.size()) == p.iri) {
      return std::string(p.prefix) + ":" + std::string(iri.substr(p.iri.size()));
    }
  }
  return std::string(iri);
}

const std::vector<DcatFieldRule>& DcatFieldRules() {
  // Built once from constant data; the strings live for the program.
  static const std::vector<std::string> iris = [] {
    std::vector<std::string> out;
    for (const auto& r : kRuleSources) out.push_back(Iri(r.prefix, r.local));
    return out;
  }();
  static const std::vector<DcatFieldRule> rules = [] {
    std::vector<DcatFieldRule> out;
    std::size_t i = 0;
    for (const auto& r : kRuleSources) out.push_back({iris[i++], r.pointer, r.converter, r.vocabulary});
    return out;
  }();
  return rules;
}

DcatMapper::DcatMapper(DcatMappingOptions options) : options_(std::move(options)) {
  std::set<std::string> names = {"prefectures", "value-types", "publisher-types", "coding-systems"};
  for (const auto& rule : DcatFieldRules()) {
    if (!rule.vocabulary.empty()) names.insert(std::string(rule.vocabulary));
  }
  for (const auto& name : names) vocabularies_.emplace(name, VocabularyCodes::Load(name));
}

const VocabularyCodes& DcatMapper::vocabulary(std::string_view name) const {
  auto it = vocabularies_.find(name);
  return it == vocabularies_.end() ? empty_ : it->second;
}

Result<DcatMapped> DcatMapper::MapDataset(const rdf::Graph& graph, const rdf::Term& dataset) const {
  DcatMapped out;
  out.document = Json::object();
  out.holder_patch = Json::object();
  const Term* identifier = graph.FirstObject(dataset, Iri(ns::kDct, "identifier"));
  if (identifier && identifier->is_literal() && !identifier->value.empty()) {
    SetIdentifier(out.document, identifier->value);
  } else if (dataset.is_iri()) {
    SetIdentifier(out.document, IriTail(dataset.value));
    out.document["source_identifier"] = dataset.value;
  } else {
    Error error = InvalidInput("a dcat:Dataset without dct:identifier and without an IRI cannot be identified");
    error.expected = "dct:identifier or a dataset IRI";
    return error;
  }
  if (!options_.holder.empty()) out.document["holder"] = options_.holder;

  Run run(*this, options_, graph, out);
  std::map<std::string, std::vector<const Term*>, std::less<>> by_predicate;
  std::vector<std::string> order;
  for (const rdf::Triple* t : graph.Outgoing(dataset)) {
    auto [it, inserted] = by_predicate.try_emplace(t->predicate.value);
    if (inserted) order.push_back(t->predicate.value);
    it->second.push_back(&t->object);
  }
  std::set<std::string, std::less<>> known;
  for (const auto& rule : DcatFieldRules()) {
    known.insert(std::string(rule.predicate));
    auto it = by_predicate.find(rule.predicate);
    if (it != by_predicate.end()) run.Apply(rule, it->second);
  }
  for (const auto& predicate : order) {
    if (!known.count(predicate)) run.Unmapped(CompactIri(predicate));
  }
  run.SortLists();
  run.DeriveAccessRoutes();
  if (const Term* carried = graph.FirstObject(dataset, Iri(ns::kHdcat, "document"))) {
    auto parsed = carried->is_literal() ? ParseJson(carried->value) : Result<Json>(InvalidInput("not a literal"));
    if (parsed.ok() && parsed->is_object()) {
      out.document = std::move(*parsed);
      if (!options_.holder.empty()) out.document["holder"] = options_.holder;
      out.unmapped.clear();
      out.notes.push_back("document taken from hdcat:document; the other properties repeat it");
    } else {
      out.unmapped.push_back("hdcat:document (not a JSON object)");
    }
  }
  return out;
}

}  // namespace hdcat::harvesters::mapping
