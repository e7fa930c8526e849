// DatasetBuilder: the state shared by the parts of the HealthDCAT-AP mapping
// of one dataset (dataset_graph.cpp, agents.cpp, distributions.cpp,
// variables.cpp, hdcat_properties.cpp), and the typed helpers they add triples
// with. Internal to web/export/.
//
// Every helper skips values of the wrong JSON type instead of failing: the
// documents were validated when stored, and a harvested oddity must not make a
// whole catalog page unexportable.
//
// Thread-safety: one builder per export, on one thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/json.h"
#include "web/export/export_input.h"
#include "web/export/export_vocabularies.h"
#include "web/export/namespaces.h"
#include "web/export/rdf_graph.h"

namespace hdcat::web::exporting::detail {

// The term <namespace + local>.
inline Term Name(std::string_view ns, std::string_view local) {
  return Term::Iri(std::string(ns) + std::string(local));
}

// The XSD datatype local name for an ISO 8601 date of the model ("2024",
// "2024-03", "2024-03-31", "2024-03-31T12:00:00Z"), or nullopt when it is none.
std::optional<std::string_view> DateDatatype(std::string_view text);

class DatasetBuilder {
 public:
  DatasetBuilder(Graph& graph, const ExportSite& site, const ExportVocabularies& vocabularies,
                 const DatasetExport& input);

  Graph& graph;
  const ExportSite& site;
  const ExportVocabularies& vocabularies;
  const Json& doc;     // the dataset description
  const Json& holder;  // its holder (an object, or null)
  const Term dataset;  // the dataset's IRI
  const std::string dataset_iri;

  // The member `key` of `object` when present and not null, else nullptr.
  static const Json* Member(const Json& object, std::string_view key);

  void Add(const Term& s, const Term& p, const Term& o) { graph.Add(s, p, o); }
  void Type(const Term& s, std::string_view ns, std::string_view cls) { graph.Add(s, Name(ns::kRdf, "type"), Name(ns, cls)); }
  // One language-tagged literal per language of a LangText; false if none.
  bool AddLangText(const Term& s, const Term& p, const Json* text);
  // Plain literal for a string, a number or a bool.
  bool AddPlain(const Term& s, const Term& p, const Json* value);
  // An IRI object when `value` is an absolute IRI string.
  bool AddUrl(const Term& s, const Term& p, const Json* value);
  // A date literal typed xsd:gYear / gYearMonth / date / dateTime.
  bool AddDate(const Term& s, const Term& p, const Json* value);
  bool AddTyped(const Term& s, const Term& p, const Json* value, std::string_view xsd_local);
  // xsd:nonNegativeInteger, for values that are not counts of people.
  bool AddNonNegative(const Term& s, const Term& p, const Json* value);
  // A count that passes disclosure control first: published as
  // xsd:nonNegativeInteger, or, when suppressed, replaced by an
  // hdcat:suppressedCount node naming the property and the threshold (so
  // readers know a value exists, never what it is).
  void AddCount(const Term& s, const Term& p, const Json* value);
  // A dct:PeriodOfTime node with dcat:startDate / dcat:endDate.
  bool AddPeriod(const Term& s, const Term& p, const Json* period);

  // A fragment IRI of the dataset: <dataset>#<fragment>.
  Term Part(std::string_view fragment) const { return Term::Iri(dataset_iri + "#" + std::string(fragment)); }
  // The IRI of another dataset of this catalog from "holder/identifier", or
  // the value itself when it is an absolute IRI.
  std::optional<Term> DatasetReference(std::string_view reference) const;
};

// The mapping parts, each adding one group of properties of the dataset.
void AddAgents(DatasetBuilder& b);
void AddDistributions(DatasetBuilder& b);
void AddVariables(DatasetBuilder& b);
void AddHdcatProperties(DatasetBuilder& b);

}  // namespace hdcat::web::exporting::detail
