// The HealthDCAT-AP mapping of a dataset description, field by field (a field
// in -> the triples out), disclosure control of counts, and invariants the R8
// shapes demand, checked over every sample.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "base/json.h"
#include "catalog/disclosure.h"
#include "catalog/store/dataset_ref.h"
#include "tests/support/paths.h"
#include "web/export/catalog_graph.h"
#include "web/export/dataset_graph.h"
#include "web/export/namespaces.h"

namespace ex = hdcat::web::exporting;
namespace ns = hdcat::web::exporting::ns;
using hdcat::Json;

namespace {

const ex::ExportVocabularies& Vocabularies() {
  static const ex::ExportVocabularies vocabularies = ex::ExportVocabularies::Load();
  return vocabularies;
}

Json Holder() {
  return Json::parse(R"({
    "identifier": "test-holder", "name": {"ja": "試験保有者", "en": "Test holder"}, "holder_type": "hospital",
    "publisher_type": "healthcare-providers", "contact": {"email": "data@holder.example", "url": "https://holder.example/contact"}
  })");
}

Json Dataset() {
  return Json::parse(R"({
    "identifier": "test-ds", "holder": "test-holder",
    "title": {"ja": "試験データ", "en": "Test data"}, "description": {"ja": "説明", "en": "Description"},
    "access_rights": "NON_PUBLIC", "health_categories": ["EHRS"], "has_structured_data": false,
    "access": {"routes": [{"type": "remote_analysis", "description": {"ja": "解析環境", "en": "Analysis environment"}}],
               "request_url": "https://holder.example/apply"}
  })");
}

std::string I(std::string_view ns_iri, std::string_view local) { return std::string(ns_iri) + std::string(local); }

struct Export {
  Json dataset;
  Json holder;
  ex::ExportSite site;
  ex::Graph graph;
  std::string iri;

  explicit Export(Json d, Json h = Holder(), ex::ExportSite s = {})
      : dataset(std::move(d)), holder(std::move(h)), site(std::move(s)) {
    std::string id = hdcat::catalog::DatasetPublicId("test-holder", "test-ds");
    graph = ex::DatasetGraph(site, Vocabularies(), ex::DatasetExport{id, dataset, holder, "", ""});
    iri = site.DatasetIri(id);
  }

  // Objects of (subject, predicate).
  std::vector<ex::Term> Objects(const ex::Term& subject, std::string_view predicate) const {
    std::vector<ex::Term> out;
    for (const ex::Triple& t : graph.triples()) {
      if (t.subject == subject && t.predicate.value() == predicate) out.push_back(t.object);
    }
    return out;
  }
  std::vector<ex::Term> Objects(std::string_view predicate) const { return Objects(ex::Term::Iri(iri), predicate); }
  bool Has(std::string_view predicate, const ex::Term& object) const {
    for (const ex::Term& o : Objects(predicate)) {
      if (o == object) return true;
    }
    return false;
  }
  // The one object of (subject, predicate); fails the test when there are more or none.
  ex::Term One(const ex::Term& subject, std::string_view predicate) const {
    auto objects = Objects(subject, predicate);
    REQUIRE(objects.size() == 1);
    return objects[0];
  }
};

ex::Term Iri(std::string_view iri) { return ex::Term::Iri(iri); }
ex::Term Lit(std::string_view text, std::string_view language = {}) { return ex::Term::Literal(text, language); }
ex::Term Typed(std::string_view text, std::string_view xsd) { return ex::Term::Typed(text, I(ns::kXsd, xsd)); }

}  // namespace

TEST_CASE("dataset fields map to the HealthDCAT-AP triples") {
  struct Case {
    const char* name;
    const char* patch;  // JSON merged into the base dataset
    std::string predicate;
    ex::Term object;
  };
  const std::string eu = std::string(ns::kEuAuthority);
  const std::string health = std::string(ns::kHealthAuthority);
  const std::vector<Case> cases = {
      {"title per language", "{}", I(ns::kDct, "title"), Lit("試験データ", "ja")},
      {"title in English", "{}", I(ns::kDct, "title"), Lit("Test data", "en")},
      {"identifier", "{}", I(ns::kDct, "identifier"), Lit("test-ds")},
      {"access rights", "{}", I(ns::kDct, "accessRights"), Iri(eu + "access-right/NON_PUBLIC")},
      {"EHDS always applies", "{}", I(ns::kDcatAp, "applicableLegislation"), Iri(ns::kEhdsEli)},
      {"other legislation", R"({"applicable_legislation": [{"uri": "https://elaws.e-gov.go.jp/document?lawid=419AC0000000104", "label": {"ja": "統計法"}}]})",
       I(ns::kDcatAp, "applicableLegislation"), Iri("https://elaws.e-gov.go.jp/document?lawid=419AC0000000104")},
      {"HEAL theme always", "{}", I(ns::kDcat, "theme"), Iri(eu + "data-theme/HEAL")},
      {"health category", "{}", I(ns::kHealthDcatAp, "healthCategory"), Iri(health + "healthcategories/EHRS")},
      {"structured data flag", "{}", I(ns::kHealthDcatAp, "hasStructuredData"), Typed("false", "boolean")},
      {"keyword", R"({"keywords": {"ja": ["糖尿病"]}})", I(ns::kDcat, "keyword"), Lit("糖尿病", "ja")},
      {"EU coding system", R"({"coding_systems": ["icd10"]})", I(ns::kHealthDcatAp, "hasCodingSystem"),
       Iri(health + "coding-system/ICD-10")},
      {"Japanese coding system", R"({"coding_systems": ["jlac10"]})", I(ns::kHdcat, "codingSystem"),
       Iri(Vocabularies().CodingSystem("jlac10").iri)},
      {"code values as literals", R"({"code_values": [{"system": "icd10", "code": "E11"}]})",
       I(ns::kHealthDcatAp, "hasCodeValues"), Lit("E11")},
      {"EU standard", R"({"conforms_to": ["omop-cdm"]})", I(ns::kDct, "conformsTo"), Iri(health + "standard/OMOP-CDM")},
      {"Japanese standard", R"({"conforms_to": ["ss-mix2"]})", I(ns::kHdcat, "conformsTo"),
       Iri(Vocabularies().Standard("ss-mix2").iri)},
      {"frequency", R"({"update": {"frequency": "MONTHLY"}})", I(ns::kDct, "accrualPeriodicity"), Iri(eu + "frequency/MONTHLY")},
      {"typical lag", R"({"update": {"typical_lag": "P3M"}})", I(ns::kHdcat, "typicalLag"), Typed("P3M", "duration")},
      {"issued date", R"({"issued": "2024-03-31"})", I(ns::kDct, "issued"), Typed("2024-03-31", "date")},
      {"modified year-month", R"({"modified": "2024-03"})", I(ns::kDct, "modified"), Typed("2024-03", "gYearMonth")},
      {"language", R"({"languages": ["JPN"]})", I(ns::kDct, "language"), Iri(eu + "language/JPN")},
      {"country", R"({"spatial": ["JPN"]})", I(ns::kDct, "spatial"), Iri(eu + "country/JPN")},
      {"prefecture lies in Japan", R"({"spatial": ["JP-13"]})", I(ns::kDct, "spatial"), Iri(eu + "country/JPN")},
      {"prefecture code kept", R"({"spatial": ["JP-13"]})", I(ns::kHdcat, "spatialCode"), Lit("JP-13")},
      {"min age", R"({"population": {"min_typical_age": 0}})", I(ns::kHealthDcatAp, "minTypicalAge"),
       Typed("0", "nonNegativeInteger")},
      {"max age", R"({"population": {"max_typical_age": 74}})", I(ns::kHealthDcatAp, "maxTypicalAge"),
       Typed("74", "nonNegativeInteger")},
      {"records", R"({"statistics": {"number_of_records": 1234567}})", I(ns::kHealthDcatAp, "numberOfRecords"),
       Typed("1234567", "nonNegativeInteger")},
      {"individuals at the threshold", R"({"statistics": {"number_of_unique_individuals": 10}})",
       I(ns::kHealthDcatAp, "numberOfUniqueIndividuals"), Typed("10", "nonNegativeInteger")},
      {"personal data", R"({"personal_data": ["Age"]})", I(ns::kDpv, "hasPersonalData"), Iri(I(ns::kDpvPd, "Age"))},
      {"landing page", R"({"landing_page": "https://holder.example/ds"})", I(ns::kDcat, "landingPage"),
       Iri("https://holder.example/ds")},
      {"relative landing page is dropped", R"({"documentation": ["https://holder.example/doc"]})", I(ns::kFoaf, "page"),
       Iri("https://holder.example/doc")},
      {"related dataset by holder/identifier", R"({"related": ["mhlw/ndb-sampling"]})", I(ns::kDct, "relation"),
       Iri(ex::ExportSite{}.DatasetIri(hdcat::catalog::DatasetPublicId("mhlw", "ndb-sampling")))},
      {"processing level", R"({"access": {"routes": [{"type": "onsite"}], "processing_levels": ["pseudonymised"]}})",
       I(ns::kHdcat, "processingLevel"), Lit("pseudonymised")},
      {"review days", R"({"access": {"routes": [{"type": "onsite"}], "typical_review_days": 90}})",
       I(ns::kHdcat, "typicalReviewDays"), Typed("90", "nonNegativeInteger")},
      {"version", R"({"version": "2024.1"})", I(ns::kDcat, "version"), Lit("2024.1")},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Json doc = Dataset();
    doc.merge_patch(Json::parse(c.patch));
    Export e(doc);
    CHECK(e.Has(c.predicate, c.object));
  }
}

TEST_CASE("a Japanese coding system never goes to healthdcatap:hasCodingSystem") {
  for (const char* code : {"jlac10", "jlac11", "yj", "hot9", "dpc", "receipt-disease", "medis-disease-excode"}) {
    CAPTURE(code);
    Json doc = Dataset();
    doc["coding_systems"] = Json::array({code});
    Export e(doc);
    CHECK(e.Objects(I(ns::kHealthDcatAp, "hasCodingSystem")).empty());
    auto own = e.Objects(I(ns::kHdcat, "codingSystem"));
    REQUIRE(own.size() == 1);
    CHECK_FALSE(own[0].value().starts_with(ns::kHealthAuthority));
  }
}

TEST_CASE("temporal coverage is a dct:PeriodOfTime with typed dates") {
  Json doc = Dataset();
  doc["temporal"] = {{"start", "2009"}, {"end", "2023-03"}};
  doc["retention_period"] = {{"start", "2020-04-01"}};
  Export e(doc);
  ex::Term period = e.One(Iri(e.iri), I(ns::kDct, "temporal"));
  CHECK(e.One(period, I(ns::kDcat, "startDate")) == Typed("2009", "gYear"));
  CHECK(e.One(period, I(ns::kDcat, "endDate")) == Typed("2023-03", "gYearMonth"));
  ex::Term retention = e.One(Iri(e.iri), I(ns::kHealthDcatAp, "retentionPeriod"));
  CHECK(e.One(retention, I(ns::kDcat, "startDate")) == Typed("2020-04-01", "date"));
  CHECK(e.Objects(retention, I(ns::kDcat, "endDate")).empty());
}

TEST_CASE("counts below the disclosure threshold are never published") {
  CHECK(hdcat::catalog::PublishableCount(9) == std::nullopt);
  CHECK(hdcat::catalog::PublishableCount(10) == 10);
  CHECK(hdcat::catalog::PublishableCount(0) == std::nullopt);
  CHECK(hdcat::catalog::PublishableCount(-5) == std::nullopt);
  CHECK(hdcat::catalog::PublishableCount(4, 3) == 4);
  CHECK(hdcat::catalog::PublishableCount(0, 0) == std::nullopt);

  Json doc = Dataset();
  doc["statistics"] = Json::parse(R"({"number_of_records": 9, "number_of_unique_individuals": 3,
    "age_sex": [{"age_band": "40-49", "sex": "male", "count": 7}, {"age_band": "50-59", "sex": "female", "count": 5000}]})");
  Export e(doc);
  CHECK(e.Objects(I(ns::kHealthDcatAp, "numberOfRecords")).empty());
  CHECK(e.Objects(I(ns::kHealthDcatAp, "numberOfUniqueIndividuals")).empty());
  CHECK(e.Objects(I(ns::kHdcat, "suppressedCount")).size() == 2);
  std::vector<std::string> published;
  for (const ex::Triple& t : e.graph.triples()) {
    if (t.predicate.value() == I(ns::kHdcat, "count")) published.push_back(t.object.value());
    // No literal anywhere carries a suppressed number.
    if (t.object.is_literal() && t.object.datatype() == I(ns::kXsd, "nonNegativeInteger")) {
      CHECK(t.object.value() != "7");
      CHECK(t.object.value() != "9");
      CHECK(t.object.value() != "3");
    }
  }
  CHECK(published == std::vector<std::string>{"5000"});

  // A site with a higher threshold suppresses more.
  ex::ExportSite strict;
  strict.disclosure_threshold = 10000;
  Export s(doc, Holder(), strict);
  for (const ex::Triple& t : s.graph.triples()) CHECK(t.predicate.value() != I(ns::kHdcat, "count"));
}

TEST_CASE("variables become a csvw TableGroup with R8 cardinalities") {
  Json doc = Dataset();
  doc["has_structured_data"] = true;
  doc["variables"] = Json::parse(R"([{"name": "lab", "title": {"ja": "検査", "en": "Lab"}, "variables": [
    {"name": "test_code", "title": {"ja": "検査コード"}, "value_type": "code", "coding_system": "jlac10", "example_codes": ["3D010000001926101"]},
    {"name": "taken_at", "title": {"en": "Taken at"}, "description": {"en": "When"}, "value_type": "datetime"},
    {"name": "value", "title": {"en": "Value"}, "value_type": "decimal", "unit": "mg/dL"}]}])");
  Export e(doc);
  ex::Term group = e.One(Iri(e.iri), I(ns::kHealthDcatAp, "hasVariables"));
  CHECK(!e.Objects(group, I(ns::kDct, "title")).empty());
  ex::Term table = e.One(group, I(ns::kCsvw, "table"));
  CHECK(e.Objects(table, I(ns::kDct, "title")).size() == 2);
  auto columns = e.Objects(table, I(ns::kCsvw, "column"));
  REQUIRE(columns.size() == 3);
  const std::vector<std::string> datatypes = {"string", "dateTime", "decimal"};
  for (std::size_t i = 0; i < columns.size(); ++i) {
    CHECK(e.Objects(columns[i], I(ns::kCsvw, "name")).size() == 1);
    CHECK(e.One(columns[i], I(ns::kCsvw, "datatype")) == Lit(datatypes[i]));
    CHECK(!e.Objects(columns[i], I(ns::kCsvw, "title")).empty());
    CHECK(!e.Objects(columns[i], I(ns::kDct, "description")).empty());
  }
  CHECK(e.One(columns[0], I(ns::kHdcat, "exampleCode")) == Lit("3D010000001926101"));
  CHECK(e.One(columns[2], I(ns::kHdcat, "unit")) == Lit("mg/dL"));
  // A system named only on a variable is a system of the dataset too.
  CHECK(e.Objects(I(ns::kHdcat, "codingSystem")).size() == 1);
}

TEST_CASE("agents: publisher, custodian and HDAB each have exactly one contact point") {
  SECTION("no hdab: the review body, reached through the holder") {
    Json doc = Dataset();
    doc["access"]["review_body"] = {{"ja", "審査委員会"}, {"en", "Review board"}};
    Export e(doc);
    ex::Term hdab = e.One(Iri(e.iri), I(ns::kHealthDcatAp, "hdab"));
    CHECK(e.Objects(hdab, I(ns::kFoaf, "name")).size() == 2);
    ex::Term contact = e.One(hdab, I(ns::kCv, "contactPoint"));
    CHECK(e.One(contact, I(ns::kCv, "email")) == Lit("data@holder.example"));
  }
  SECTION("no hdab and no review body: the holder") {
    Export e(Dataset());
    ex::Term hdab = e.One(Iri(e.iri), I(ns::kHealthDcatAp, "hdab"));
    CHECK(hdab == Iri(ex::ExportSite{}.HolderIri("test-holder")));
    CHECK(e.Objects(hdab, I(ns::kCv, "contactPoint")).size() == 1);
  }
  SECTION("a holder without a publisher type gets its holder type's EU type") {
    Json holder = Holder();
    holder.erase("publisher_type");
    Export e(Dataset(), holder);
    ex::Term agent = e.One(Iri(e.iri), I(ns::kDct, "publisher"));
    CHECK(e.One(agent, I(ns::kDct, "type")) ==
          Iri(std::string(ns::kHealthAuthority) + "publisher-type/inpatient-institute"));
  }
  SECTION("declared agents") {
    Json doc = Dataset();
    doc["hdab"] = {{"name", {{"en", "HDAB"}}}, {"url", "https://hdab.example"}};
    doc["publisher"] = {{"name", {{"en", "Publisher"}}}, {"publisher_type", "national-authority"}};
    Export e(doc);
    ex::Term hdab = e.One(Iri(e.iri), I(ns::kHealthDcatAp, "hdab"));
    CHECK(e.One(e.One(hdab, I(ns::kCv, "contactPoint")), I(ns::kCv, "contactPage")) == Iri("https://hdab.example"));
    ex::Term publisher = e.One(Iri(e.iri), I(ns::kDct, "publisher"));
    CHECK(e.One(publisher, I(ns::kDct, "type")) ==
          Iri(std::string(ns::kHealthAuthority) + "publisher-type/national-authority"));
    // Without email or URL the contact point still leads somewhere.
    CHECK(e.Objects(e.One(publisher, I(ns::kCv, "contactPoint")), I(ns::kCv, "contactPage")).size() == 1);
  }
  SECTION("dataset contact point is a vcard:Kind with a mailto: IRI") {
    Json doc = Dataset();
    doc["contact_points"] = Json::parse(R"([{"name": {"ja": "窓口"}, "email": "desk@holder.example"}])");
    Export e(doc);
    ex::Term kind = e.One(Iri(e.iri), I(ns::kDcat, "contactPoint"));
    CHECK(e.One(kind, I(ns::kVcard, "hasEmail")) == Iri("mailto:desk@holder.example"));
  }
}

TEST_CASE("access routes become distributions with an access URL and the EHDS") {
  Export e(Dataset());
  ex::Term distribution = e.One(Iri(e.iri), I(ns::kDcat, "distribution"));
  CHECK(e.One(distribution, I(ns::kDcat, "accessURL")) == Iri("https://holder.example/apply"));
  CHECK(e.One(distribution, I(ns::kDcatAp, "applicableLegislation")) == Iri(ns::kEhdsEli));
  CHECK(e.One(distribution, I(ns::kHdcat, "accessRoute")) == Lit("remote_analysis"));
  CHECK(e.One(distribution, I(ns::kDct, "format")) == Iri(std::string(ns::kEuAuthority) + "file-type/HTML"));
  CHECK(e.One(distribution, I(ns::kDcatAp, "availability")) ==
        Iri(std::string(ns::kEuAuthority) + "planned-availability/AVAILABLE"));
}

TEST_CASE("every sample exports one dataset meeting R8's structural rules") {
  std::vector<std::filesystem::path> files;
  std::filesystem::path root = hdcat::testing::SourcePath("samples/datasets");
  if (std::filesystem::exists(root)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
  }
  if (files.empty()) WARN("no samples yet under samples/datasets");
  for (const auto& file : files) {
    CAPTURE(file.string());
    Json doc = Json::parse(hdcat::testing::ReadFile(file.string()));
    std::string holder_file = hdcat::testing::SourcePath("samples/holders/" + doc["holder"].get<std::string>() + ".json");
    Json holder = std::filesystem::exists(holder_file) ? Json::parse(hdcat::testing::ReadFile(holder_file)) : Json();
    Export e(doc, holder);
    std::size_t datasets = 0;
    for (const ex::Triple& t : e.graph.triples()) {
      if (t.predicate.value() == I(ns::kRdf, "type") && t.object == Iri(I(ns::kDcat, "Dataset"))) ++datasets;
      if (t.predicate.value() == I(ns::kRdf, "type") && t.object == Iri(I(ns::kDcat, "Distribution"))) {
        CHECK(e.Objects(t.subject, I(ns::kDcat, "accessURL")).size() >= 1);
        CHECK(!e.Objects(t.subject, I(ns::kDcatAp, "applicableLegislation")).empty());
      }
      if (t.predicate.value() == I(ns::kRdf, "type") && t.object == Iri(I(ns::kFoaf, "Agent"))) {
        CHECK(e.Objects(t.subject, I(ns::kCv, "contactPoint")).size() == 1);
      }
      if (t.predicate.value() == I(ns::kHealthDcatAp, "hasCodingSystem")) {
        CHECK(t.object.value().starts_with(std::string(ns::kHealthAuthority) + "coding-system/"));
      }
      if (t.predicate.value() == I(ns::kHealthDcatAp, "numberOfRecords") ||
          t.predicate.value() == I(ns::kHdcat, "count")) {
        CHECK(std::stoll(t.object.value()) >= hdcat::catalog::kDefaultDisclosureThreshold);
      }
    }
    CHECK(datasets == 1);
    CHECK(e.Objects(I(ns::kHealthDcatAp, "hdab")).size() == 1);
    CHECK(e.Has(I(ns::kDcat, "theme"), Iri(std::string(ns::kEuAuthority) + "data-theme/HEAL")));
    CHECK(e.Has(I(ns::kDcatAp, "applicableLegislation"), Iri(ns::kEhdsEli)));
  }
}

TEST_CASE("a catalog page links its datasets and pages with hydra") {
  Json doc = Dataset();
  Json holder = Holder();
  std::vector<ex::DatasetExport> page = {{"ds-0000000000000001", doc, holder, "", ""}};
  ex::ExportSite site;
  struct Case {
    std::int64_t page, total;
    bool previous, next;
    std::string last;
  };
  const std::vector<Case> cases = {
      {1, 250, false, true, "3"}, {2, 250, true, true, "3"}, {3, 250, true, false, "3"}, {1, 0, false, false, "1"}};
  for (const Case& c : cases) {
    CAPTURE(c.page, c.total);
    auto graph = ex::CatalogGraph(site, Vocabularies(), page, {site.base_url + "/catalog.ttl", c.page, 100, c.total});
    REQUIRE(graph.ok());
    ex::Term view = Iri(ex::PageUrl(site.base_url + "/catalog.ttl", c.page));
    bool has_previous = false, has_next = false, has_last = false, has_total = false;
    for (const ex::Triple& t : graph->triples()) {
      if (!(t.subject == view)) continue;
      has_previous |= t.predicate.value() == I(ns::kHydra, "previous");
      has_next |= t.predicate.value() == I(ns::kHydra, "next");
      has_last |= t.predicate.value() == I(ns::kHydra, "last") && t.object.value().ends_with("page=" + c.last);
      has_total |= t.predicate.value() == I(ns::kHydra, "totalItems") && t.object.value() == std::to_string(c.total);
    }
    CHECK(has_previous == c.previous);
    CHECK(has_next == c.next);
    CHECK(has_last);
    CHECK(has_total);
  }
  auto bad = ex::CatalogGraph(site, Vocabularies(), page, {site.base_url + "/catalog.ttl", 0, 100, 1});
  CHECK_FALSE(bad.ok());
  auto graph = ex::CatalogGraph(site, Vocabularies(), page, {site.base_url + "/catalog.ttl", 1, 100, 1});
  REQUIRE(graph.ok());
  bool linked = false, legislation = false;
  for (const ex::Triple& t : graph->triples()) {
    linked |= t.subject == Iri(site.CatalogIri()) && t.predicate.value() == I(ns::kDcat, "dataset");
    legislation |= t.subject == Iri(site.CatalogIri()) && t.predicate.value() == I(ns::kDcatAp, "applicableLegislation");
  }
  CHECK(linked);
  CHECK(legislation);
  CHECK(ex::PageUrl("https://x/catalog.ttl?q=a", 2) == "https://x/catalog.ttl?q=a&page=2");
}
