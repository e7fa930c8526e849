// Distributions of a dataset: one per access route (for non-public data the
// distribution is the way to request it, as HealthDCAT-AP advises), one per
// declared distribution, and the analytics and sample distributions.
#include "web/export/dataset_builder.h"

namespace hdcat::web::exporting::detail {
namespace {

const Json* Get(const Json& object, std::string_view key) { return DatasetBuilder::Member(object, key); }

bool IsUrl(const Json* value) {
  return value && value->is_string() && IsAbsoluteIri(value->get_ref<const std::string&>());
}

struct RouteName {
  std::string_view type;
  std::string_view ja;
  std::string_view en;
};

constexpr RouteName kRouteNames[] = {
    {"remote_analysis", "リモート解析環境での利用", "Remote analysis environment"},
    {"onsite", "オンサイトセンターでの利用", "On-site analysis centre"},
    {"data_delivery", "データの提供", "Data delivery"},
    {"statistics_only", "集計表の提供", "Aggregate statistics only"},
    {"open_download", "オープンデータのダウンロード", "Open download"},
};

// Where a reader asks for the data: the dataset's request page, its landing
// page, or its page in this catalog.
std::string RequestPage(const DatasetBuilder& b) {
  if (const Json* access = Get(b.doc, "access"); access && IsUrl(Get(*access, "request_url"))) {
    return Get(*access, "request_url")->get<std::string>();
  }
  if (IsUrl(Get(b.doc, "landing_page"))) return Get(b.doc, "landing_page")->get<std::string>();
  return b.dataset_iri;
}

Term NewDistribution(DatasetBuilder& b, const Term& property, std::string_view fragment) {
  Term distribution = b.Part(fragment);
  b.Add(b.dataset, property, distribution);
  b.Type(distribution, ns::kDcat, "Distribution");
  const Term ehds = Term::Iri(ns::kEhdsEli);
  b.Add(distribution, Name(ns::kDcatAp, "applicableLegislation"), ehds);
  return distribution;
}

void AddRoutes(DatasetBuilder& b) {
  const Json* access = Get(b.doc, "access");
  const Json* routes = access ? Get(*access, "routes") : nullptr;
  if (!routes || !routes->is_array()) return;
  int n = 0;
  for (const Json& route : *routes) {
    Term distribution = NewDistribution(b, Name(ns::kDcat, "distribution"), "route-" + std::to_string(++n));
    const Json* type = Get(route, "type");
    std::string type_code = type && type->is_string() ? type->get<std::string>() : "";
    bool titled = false;
    for (const RouteName& name : kRouteNames) {
      if (name.type != type_code) continue;
      b.Add(distribution, Name(ns::kDct, "title"), Term::Literal(name.ja, "ja"));
      b.Add(distribution, Name(ns::kDct, "title"), Term::Literal(name.en, "en"));
      titled = true;
    }
    if (!titled && !type_code.empty()) b.Add(distribution, Name(ns::kDct, "title"), Term::Literal(type_code));
    b.AddLangText(distribution, Name(ns::kDct, "description"), Get(route, "description"));
    if (!b.AddUrl(distribution, Name(ns::kDcat, "accessURL"), Get(route, "url"))) {
      b.Add(distribution, Name(ns::kDcat, "accessURL"), Term::Iri(RequestPage(b)));
    }
    if (!type_code.empty()) b.Add(distribution, Name(ns::kHdcat, "accessRoute"), Term::Literal(type_code));
    // A route is reached through a web page (the request or service page),
    // and stays available as long as the dataset is listed.
    Term html = Term::Iri(b.vocabularies.ConceptIri(Scheme::kFileType, "HTML"));
    b.Add(distribution, Name(ns::kDct, "format"), html);
    b.Type(html, ns::kDct, "MediaTypeOrExtent");
    b.Add(distribution, Name(ns::kDcatAp, "availability"),
          Term::Iri(std::string(ns::kEuAuthority) + "planned-availability/AVAILABLE"));
  }
}

// A distribution of the model: {title, access_url, download_url, media_type,
// format, byte_size, description}.
void AddModelDistribution(DatasetBuilder& b, const Term& property, std::string_view fragment, const Json& doc) {
  Term distribution = NewDistribution(b, property, fragment);
  b.AddLangText(distribution, Name(ns::kDct, "title"), Get(doc, "title"));
  b.AddLangText(distribution, Name(ns::kDct, "description"), Get(doc, "description"));
  if (!b.AddUrl(distribution, Name(ns::kDcat, "accessURL"), Get(doc, "access_url")) &&
      !b.AddUrl(distribution, Name(ns::kDcat, "accessURL"), Get(doc, "download_url"))) {
    b.Add(distribution, Name(ns::kDcat, "accessURL"), Term::Iri(RequestPage(b)));
  }
  b.AddUrl(distribution, Name(ns::kDcat, "downloadURL"), Get(doc, "download_url"));
  if (const Json* media = Get(doc, "media_type"); media && media->is_string()) {
    const std::string& text = media->get_ref<const std::string&>();
    if (text.find('/') != std::string::npos) {
      Term iri = Term::Iri(std::string(ns::kIanaMediaTypes) + text);
      b.Add(distribution, Name(ns::kDcat, "mediaType"), iri);
      b.Type(iri, ns::kDct, "MediaType");
    }
  }
  if (const Json* format = Get(doc, "format"); format && format->is_string() && !format->get_ref<const std::string&>().empty()) {
    Term iri = Term::Iri(b.vocabularies.ConceptIri(Scheme::kFileType, format->get<std::string>()));
    b.Add(distribution, Name(ns::kDct, "format"), iri);
    b.Type(iri, ns::kDct, "MediaTypeOrExtent");
  }
  b.AddNonNegative(distribution, Name(ns::kDcat, "byteSize"), Get(doc, "byte_size"));
}

void AddModelDistributions(DatasetBuilder& b, std::string_view key, const Term& property, std::string_view prefix) {
  const Json* list = Get(b.doc, key);
  if (!list || !list->is_array()) return;
  int n = 0;
  for (const Json& doc : *list) {
    if (doc.is_object()) AddModelDistribution(b, property, std::string(prefix) + std::to_string(++n), doc);
  }
}

}  // namespace

void AddDistributions(DatasetBuilder& b) {
  AddRoutes(b);
  AddModelDistributions(b, "distributions", Name(ns::kDcat, "distribution"), "distribution-");
  AddModelDistributions(b, "analytics", Name(ns::kHealthDcatAp, "analytics"), "analytics-");
  AddModelDistributions(b, "samples", Name(ns::kAdms, "sample"), "sample-");
}

}  // namespace hdcat::web::exporting::detail
