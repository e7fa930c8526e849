#include <catch2/catch.hpp>

#include <algorithm>

#include "harvesters/mapping/dcat_mapping.h"
#include "harvesters/rdf/rdf_parser.h"
#include "tests/support/paths.h"

using namespace hdcat::harvesters;
using hdcat::Json;
using hdcat::testing::ReadFile;
using hdcat::testing::SourcePath;

namespace {

constexpr const char* kDcatDataset = "http://www.w3.org/ns/dcat#Dataset";

mapping::DcatMapped MapFirstDataset(const std::string& text, rdf::RdfSyntax syntax = rdf::RdfSyntax::kTurtle) {
  auto graph = rdf::ParseRdf(text, syntax, "http://example.invalid/");
  if (!graph.ok()) FAIL(graph.error().ToString());
  auto datasets = graph->SubjectsOfType(kDcatDataset);
  REQUIRE(datasets.size() >= 1);
  mapping::DcatMapper mapper({"test-holder", "ja"});
  auto mapped = mapper.MapDataset(*graph, datasets.front());
  if (!mapped.ok()) FAIL(mapped.error().ToString());
  return std::move(mapped.value());
}

const mapping::DcatMapped& OfficialExample() {
  static const mapping::DcatMapped mapped =
      MapFirstDataset(ReadFile(SourcePath("tests/harvesters/data/example-healthdcat-dataset.ttl")));
  return mapped;
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("the official HealthDCAT-AP R8 example maps field by field", "[dcat][mapping]") {
  struct Row {
    const char* pointer;
    const char* expected_json;
  };
  const Row rows[] = {
      {"/identifier", R"("eu-hdca-r7-oncology-ehrs-2024")"},
      {"/source_identifier", R"("EU-HDCA-R7-ONCOLOGY-EHRS-2024")"},
      {"/holder", R"("test-holder")"},
      {"/title", R"({"en": "Cross-border oncology EHR cohort 2024"})"},
      {"/alternative_titles", R"([{"en": "EU Oncology Cohort 2024"}])"},
      {"/keywords", R"({"en": ["electronic health records", "hospital registry", "oncology", "secondary use"]})"},
      {"/access_rights", R"("NON_PUBLIC")"},
      {"/applicable_legislation", R"([{"uri": "http://data.europa.eu/eli/reg/2022/868/oj"}])"},
      {"/themes", R"(["HEAL"])"},
      {"/health_categories", R"(["EHRS"])"},
      {"/health_themes", R"(["HEALTH_SYSTEMS"])"},
      {"/dataset_types", R"(["STATISTICAL"])"},
      {"/languages", R"(["ENG"])"},
      {"/update/frequency", R"("ANNUAL")"},
      {"/issued", R"("2024-01-15")"},
      {"/modified", R"("2026-03-30")"},
      {"/version", R"("7.0.0-example")"},
      {"/temporal", R"({"start": "2020-01-01", "end": "2024-12-31"})"},
      {"/retention_period", R"({"start": "2020-01-01", "end": "2035-12-31"})"},
      {"/temporal_resolution", R"("P1M")"},
      {"/spatial", R"(["BEL"])"},
      {"/conforms_to", R"(["dicom", "fhir"])"},
      {"/coding_systems", R"(["snomed-ct"])"},
      {"/code_values", R"([{"code": "U07.1"}])"},
      {"/has_structured_data", "true"},
      {"/population/min_typical_age", "18"},
      {"/population/max_typical_age", "99"},
      {"/statistics/number_of_records", "1850000"},
      {"/statistics/number_of_unique_individuals", "412000"},
      {"/personal_data", R"(["Age", "Gender"])"},
      {"/generated_by", R"(["ROUTINE_RECORDS"])"},
      {"/landing_page", R"("https://healthdcat-ap.example.org/datasets/oncology-ehrs-2024")"},
      {"/documentation", R"(["https://healthdcat-ap.example.org/datasets/oncology-ehrs-2024/metadata"])"},
      {"/referenced_by", R"(["https://doi.org/10.1000/example-oncology-cohort"])"},
      {"/related", R"(["https://health.example.org/publications/oncology-cohort-methodology"])"},
      {"/quality/certificates", R"([{"uri": "https://quality.example.org/certificates/oncology-ehrs-2024"}])"},
      {"/publisher/name", R"({"en": "Belgian National Cancer Registry"})"},
      {"/publisher/publisher_type", R"("public-health-registry")"},
      {"/publisher/email", R"("publisher-contact@example.org")"},
      {"/publisher/url", R"("https://healthdcat-ap.example.org/contacts/publisher")"},
      {"/publisher/telephone", R"("+32 2 555 0101")"},
      {"/extensions/publisher_note/en", R"("Publisher note: metadata is maintained by the registry metadata office and reviewed quarterly.")"},
      {"/hdab/name", R"({"en": "Belgian Health Data Access Body"})"},
      {"/hdab/email", R"("hdab-contact@example.org")"},
      {"/hdab_coordinator/name", R"({"en": "European HDAB Coordination Office"})"},
      {"/custodian/name", R"({"en": "National Hospital Data Custodian Service"})"},
      {"/custodian/publisher_type", R"("non-gov-org")"},
      {"/contact_points", R"([{"email": "oncology-dataset-support@example.org", "url": "https://healthdcat-ap.example.org/support/oncology-ehrs-2024"}])"},
      {"/purposes/0/en", R"("Secondary-use analysis for oncology service planning, survivorship monitoring and cross-border health system performance assessment.")"},
      {"/access/legal_basis/en", R"("Processing is performed under the European Health Data Space and national secondary-use authorisation for pseudonymised oncology records.")"},
      {"/distributions/0/title", R"({"en": "Secure CSV extract"})"},
      {"/distributions/0/access_url", R"("https://secure-access.example.org/requests/oncology-ehrs-2024/csv")"},
      {"/distributions/0/download_url", R"("https://secure-access.example.org/downloads/oncology-ehrs-2024.csv.gz")"},
      {"/distributions/0/media_type", R"("text/csv")"},
      {"/distributions/0/format", R"("CSV")"},
      {"/distributions/0/byte_size", "245000000"},
      {"/distributions/1/format", R"("JSON")"},
      {"/samples/0/title", R"({"en": "Synthetic sample distribution"})"},
      {"/analytics/0/title", R"({"en": "Aggregate analytics report"})"},
      {"/variables/0/name", R"("oncology-ehrs-2024")"},
      {"/variables/0/title", R"({"en": "Variable inventory for the oncology EHR cohort"})"},
      {"/variables/0/variables/1", R"({"name": "patientId", "title": {"en": "Patient identifier"}, "value_type": "string",
          "description": {"en": "Pseudonymised patient identifier used to link longitudinal care episodes."}})"},
      {"/variables/0/variables/0/value_type", R"("datetime")"},
      {"/variables/0/variables/4/value_type", R"("boolean")"},
      {"/access/routes/0", R"({"type": "data_delivery", "url": "https://secure-access.example.org/requests/oncology-ehrs-2024/csv",
          "description": {"en": "Secure CSV extract"}})"},
  };
  const Json& doc = OfficialExample().document;
  for (const auto& row : rows) {
    INFO(row.pointer);
    Json::json_pointer pointer(row.pointer);
    REQUIRE(doc.contains(pointer));
    CHECK(doc.at(pointer) == Json::parse(row.expected_json));
  }
  CHECK(doc["provenance"]["en"].get<std::string>().rfind("The dataset is derived from linked hospital EHR", 0) == 0);
  CHECK(doc["variables"][0]["variables"].size() == 5);
  CHECK(doc["distributions"].size() == 2);
}

TEST_CASE("what the table does not cover is reported, not dropped", "[dcat][mapping]") {
  const auto& unmapped = OfficialExample().unmapped;
  for (const char* expected :
       {"adms:identifier", "dct:creator", "dcat:spatialResolutionInMeters", "dcat:distribution/dct:license",
        "dcat:distribution/dcatap:availability", "dct:publisher/cv:contactPoint/cv:openingHours",
        "healthdcatap:hasVariables/dct:title", "healthdcatap:hasVariables/csvw:table/dcat:keyword"}) {
    INFO(expected);
    CHECK(Contains(unmapped, expected));
  }
  // Mapped predicates are not reported.
  CHECK_FALSE(Contains(unmapped, "dct:title"));
  CHECK_FALSE(Contains(unmapped, "healthdcatap:healthCategory"));
  REQUIRE(OfficialExample().notes.size() == 1);
  CHECK_THAT(OfficialExample().notes[0], Catch::Contains("access.routes derived"));
}

TEST_CASE("RDF/XML maps to the same document as Turtle", "[dcat][mapping]") {
  auto from_xml = MapFirstDataset(ReadFile(SourcePath("tests/harvesters/data/example-healthdcat-dataset.rdf")),
                                  rdf::RdfSyntax::kRdfXml);
  Json a = from_xml.document, b = OfficialExample().document;
  CHECK(a == b);
}

TEST_CASE("coding systems via hasCodingSystem and the hdcat extension", "[dcat][mapping]") {
  std::string example = ReadFile(SourcePath("tests/harvesters/data/healthdcatapcodingSystem.ttl"));
  example += R"(
    @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix hdcat: <https://hdcat.jp/ns#> .
    <https://fair.healthdata.be/dataset/d43a158e-7d13-4660-bbc3-9d3f8d5501e5> a dcat:Dataset ;
        hdcat:codingSystem "JLAC10", <http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full>, "no-such-system" .)";
  auto mapped = MapFirstDataset(example);
  CHECK(mapped.document["coding_systems"] == Json::parse(R"(["icd10", "jlac10", "snomed-ct"])"));
  CHECK(mapped.document["identifier"] == "d43a158e-7d13-4660-bbc3-9d3f8d5501e5");
  CHECK(Contains(mapped.unmapped, "hdcat:codingSystem (coding system not in vocabulary: no-such-system)"));
}

TEST_CASE("quality annotation as a blank node", "[dcat][mapping]") {
  std::string example = ReadFile(SourcePath("tests/harvesters/data/dqvqualityAnnotation.ttl"));
  example += "\n<https://fair.healthdata.be/dataset/d43a158e-7d13-4660-bbc3-9d3f8d5501e5> a <http://www.w3.org/ns/dcat#Dataset> .\n";
  auto mapped = MapFirstDataset(example);
  CHECK(mapped.document["quality"]["certificates"] ==
        Json::parse(R"([{"uri": "https://acertificateserver.eu/mycertificate"}])"));
}

TEST_CASE("R5-era publisherType, publisherNote and trustedDataHolder are accepted", "[dcat][mapping]") {
  auto mapped = MapFirstDataset(R"(
    @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
    @prefix healthdcatap: <http://healthdataportal.eu/ns/health#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
    <http://e/d> a dcat:Dataset ; dct:identifier "d1" ;
      dct:publisher <http://e/p> ;
      healthdcatap:publisherType <https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/national-authority> ;
      healthdcatap:publisherNote "公表元の注記"@ja ;
      healthdcatap:trusteddataholder true .
    <http://e/p> a foaf:Agent ; foaf:name "厚生労働省"@ja ; healthdcatap:trustedDataHolder "false"^^<http://www.w3.org/2001/XMLSchema#boolean> .)");
  CHECK(mapped.document["publisher"]["publisher_type"] == "national-authority");
  CHECK(mapped.document["publisher"]["name"] == Json::parse(R"({"ja": "厚生労働省"})"));
  CHECK(mapped.document["extensions"]["publisher_note"] == Json::parse(R"({"ja": "公表元の注記"})"));
  CHECK(mapped.holder_patch.contains("trusted_data_holder"));
}

TEST_CASE("literals without a language take the source's default language", "[dcat][mapping]") {
  auto mapped = MapFirstDataset(R"(
    <http://e/d> a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> "無言語の題名" ;
      <http://healthdataportal.eu/ns/health#numberOfRecords> "many" ;
      <http://purl.org/dc/terms/issued> "2024"^^<http://www.w3.org/2001/XMLSchema#gYear> ;
      <http://purl.org/dc/terms/modified> "2024-05-01T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .)");
  CHECK(mapped.document["title"] == Json::parse(R"({"ja": "無言語の題名"})"));
  CHECK(mapped.document["identifier"] == "d");
  CHECK(mapped.document["source_identifier"] == "http://e/d");
  CHECK(mapped.document["issued"] == "2024");
  CHECK(mapped.document["modified"] == "2024-05-01");
  CHECK_FALSE(mapped.document.contains("statistics"));
  CHECK(Contains(mapped.unmapped, "healthdcatap:numberOfRecords (not a non-negative integer: many)"));
}

TEST_CASE("every rule of the table has a known converter target", "[dcat][mapping]") {
  for (const auto& rule : mapping::DcatFieldRules()) {
    INFO(rule.predicate);
    CHECK(rule.predicate.find("://") != std::string_view::npos);
    if (rule.converter != mapping::DcatConverter::kIgnore) CHECK(rule.pointer.rfind("/", 0) == 0);
  }
}
