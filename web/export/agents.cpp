// Agents of a dataset: publisher, custodian, HDAB, HDAB coordinator, and the
// dataset's own contact points (see dataset_graph.h for the HDAB decision).
#include "web/export/dataset_builder.h"

namespace hdcat::web::exporting::detail {
namespace {

const Json* Get(const Json& object, std::string_view key) { return DatasetBuilder::Member(object, key); }

bool IsUrl(const Json* value) {
  return value && value->is_string() && IsAbsoluteIri(value->get_ref<const std::string&>());
}
bool IsText(const Json* value) { return value && value->is_string() && !value->get_ref<const std::string&>().empty(); }

// Where a reader can turn when an agent names no contact of its own: the
// holder's contact page or homepage, else the dataset's page in this catalog.
std::string FallbackContactPage(const DatasetBuilder& b) {
  if (const Json* contact = Get(b.holder, "contact"); contact && IsUrl(Get(*contact, "url"))) {
    return Get(*contact, "url")->get<std::string>();
  }
  if (IsUrl(Get(b.holder, "homepage"))) return Get(b.holder, "homepage")->get<std::string>();
  return b.dataset_iri;
}

// cv:contactPoint with exactly one cv:ContactPoint node, as R8 requires.
void AddContactPoint(DatasetBuilder& b, const Term& agent, const Term& node, const Json* email, const Json* url,
                     const Json* telephone) {
  b.Add(agent, Name(ns::kCv, "contactPoint"), node);
  b.Type(node, ns::kCv, "ContactPoint");
  bool reachable = false;
  if (IsText(email)) {
    b.Add(node, Name(ns::kCv, "email"), Term::Literal(email->get<std::string>()));
    reachable = true;
  }
  if (IsUrl(url)) {
    b.Add(node, Name(ns::kCv, "contactPage"), Term::Iri(url->get<std::string>()));
    reachable = true;
  }
  if (!reachable) b.Add(node, Name(ns::kCv, "contactPage"), Term::Iri(FallbackContactPage(b)));
  b.AddPlain(node, Name(ns::kCv, "telephone"), telephone);
}

bool AddPublisherType(DatasetBuilder& b, const Term& agent, const Json* type) {
  if (!type || !type->is_string()) return false;
  b.Add(agent, Name(ns::kDct, "type"),
        Term::Iri(b.vocabularies.ConceptIri(Scheme::kPublisherType, type->get<std::string>())));
  return true;
}

// The holder as a foaf:Agent with an IRI of its own, so that every dataset of
// a catalog page shares one node (and one contact point).
Term HolderAgent(DatasetBuilder& b) {
  const Json* id = Get(b.holder, "identifier");
  if (!id || !id->is_string()) {
    // No holder document: the agent is known only by the dataset's holder id.
    const Json* holder_id = Get(b.doc, "holder");
    std::string name = holder_id && holder_id->is_string() ? holder_id->get<std::string>() : "unknown holder";
    Term agent = Term::Iri(b.site.HolderIri(name));
    b.Type(agent, ns::kFoaf, "Agent");
    b.Add(agent, Name(ns::kFoaf, "name"), Term::Literal(name));
    AddContactPoint(b, agent, Term::Iri(agent.value() + "#contact"), nullptr, nullptr, nullptr);
    return agent;
  }
  Term agent = Term::Iri(b.site.HolderIri(id->get<std::string>()));
  b.Type(agent, ns::kFoaf, "Agent");
  b.AddLangText(agent, Name(ns::kFoaf, "name"), Get(b.holder, "name"));
  b.AddLangText(agent, Name(ns::kSkos, "altLabel"), Get(b.holder, "short_name"));
  b.AddLangText(agent, Name(ns::kRdfs, "comment"), Get(b.holder, "description"));
  if (!AddPublisherType(b, agent, Get(b.holder, "publisher_type"))) {
    // The holder type's EU publisher type (holder-types.json) is the next best.
    const Json* holder_type = Get(b.holder, "holder_type");
    const Json eu_type = b.vocabularies.Attribute("holder-types", holder_type && holder_type->is_string()
                                                                      ? holder_type->get<std::string>()
                                                                      : "",
                                                  "eu_publisher_type");
    if (!eu_type.get_ref<const std::string&>().empty()) AddPublisherType(b, agent, &eu_type);
  }
  if (b.AddUrl(agent, Name(ns::kFoaf, "homepage"), Get(b.holder, "homepage"))) {
    b.Type(Term::Iri(Get(b.holder, "homepage")->get<std::string>()), ns::kFoaf, "Document");
  }
  const Json* contact = Get(b.holder, "contact");
  const Json empty = Json::object();
  const Json& c = contact ? *contact : empty;
  AddContactPoint(b, agent, Term::Iri(agent.value() + "#contact"), Get(c, "email"), Get(c, "url"), Get(c, "telephone"));
  b.AddPlain(agent, Name(ns::kHdcat, "holderType"), Get(b.holder, "holder_type"));
  b.AddPlain(agent, Name(ns::kHdcat, "prefecture"), Get(b.holder, "prefecture"));
  if (const Json* trusted = Get(b.holder, "trusted_data_holder"); trusted && trusted->is_boolean()) {
    b.AddTyped(agent, Name(ns::kHdcat, "trustedDataHolder"), trusted, "boolean");
  }
  if (const Json* certifications = Get(b.holder, "certifications"); certifications && certifications->is_array()) {
    int n = 0;
    for (const Json& certification : *certifications) {
      Term node = Term::Iri(agent.value() + "#certification-" + std::to_string(++n));
      b.Add(agent, Name(ns::kHdcat, "certification"), node);
      b.Type(node, ns::kHdcat, "Certification");
      b.AddLangText(node, Name(ns::kRdfs, "label"), Get(certification, "name"));
      b.AddDate(node, Name(ns::kDct, "issued"), Get(certification, "issued"));
      b.AddUrl(node, Name(ns::kFoaf, "page"), Get(certification, "uri"));
    }
  }
  return agent;
}

// An Agent of the model ({name, publisher_type, email, url, telephone}).
Term ModelAgent(DatasetBuilder& b, const Json& agent_doc) {
  Term agent = b.graph.NewBlank();
  b.Type(agent, ns::kFoaf, "Agent");
  if (!b.AddLangText(agent, Name(ns::kFoaf, "name"), Get(agent_doc, "name"))) {
    b.Add(agent, Name(ns::kFoaf, "name"), Term::Literal("unnamed agent"));
  }
  AddPublisherType(b, agent, Get(agent_doc, "publisher_type"));
  AddContactPoint(b, agent, b.graph.NewBlank(), Get(agent_doc, "email"), Get(agent_doc, "url"),
                  Get(agent_doc, "telephone"));
  return agent;
}

Term AgentOrHolder(DatasetBuilder& b, std::string_view key) {
  const Json* agent = Get(b.doc, key);
  return agent && agent->is_object() ? ModelAgent(b, *agent) : HolderAgent(b);
}

Term HdabAgent(DatasetBuilder& b) {
  if (const Json* hdab = Get(b.doc, "hdab"); hdab && hdab->is_object()) return ModelAgent(b, *hdab);
  const Json* access = Get(b.doc, "access");
  const Json* review_body = access ? Get(*access, "review_body") : nullptr;
  if (!review_body) return HolderAgent(b);
  // The review body decides on requests; it is reached through the holder.
  Term agent = b.graph.NewBlank();
  b.Type(agent, ns::kFoaf, "Agent");
  if (!b.AddLangText(agent, Name(ns::kFoaf, "name"), review_body)) return HolderAgent(b);
  AddPublisherType(b, agent, Get(b.holder, "publisher_type"));
  const Json* contact = Get(b.holder, "contact");
  const Json empty = Json::object();
  const Json& c = contact ? *contact : empty;
  AddContactPoint(b, agent, b.graph.NewBlank(), Get(c, "email"), Get(c, "url"), Get(c, "telephone"));
  return agent;
}

// vcard:Kind with at most one vcard:hasEmail (mailto: IRI) and one vcard:hasURL.
bool AddKind(DatasetBuilder& b, const Json* name, const Json* email, const Json* url) {
  bool has_email = IsText(email) && email->get_ref<const std::string&>().find('@') != std::string::npos;
  bool has_url = IsUrl(url);
  if (!has_email && !has_url) return false;
  Term kind = b.graph.NewBlank();
  b.Add(b.dataset, Name(ns::kDcat, "contactPoint"), kind);
  b.Type(kind, ns::kVcard, "Kind");
  b.AddLangText(kind, Name(ns::kVcard, "fn"), name);
  if (has_email) b.Add(kind, Name(ns::kVcard, "hasEmail"), Term::Iri("mailto:" + email->get<std::string>()));
  if (has_url) b.Add(kind, Name(ns::kVcard, "hasURL"), Term::Iri(url->get<std::string>()));
  return true;
}

void AddDatasetContacts(DatasetBuilder& b) {
  bool any = false;
  if (const Json* points = Get(b.doc, "contact_points"); points && points->is_array()) {
    for (const Json& point : *points) any = AddKind(b, Get(point, "name"), Get(point, "email"), Get(point, "url")) || any;
  }
  if (any) return;
  if (const Json* contact = Get(b.holder, "contact")) {
    const Json* name = Get(*contact, "name");
    if (AddKind(b, name ? name : Get(b.holder, "name"), Get(*contact, "email"), Get(*contact, "url"))) return;
  }
  const Json page = FallbackContactPage(b);
  AddKind(b, Get(b.holder, "name"), nullptr, &page);
}

}  // namespace

void AddAgents(DatasetBuilder& b) {
  b.Add(b.dataset, Name(ns::kDct, "publisher"), AgentOrHolder(b, "publisher"));
  b.Add(b.dataset, Name(ns::kGeoDcatAp, "custodian"), AgentOrHolder(b, "custodian"));
  b.Add(b.dataset, Name(ns::kHealthDcatAp, "hdab"), HdabAgent(b));
  if (const Json* coordinator = Get(b.doc, "hdab_coordinator"); coordinator && coordinator->is_object()) {
    b.Add(b.dataset, Name(ns::kHealthDcatAp, "hdabCoordinator"), ModelAgent(b, *coordinator));
  }
  AddDatasetContacts(b);
}

}  // namespace hdcat::web::exporting::detail
