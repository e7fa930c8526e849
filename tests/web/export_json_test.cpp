// schema.org Dataset JSON-LD and the CKAN package / organization dicts.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "base/json.h"
#include "web/export/ckan_package.h"
#include "web/export/schema_org.h"

namespace ex = hdcat::web::exporting;
using hdcat::Json;

namespace {

const ex::ExportVocabularies& Vocabularies() {
  static const ex::ExportVocabularies vocabularies = ex::ExportVocabularies::Load();
  return vocabularies;
}

Json Holder() {
  return Json::parse(R"({
    "identifier": "test-holder", "name": {"ja": "試験保有者", "en": "Test holder"}, "holder_type": "hospital",
    "homepage": "https://holder.example/", "contact": {"email": "data@holder.example", "name": {"ja": "窓口", "en": "Desk"}},
    "description": {"ja": "病院", "en": "A hospital"}
  })");
}

Json Dataset() {
  return Json::parse(R"({
    "identifier": "test-ds", "holder": "test-holder",
    "title": {"ja": "試験データ", "en": "Test data"}, "description": {"ja": "説明です", "en": "A description"},
    "keywords": {"ja": ["糖尿病", "検査・結果"], "en": ["diabetes", "x", "lab <tests>"]},
    "access_rights": "RESTRICTED", "health_categories": ["EHRS", "HRAD"], "has_structured_data": true,
    "temporal": {"start": "2015-04"}, "spatial": ["JPN"], "languages": ["JPN"], "modified": "2024-03-31",
    "variables": [{"name": "t", "title": {"en": "T"}, "variables": [
      {"name": "hba1c", "title": {"ja": "HbA1c", "en": "HbA1c"}, "description": {"en": "Glycated haemoglobin"}, "unit": "%"}]}],
    "statistics": {"number_of_records": 4, "number_of_unique_individuals": 120},
    "access": {"routes": [{"type": "remote_analysis", "url": "https://holder.example/remote"}, {"type": "onsite"}],
               "request_url": "https://holder.example/apply", "fees": [{"component": "base", "amount_jpy": 100000, "unit": "per_application"}]},
    "distributions": [{"title": {"en": "Codebook"}, "download_url": "https://holder.example/codebook.xlsx",
                       "media_type": "application/vnd.ms-excel", "format": "XLSX", "byte_size": 2048}]
  })");
}

std::string Extra(const Json& package, const std::string& key) {
  for (const Json& extra : package["extras"]) {
    if (extra["key"] == key) return extra["value"].get<std::string>();
  }
  return "<absent>";
}

}  // namespace

TEST_CASE("schema.org Dataset carries Google's recommended fields") {
  Json doc = Dataset();
  Json holder = Holder();
  ex::ExportSite site;
  ex::DatasetExport input{"ds-00000000000000aa", doc, holder, "2024-01-01T00:00:00Z", "2024-05-01T00:00:00Z"};
  struct Case {
    std::string language, field;
    Json expected;
  };
  const std::vector<Case> cases = {
      {"ja", "name", "試験データ"},
      {"en", "name", "Test data"},
      {"en", "alternateName", Json::array({"試験データ"})},
      {"en", "description", "A description"},
      {"en", "@type", "Dataset"},
      {"en", "url", site.DatasetIri("ds-00000000000000aa")},
      {"en", "temporalCoverage", "2015-04/.."},
      {"en", "isAccessibleForFree", false},
      {"en", "inLanguage", Json::array({"ja"})},
      {"en", "dateModified", "2024-03-31"},
      {"en", "keywords", Json::array({"diabetes", "x", "lab <tests>", "糖尿病", "検査・結果"})},
  };
  for (const Case& c : cases) {
    CAPTURE(c.language, c.field);
    Json out = ex::SchemaOrgDataset(site, Vocabularies(), input, c.language);
    CHECK(out[c.field] == c.expected);
  }
  Json out = ex::SchemaOrgDataset(site, Vocabularies(), input, "en");
  CHECK(out["creator"]["name"] == "Test holder");
  CHECK(out["creator"]["contactPoint"]["email"] == "data@holder.example");
  CHECK(out["spatialCoverage"][0]["name"] == "Japan");
  CHECK(out["variableMeasured"][0]["name"] == "HbA1c");
  CHECK(out["variableMeasured"][0]["unitText"] == "%");
  CHECK(out["identifier"].size() == 2);
  CHECK(out["distribution"][0]["contentUrl"] == "https://holder.example/codebook.xlsx");
  CHECK(out["includedInDataCatalog"]["@type"] == "DataCatalog");
}

TEST_CASE("schema.org JSON cannot close its script element") {
  Json value = {{"name", "</script><script>alert(1)</script> & more"}};
  std::string text = ex::ScriptSafeJson(value);
  CHECK(text.find('<') == std::string::npos);
  CHECK(text.find('>') == std::string::npos);
  CHECK(text.find('&') == std::string::npos);
  CHECK(Json::parse(text) == value);
}

TEST_CASE("CKAN timestamps and tag names follow CKAN's rules") {
  CHECK(ex::CkanTimestamp("2024-05-01T10:00:00Z") == "2024-05-01T10:00:00.000000");
  CHECK(ex::CkanTimestamp("2024-05-01T10:00:00.123Z") == "2024-05-01T10:00:00.123000");
  CHECK(ex::CkanTimestamp("2024-05-01T10:00:00.1234567Z") == "2024-05-01T10:00:00.123456");
  CHECK(ex::CkanTimestamp("") == "");
  struct Case {
    std::string keyword, tag;
  };
  const std::vector<Case> cases = {
      {"diabetes", "diabetes"}, {"糖尿病", "糖尿病"},       {"検査・結果", "検査 結果"},
      {"lab <tests>", "lab tests"}, {"x", ""},             {"HbA1c (NGSP)", "HbA1c NGSP"},
      {"a/b", "a b"},             {"  padded  ", "padded"}, {"ver-1.0_final", "ver-1.0_final"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.keyword);
    CHECK(ex::CkanTagName(c.keyword) == c.tag);
  }
  CHECK(ex::CkanTagName(std::string(150, 'a')).size() == 100);
}

TEST_CASE("CKAN package dict has the package_show shape") {
  Json doc = Dataset();
  Json holder = Holder();
  ex::ExportSite site;
  ex::DatasetExport input{"ds-00000000000000aa", doc, holder, "2024-01-01T00:00:00Z", "2024-05-01T12:30:00Z"};
  Json en = ex::CkanPackage(site, Vocabularies(), input, "en");
  Json ja = ex::CkanPackage(site, Vocabularies(), input, "ja");

  CHECK(en["id"] == "ds-00000000000000aa");
  CHECK(en["name"] == "ds-00000000000000aa");
  CHECK(en["title"] == "Test data");
  CHECK(ja["title"] == "試験データ");
  CHECK(en["notes"] == "A description");
  CHECK(en["title_translated"] == Json({{"ja", "試験データ"}, {"en", "Test data"}}));
  CHECK(Extra(en, "title_ja") == "試験データ");
  CHECK(Extra(ja, "title_en") == "Test data");
  CHECK(en["type"] == "dataset");
  CHECK(en["state"] == "active");
  CHECK(en["private"] == false);
  CHECK(en["owner_org"] == "test-holder");
  CHECK(en["organization"]["name"] == "test-holder");
  CHECK(en["organization"]["title"] == "Test holder");
  CHECK(en["organization"]["is_organization"] == true);
  CHECK(en["metadata_created"] == "2024-01-01T00:00:00.000000");
  CHECK(en["metadata_modified"] == "2024-05-01T12:30:00.000000");
  CHECK(en["license_id"] == "other-closed");
  CHECK(en["maintainer_email"] == "data@holder.example");

  // Tags: both languages, CKAN-valid, each once; "x" is too short.
  std::set<std::string> tags;
  for (const Json& tag : en["tags"]) tags.insert(tag["name"].get<std::string>());
  CHECK(tags == std::set<std::string>{"diabetes", "lab tests", "糖尿病", "検査 結果"});
  CHECK(en["num_tags"] == en["tags"].size());

  // Resources: two routes then the distribution, positions in order.
  REQUIRE(en["resources"].size() == 3);
  CHECK(en["num_resources"] == 3);
  CHECK(en["resources"][0]["url"] == "https://holder.example/remote");
  CHECK(en["resources"][1]["url"] == "https://holder.example/apply");
  CHECK(en["resources"][1]["resource_type"] == "access_route");
  CHECK(en["resources"][2]["format"] == "XLSX");
  CHECK(en["resources"][2]["size"] == 2048);
  for (std::size_t i = 0; i < en["resources"].size(); ++i) {
    CHECK(en["resources"][i]["position"] == i);
    CHECK(en["resources"][i]["package_id"] == en["id"]);
  }

  // Extras: strings only, sorted by key, hdcat fields kept, counts controlled.
  std::string previous;
  for (const Json& extra : en["extras"]) {
    CHECK(extra["value"].is_string());
    CHECK(extra["key"].get<std::string>() > previous);
    previous = extra["key"].get<std::string>();
  }
  CHECK(Extra(en, "number_of_records") == "<10");
  CHECK(Extra(en, "number_of_unique_individuals") == "120");
  CHECK(Extra(en, "health_categories") == R"(["EHRS","HRAD"])");
  CHECK(Extra(en, "access_rights_uri") == "http://publications.europa.eu/resource/authority/access-right/RESTRICTED");
  CHECK(Json::parse(Extra(en, "access_fees"))[0]["amount_jpy"] == 100000);
  CHECK(Extra(en, "uri") == site.DatasetIri("ds-00000000000000aa"));
}

TEST_CASE("CKAN organization dict for a holder") {
  ex::ExportSite site;
  Json org = ex::CkanOrganization(site, Holder(), "ja", 7, "2024-01-01T00:00:00Z");
  CHECK(org["id"] == "test-holder");
  CHECK(org["name"] == "test-holder");
  CHECK(org["title"] == "試験保有者");
  CHECK(org["display_name"] == "試験保有者");
  CHECK(org["title_translated"]["en"] == "Test holder");
  CHECK(org["package_count"] == 7);
  CHECK(org["type"] == "organization");
  CHECK(org["is_organization"] == true);
  CHECK(org["created"] == "2024-01-01T00:00:00.000000");
  bool has_type = false;
  for (const Json& extra : org["extras"]) has_type |= extra["key"] == "holder_type" && extra["value"] == "hospital";
  CHECK(has_type);
}
