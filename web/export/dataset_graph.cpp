#include "web/export/dataset_graph.h"

#include "base/json.h"
#include "web/export/dataset_builder.h"

namespace hdcat::web::exporting {
namespace {

using detail::DatasetBuilder;
using detail::Name;

const Json* Get(const Json& object, std::string_view key) { return DatasetBuilder::Member(object, key); }

// Calls `each` for every element of the array member `key` of `object`.
template <typename F>
void ForEach(const Json& object, std::string_view key, F each) {
  const Json* list = Get(object, key);
  if (!list || !list->is_array()) return;
  for (const Json& item : *list) each(item);
}

void AddCodes(DatasetBuilder& b, std::string_view key, Scheme scheme, const Term& predicate) {
  ForEach(b.doc, key, [&](const Json& code) {
    if (code.is_string()) {
      b.Add(b.dataset, predicate, Term::Iri(b.vocabularies.ConceptIri(scheme, code.get<std::string>())));
    }
  });
}

void AddIdentity(DatasetBuilder& b) {
  b.Type(b.dataset, ns::kDcat, "Dataset");
  b.AddLangText(b.dataset, Name(ns::kDct, "title"), Get(b.doc, "title"));
  b.AddLangText(b.dataset, Name(ns::kDct, "description"), Get(b.doc, "description"));
  ForEach(b.doc, "alternative_titles",
          [&](const Json& text) { b.AddLangText(b.dataset, Name(ns::kDct, "alternative"), &text); });
  b.AddPlain(b.dataset, Name(ns::kDct, "identifier"), Get(b.doc, "identifier"));
  if (const Json* source = Get(b.doc, "source_identifier"); source && source->is_string()) {
    Term id = b.graph.NewBlank();
    b.Add(b.dataset, Name(ns::kAdms, "identifier"), id);
    b.Type(id, ns::kAdms, "Identifier");
    b.Add(id, Name(ns::kSkos, "notation"), Term::Literal(source->get<std::string>()));
  }
  if (const Json* holder = Get(b.doc, "holder"); holder && holder->is_string()) {
    b.Add(b.dataset, Name(ns::kHdcat, "holder"), Term::Iri(b.site.HolderIri(holder->get<std::string>())));
  }
  bool has_keyword = false;
  if (const Json* keywords = Get(b.doc, "keywords"); keywords && keywords->is_object()) {
    for (const auto& [language, words] : keywords->items()) {
      if (!words.is_array()) continue;
      for (const Json& word : words) {
        if (!word.is_string() || word.get_ref<const std::string&>().empty()) continue;
        b.Add(b.dataset, Name(ns::kDcat, "keyword"), Term::Literal(word.get<std::string>(), language));
        has_keyword = true;
      }
    }
  }
  // R8 requires keywords for non-public data; without the holder's own, the
  // labels of the dataset's EHDS health categories describe it best.
  if (!has_keyword) {
    ForEach(b.doc, "health_categories", [&](const Json& code) {
      if (!code.is_string()) return;
      Json label = b.vocabularies.Label("health-categories", code.get<std::string>());
      b.AddLangText(b.dataset, Name(ns::kDcat, "keyword"), label.is_null() ? &code : &label);
    });
  }
  b.AddDate(b.dataset, Name(ns::kDct, "issued"), Get(b.doc, "issued"));
  b.AddDate(b.dataset, Name(ns::kDct, "modified"), Get(b.doc, "modified"));
  b.AddPlain(b.dataset, Name(ns::kDcat, "version"), Get(b.doc, "version"));
  b.AddLangText(b.dataset, Name(ns::kAdms, "versionNotes"), Get(b.doc, "version_notes"));
}

void AddLegislation(DatasetBuilder& b) {
  const Term applicable = Name(ns::kDcatAp, "applicableLegislation");
  const Term ehds = Term::Iri(ns::kEhdsEli);
  b.Add(b.dataset, applicable, ehds);
  b.Type(ehds, ns::kEli, "LegalResource");
  ForEach(b.doc, "applicable_legislation", [&](const Json& act) {
    const Json* uri = Get(act, "uri");
    if (!uri || !uri->is_string() || !IsAbsoluteIri(uri->get_ref<const std::string&>())) return;
    Term law = Term::Iri(uri->get<std::string>());
    b.Add(b.dataset, applicable, law);
    b.Type(law, ns::kEli, "LegalResource");
    b.AddLangText(law, Name(ns::kRdfs, "label"), Get(act, "label"));
  });
}

void AddClassification(DatasetBuilder& b) {
  if (const Json* rights = Get(b.doc, "access_rights"); rights && rights->is_string()) {
    Term right = Term::Iri(b.vocabularies.ConceptIri(Scheme::kAccessRight, rights->get<std::string>()));
    b.Add(b.dataset, Name(ns::kDct, "accessRights"), right);
    b.Type(right, ns::kDct, "RightsStatement");
  }
  b.Add(b.dataset, Name(ns::kDcat, "theme"), Term::Iri(b.vocabularies.ConceptIri(Scheme::kDataTheme, "HEAL")));
  AddCodes(b, "themes", Scheme::kDataTheme, Name(ns::kDcat, "theme"));
  AddCodes(b, "health_categories", Scheme::kHealthCategory, Name(ns::kHealthDcatAp, "healthCategory"));
  AddCodes(b, "health_themes", Scheme::kHealthTheme, Name(ns::kHealthDcatAp, "healthTheme"));
  AddCodes(b, "dataset_types", Scheme::kDatasetType, Name(ns::kDct, "type"));
  ForEach(b.doc, "languages", [&](const Json& code) {
    if (!code.is_string()) return;
    Term language = Term::Iri(b.vocabularies.ConceptIri(Scheme::kLanguage, code.get<std::string>()));
    b.Add(b.dataset, Name(ns::kDct, "language"), language);
    b.Type(language, ns::kDct, "LinguisticSystem");
  });
  ForEach(b.doc, "data_types", [&](const Json& code) { b.AddPlain(b.dataset, Name(ns::kHdcat, "dataType"), &code); });
  ForEach(b.doc, "spatial", [&](const Json& code) {
    if (!code.is_string()) return;
    const std::string& text = code.get_ref<const std::string&>();
    // Country codes are EU country IRIs; a prefecture (JP-13) lies in Japan and
    // keeps its own code in hdcat:spatialCode.
    Term country = Term::Iri(b.vocabularies.ConceptIri(Scheme::kCountry, text.starts_with("JP-") ? "JPN" : text));
    b.Add(b.dataset, Name(ns::kDct, "spatial"), country);
    b.Type(country, ns::kDct, "Location");
    if (text.starts_with("JP-")) b.Add(b.dataset, Name(ns::kHdcat, "spatialCode"), Term::Literal(text));
  });
  ForEach(b.doc, "generated_by", [&](const Json& code) {
    if (!code.is_string()) return;
    Term activity = b.graph.NewBlank();
    b.Add(b.dataset, Name(ns::kProv, "wasGeneratedBy"), activity);
    b.Type(activity, ns::kProv, "Activity");
    b.Add(activity, Name(ns::kDct, "type"),
          Term::Iri(b.vocabularies.ConceptIri(Scheme::kHealthActivity, code.get<std::string>())));
  });
}

void AddSystem(DatasetBuilder& b, const SystemIri& system, const Term& eu_property, const Term& own_property) {
  Term iri = Term::Iri(system.iri);
  b.Add(b.dataset, system.eu_listed ? eu_property : own_property, iri);
  b.Type(iri, ns::kDct, "Standard");
  if (!system.eu_listed) b.AddLangText(iri, Name(ns::kSkos, "prefLabel"), system.label.is_null() ? nullptr : &system.label);
}

void AddCodingSystems(DatasetBuilder& b) {
  const Term eu = Name(ns::kHealthDcatAp, "hasCodingSystem");
  const Term own = Name(ns::kHdcat, "codingSystem");
  auto add_code = [&](const Json& code) {
    if (code.is_string()) AddSystem(b, b.vocabularies.CodingSystem(code.get<std::string>()), eu, own);
  };
  ForEach(b.doc, "coding_systems", add_code);
  // Systems named only on a variable are used by the dataset as well.
  ForEach(b.doc, "variables", [&](const Json& table) {
    ForEach(table, "variables", [&](const Json& variable) {
      if (const Json* code = Get(variable, "coding_system")) add_code(*code);
    });
  });
  ForEach(b.doc, "code_values", [&](const Json& value) {
    const Json* code = Get(value, "code");
    if (!code || !code->is_string()) return;
    b.Add(b.dataset, Name(ns::kHealthDcatAp, "hasCodeValues"), Term::Literal(code->get<std::string>()));
    Term node = b.graph.NewBlank();
    b.Add(b.dataset, Name(ns::kHdcat, "codeValue"), node);
    b.Type(node, ns::kSkos, "Concept");
    b.Add(node, Name(ns::kSkos, "notation"), Term::Literal(code->get<std::string>()));
    if (const Json* system = Get(value, "system"); system && system->is_string()) {
      b.Add(node, Name(ns::kSkos, "inScheme"), Term::Iri(b.vocabularies.CodingSystem(system->get<std::string>()).iri));
    }
    b.AddLangText(node, Name(ns::kSkos, "prefLabel"), Get(value, "label"));
  });
  ForEach(b.doc, "conforms_to", [&](const Json& code) {
    if (code.is_string()) {
      AddSystem(b, b.vocabularies.Standard(code.get<std::string>()), Name(ns::kDct, "conformsTo"),
                Name(ns::kHdcat, "conformsTo"));
    }
  });
}

void AddPopulation(DatasetBuilder& b) {
  if (const Json* stats = Get(b.doc, "statistics")) {
    b.AddCount(b.dataset, Name(ns::kHealthDcatAp, "numberOfRecords"), Get(*stats, "number_of_records"));
    b.AddCount(b.dataset, Name(ns::kHealthDcatAp, "numberOfUniqueIndividuals"),
               Get(*stats, "number_of_unique_individuals"));
  }
  if (const Json* population = Get(b.doc, "population")) {
    b.AddLangText(b.dataset, Name(ns::kHealthDcatAp, "populationCoverage"), Get(*population, "coverage"));
    b.AddNonNegative(b.dataset, Name(ns::kHealthDcatAp, "minTypicalAge"), Get(*population, "min_typical_age"));
    b.AddNonNegative(b.dataset, Name(ns::kHealthDcatAp, "maxTypicalAge"), Get(*population, "max_typical_age"));
    ForEach(*population, "sexes", [&](const Json& sex) { b.AddPlain(b.dataset, Name(ns::kHdcat, "sex"), &sex); });
  }
}

void AddTime(DatasetBuilder& b) {
  b.AddPeriod(b.dataset, Name(ns::kDct, "temporal"), Get(b.doc, "temporal"));
  b.AddPeriod(b.dataset, Name(ns::kHealthDcatAp, "retentionPeriod"), Get(b.doc, "retention_period"));
  b.AddTyped(b.dataset, Name(ns::kDcat, "temporalResolution"), Get(b.doc, "temporal_resolution"), "duration");
  if (const Json* update = Get(b.doc, "update")) {
    if (const Json* frequency = Get(*update, "frequency"); frequency && frequency->is_string()) {
      Term iri = Term::Iri(b.vocabularies.ConceptIri(Scheme::kFrequency, frequency->get<std::string>()));
      b.Add(b.dataset, Name(ns::kDct, "accrualPeriodicity"), iri);
      b.Type(iri, ns::kDct, "Frequency");
    }
    b.AddTyped(b.dataset, Name(ns::kHdcat, "typicalLag"), Get(*update, "typical_lag"), "duration");
    b.AddDate(b.dataset, Name(ns::kHdcat, "lastUpdated"), Get(*update, "last_updated"));
    b.AddDate(b.dataset, Name(ns::kHdcat, "nextUpdate"), Get(*update, "next_update"));
  }
}

// R8 requires dct:provenance for non-public data. A document without one
// gets a statement that says who provides the data and that the holder has
// not described the collection, which is true and tells the reader to ask.
Json FallbackProvenance(const DatasetBuilder& b) {
  const Json* name = DatasetBuilder::Member(b.holder, "name");
  std::string ja = name && name->is_object() && name->contains("ja") ? (*name)["ja"].get<std::string>() : "";
  std::string en = name && name->is_object() && name->contains("en") ? (*name)["en"].get<std::string>() : "";
  if (ja.empty()) ja = en.empty() ? "データ保有者" : en;
  if (en.empty()) en = ja;
  return Json{{"ja", ja + "が保有し提供するデータ。収集方法の説明は登録されていない。"},
              {"en", "Data held and provided by " + en + "; the holder has not described how they were collected."}};
}

void AddUseAndProvenance(DatasetBuilder& b) {
  Term statement = b.graph.NewBlank();
  const Json fallback = FallbackProvenance(b);
  if (b.AddLangText(statement, Name(ns::kRdfs, "label"), Get(b.doc, "provenance")) ||
      b.AddLangText(statement, Name(ns::kRdfs, "label"), &fallback)) {
    b.Add(b.dataset, Name(ns::kDct, "provenance"), statement);
    b.Type(statement, ns::kDct, "ProvenanceStatement");
  }
  ForEach(b.doc, "personal_data", [&](const Json& code) {
    if (!code.is_string()) return;
    Term data = Name(ns::kDpvPd, code.get<std::string>());
    b.Add(b.dataset, Name(ns::kDpv, "hasPersonalData"), data);
    b.Type(data, ns::kDpv, "PersonalData");
  });
  ForEach(b.doc, "purposes", [&](const Json& text) {
    Term purpose = b.graph.NewBlank();
    if (!b.AddLangText(purpose, Name(ns::kDct, "description"), &text)) return;
    b.Add(b.dataset, Name(ns::kDpv, "hasPurpose"), purpose);
    b.Type(purpose, ns::kDpv, "Purpose");
  });
  if (const Json* access = Get(b.doc, "access")) {
    Term basis = b.graph.NewBlank();
    if (b.AddLangText(basis, Name(ns::kDct, "description"), Get(*access, "legal_basis"))) {
      b.Add(b.dataset, Name(ns::kDpv, "hasLegalBasis"), basis);
      b.Type(basis, ns::kDpv, "LegalBasis");
    }
  }
  if (const Json* quality = Get(b.doc, "quality")) {
    ForEach(*quality, "certificates", [&](const Json& certificate) {
      const Json* uri = Get(certificate, "uri");
      if (!uri || !uri->is_string() || !IsAbsoluteIri(uri->get_ref<const std::string&>())) return;
      Term annotation = b.graph.NewBlank();
      b.Add(b.dataset, Name(ns::kDqv, "hasQualityAnnotation"), annotation);
      b.Type(annotation, ns::kDqv, "QualityCertificate");
      b.Add(annotation, Name(ns::kOa, "hasTarget"), b.dataset);
      b.Add(annotation, Name(ns::kOa, "hasBody"), Term::Iri(uri->get<std::string>()));
      b.Add(annotation, Name(ns::kOa, "motivatedBy"), Name(ns::kDqv, "qualityAssessment"));
      b.AddLangText(annotation, Name(ns::kRdfs, "label"), Get(certificate, "label"));
    });
  }
}

void AddLinks(DatasetBuilder& b) {
  if (const Json* page = Get(b.doc, "landing_page"); b.AddUrl(b.dataset, Name(ns::kDcat, "landingPage"), page)) {
    b.Type(Term::Iri(page->get<std::string>()), ns::kFoaf, "Document");
  }
  ForEach(b.doc, "documentation", [&](const Json& url) {
    if (b.AddUrl(b.dataset, Name(ns::kFoaf, "page"), &url)) b.Type(Term::Iri(url.get<std::string>()), ns::kFoaf, "Document");
  });
  ForEach(b.doc, "referenced_by", [&](const Json& url) { b.AddUrl(b.dataset, Name(ns::kDct, "isReferencedBy"), &url); });
  ForEach(b.doc, "related", [&](const Json& reference) {
    if (!reference.is_string()) return;
    if (auto target = b.DatasetReference(reference.get<std::string>())) b.Add(b.dataset, Name(ns::kDct, "relation"), *target);
  });
}

}  // namespace

Term AddDataset(Graph& graph, const ExportSite& site, const ExportVocabularies& vocabularies,
                const DatasetExport& input) {
  DatasetBuilder b(graph, site, vocabularies, input);
  AddIdentity(b);
  AddLegislation(b);
  AddClassification(b);
  detail::AddAgents(b);
  detail::AddDistributions(b);
  detail::AddVariables(b);
  AddCodingSystems(b);
  AddPopulation(b);
  AddTime(b);
  AddUseAndProvenance(b);
  AddLinks(b);
  detail::AddHdcatProperties(b);
  return b.dataset;
}

Graph DatasetGraph(const ExportSite& site, const ExportVocabularies& vocabularies, const DatasetExport& input) {
  Graph graph;
  AddDataset(graph, site, vocabularies, input);
  return graph;
}

}  // namespace hdcat::web::exporting
