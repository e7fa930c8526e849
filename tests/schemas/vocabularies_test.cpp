// Structure of the controlled vocabularies and search synonyms embedded from
// schemas/vocabularies/: every code unique and labelled in Japanese and
// English, patterns that compile and accept their own examples, EU links where
// the EU lists the concept.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "schemas/resources.h"
#include "tests/schemas/embedded_json.h"

using hdcat::Json;
using hdcat::testing::EmbeddedJson;
using hdcat::testing::EmbeddedVocabularies;
using hdcat::testing::FindConcept;

namespace {

bool IsNonEmptyString(const Json& value) { return value.is_string() && !value.get<std::string>().empty(); }

bool HasJaAndEn(const Json& text) {
  return text.is_object() && text.contains("ja") && text.contains("en") && IsNonEmptyString(text["ja"]) &&
         IsNonEmptyString(text["en"]);
}

bool IsHttpUri(const Json& value) {
  if (!value.is_string()) return false;
  const auto& s = value.get_ref<const std::string&>();
  return s.starts_with("http://") || s.starts_with("https://");
}

// ASCII-only case folding: enough to catch "DM" and "dm" in two groups.
std::string FoldAscii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

const Json& CodingSystems() {
  static const Json vocabulary = EmbeddedJson("vocabularies/coding-systems.json");
  return vocabulary;
}

}  // namespace

TEST_CASE("the placeholder is gone and the expected vocabularies are embedded", "[vocabularies]") {
  auto vocabularies = EmbeddedVocabularies();
  CHECK_FALSE(hdcat::schemas::Resource("vocabularies/placeholder.json").has_value());
  for (const char* name :
       {"coding-systems", "health-categories", "health-themes", "standards", "publisher-types", "health-activities",
        "frequencies", "access-rights", "dataset-types", "languages", "data-themes", "holder-types", "data-types",
        "access-routes", "processing-levels", "fee-components", "fee-units", "quality-groups", "quality-dimensions",
        "check-categories", "value-types", "prefectures", "dpv-personal-data"}) {
    INFO(name);
    CHECK(vocabularies.count(name) == 1);
  }
}

TEST_CASE("every vocabulary is well formed", "[vocabularies]") {
  auto vocabularies = EmbeddedVocabularies();
  REQUIRE(vocabularies.size() >= 23);
  for (const auto& [stem, vocabulary] : vocabularies) {
    INFO("vocabulary " << stem);
    CHECK(vocabulary.value("name", "") == stem);
    CHECK(HasJaAndEn(vocabulary.value("title", Json())));
    CHECK(IsHttpUri(vocabulary.value("uri", Json())));
    REQUIRE(vocabulary.contains("concepts"));
    REQUIRE(vocabulary["concepts"].is_array());
    CHECK_FALSE(vocabulary["concepts"].empty());

    // `broader` points into this vocabulary unless another one is named.
    const Json* broader_vocabulary = &vocabulary;
    if (vocabulary.contains("broader_vocabulary")) {
      auto it = vocabularies.find(vocabulary["broader_vocabulary"].get<std::string>());
      REQUIRE(it != vocabularies.end());
      broader_vocabulary = &it->second;
    }

    std::set<std::string> codes;
    std::set<std::string> uris;
    for (const auto& concept_json : vocabulary["concepts"]) {
      REQUIRE(IsNonEmptyString(concept_json.value("code", Json())));
      const std::string code = concept_json["code"].get<std::string>();
      INFO("concept " << code);
      CHECK(codes.insert(code).second);
      CHECK(IsHttpUri(concept_json.value("uri", Json())));
      if (concept_json.contains("uri")) CHECK(uris.insert(concept_json["uri"].dump()).second);
      CHECK(HasJaAndEn(concept_json.value("label", Json())));
      if (concept_json.value("eu_listed", false)) {
        CHECK(IsHttpUri(concept_json.value("eu_uri", concept_json["uri"])));
      }
      if (concept_json.contains("broader")) {
        CHECK(FindConcept(*broader_vocabulary, concept_json["broader"].get<std::string>()) != nullptr);
      }
      if (concept_json.contains("aliases")) {
        REQUIRE(concept_json["aliases"].is_array());
        for (const auto& alias : concept_json["aliases"]) CHECK(IsNonEmptyString(alias));
      }
    }
  }
}

TEST_CASE("coding systems carry compiling patterns that accept their own examples", "[vocabularies][coding-systems]") {
  for (const auto& system : CodingSystems()["concepts"]) {
    const std::string code = system["code"].get<std::string>();
    INFO("coding system " << code);
    CHECK(system.contains("hierarchical"));
    if (system.value("eu_listed", false)) {
      REQUIRE(system.contains("eu_uri"));
      CHECK(system["eu_uri"].get<std::string>().starts_with(
          "https://hdeu-dcat.data.health.europa.eu/resource/authority/coding-system/"));
    } else {
      CHECK_FALSE(system.contains("eu_uri"));
    }
    if (!system.contains("code_pattern")) continue;
    std::regex pattern;
    try {
      pattern = std::regex(system["code_pattern"].get<std::string>(), std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      FAIL("code_pattern does not compile: " << e.what());
    }
    for (const auto& example : system.value("examples", Json::array())) {
      INFO("example " << example.dump());
      CHECK(std::regex_match(example["code"].get<std::string>(), pattern));
      CHECK(IsNonEmptyString(example.value("label", Json())));
    }
  }
}

TEST_CASE("code patterns accept real codes and reject near misses", "[vocabularies][coding-systems]") {
  struct Case {
    const char* system;
    const char* code;
    bool accepted;
  };
  const Case cases[] = {
      {"icd10", "K358", true},          {"icd10", "K35.8", true},
      {"icd10", "E11", true},           {"icd10", "E1", false},
      {"icd10", "k358", false},         {"icd10", "1A00", false},
      {"jlac10", "3D046000001906202", true},  {"jlac10", "3D046", true},
      {"jlac10", "3D04600000190620", false},  {"jlac10", "3D0460000019062021", false},
      {"yj", "2456001F1353", true},     {"yj", "2456001F135", false},
      {"yj", "24560011135X", false},    {"hot9", "103835401", true},
      {"hot9", "10383540", false},      {"hot13", "1038354010101", true},
      {"receipt-disease", "2500015", true},   {"receipt-disease", "250001", false},
      {"receipt-procedure", "111000110", true}, {"receipt-procedure", "611000110", false},
      {"dpc", "050130xx99000x", true},  {"dpc", "050030", true},
      {"dpc", "050130XX99000X", false}, {"dpc", "05013", false},
      {"fee-schedule-section", "K546", true}, {"fee-schedule-section", "K549-2", true},
      {"fee-schedule-section", "Z546", false}, {"atc", "A10BA02", true},
      {"atc", "A10", true},             {"atc", "A1", false},
      {"jis-x0401", "13", true},        {"jis-x0401", "47", true},
      {"jis-x0401", "48", false},       {"jis-x0401", "00", false},
      {"icd-o-3", "C16.1", true},       {"icd-o-3", "8140/3", true},
      {"icd-o-3", "8140/4", false},     {"generic-name-prescription", "1124017F1ZZZ", true},
      {"generic-name-prescription", "1124017F1010", false},
      {"medis-disease-excode", "HR19", true}, {"medis-disease-keynumber", "20058257", true},
      {"loinc", "4548-4", true},        {"loinc", "4548", false},
  };
  for (const auto& c : cases) {
    INFO(c.system << " " << c.code);
    const Json* system = FindConcept(CodingSystems(), c.system);
    REQUIRE(system != nullptr);
    REQUIRE(system->contains("code_pattern"));
    std::regex pattern((*system)["code_pattern"].get<std::string>(), std::regex::ECMAScript);
    CHECK(std::regex_match(c.code, pattern) == c.accepted);
  }
}

TEST_CASE("EU-listed coding systems use the exact HealthDCAT-AP R8 IRIs", "[vocabularies][coding-systems]") {
  const std::string base = "https://hdeu-dcat.data.health.europa.eu/resource/authority/coding-system/";
  struct Case {
    const char* code;
    const char* eu_code;  // nullptr: not in the EU vocabulary
  };
  const Case cases[] = {
      {"icd10", "ICD-10"},  {"icd11", "ICD-11"},     {"icd-o-3", "ICD-O"},    {"snomed-ct", "SNOMED-CT"},
      {"loinc", "LOINC"},   {"atc", "ATC"},          {"meddra-j", "MEDDRA"},  {"omop", "OHDSI-VOCAB"},
      {"ucum", "UCUM"},     {"jlac10", nullptr},     {"jlac11", nullptr},     {"yj", nullptr},
      {"hot9", nullptr},    {"dpc", nullptr},        {"receipt-disease", nullptr},
      {"medis-disease-excode", nullptr},             {"ss-mix2-datatype", nullptr},
  };
  for (const auto& c : cases) {
    INFO(c.code);
    const Json* system = FindConcept(CodingSystems(), c.code);
    REQUIRE(system != nullptr);
    CHECK(system->value("eu_listed", true) == (c.eu_code != nullptr));
    if (c.eu_code != nullptr) CHECK(system->value("eu_uri", "") == base + c.eu_code);
  }
}

TEST_CASE("cross-vocabulary references resolve", "[vocabularies]") {
  auto vocabularies = EmbeddedVocabularies();
  for (const auto& holder_type : vocabularies.at("holder-types")["concepts"]) {
    INFO(holder_type["code"]);
    REQUIRE(holder_type.contains("eu_publisher_type"));
    CHECK(FindConcept(vocabularies.at("publisher-types"), holder_type["eu_publisher_type"].get<std::string>()) !=
          nullptr);
  }
  // Japanese standards must lead to an EU-listed standard through `broader`.
  for (const auto& standard : vocabularies.at("standards")["concepts"]) {
    INFO(standard["code"]);
    const Json* current = &standard;
    int steps = 0;
    while (!current->value("eu_listed", false) && current->contains("broader") && steps++ < 10) {
      current = FindConcept(vocabularies.at("standards"), (*current)["broader"].get<std::string>());
      REQUIRE(current != nullptr);
    }
    CHECK(current->value("eu_listed", false));
  }
}

TEST_CASE("fixed lists have their official size and codes", "[vocabularies]") {
  auto vocabularies = EmbeddedVocabularies();
  CHECK(vocabularies.at("health-categories")["concepts"].size() == 17);
  CHECK(vocabularies.at("access-rights")["concepts"].size() == 3);
  const auto& prefectures = vocabularies.at("prefectures")["concepts"];
  REQUIRE(prefectures.size() == 47);
  for (std::size_t i = 0; i < prefectures.size(); ++i) {
    const std::string expected = (i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
    CHECK(prefectures[i]["code"] == expected);
    CHECK(prefectures[i]["notation"] == std::string("JP-") + expected);
  }
  CHECK(FindConcept(vocabularies.at("prefectures"), "13")->at("label").at("ja") == "東京都");
  CHECK(FindConcept(vocabularies.at("frequencies"), "MONTHLY")->at("uri") ==
        "http://publications.europa.eu/resource/authority/frequency/MONTHLY");
  CHECK(FindConcept(vocabularies.at("data-themes"), "HEAL") != nullptr);
  for (const auto& pd : vocabularies.at("dpv-personal-data")["concepts"]) {
    CHECK(pd["uri"].get<std::string>() == "https://w3id.org/dpv/dpv-pd#" + pd["code"].get<std::string>());
  }
}

TEST_CASE("synonym groups are disjoint and cover the key terms", "[vocabularies][synonyms]") {
  Json synonyms = EmbeddedJson("vocabularies/synonyms.json");
  REQUIRE(synonyms.contains("groups"));
  const auto& groups = synonyms["groups"];
  CHECK(groups.size() >= 60);
  std::map<std::string, std::size_t> group_of;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& terms = groups[i]["terms"];
    INFO("group " << terms.dump());
    CHECK(terms.size() >= 2);
    for (const auto& term : terms) {
      REQUIRE(IsNonEmptyString(term));
      auto [it, inserted] = group_of.emplace(FoldAscii(term.get<std::string>()), i);
      INFO("term " << term << " also in group " << it->second);
      CHECK(inserted);
    }
  }
  auto same_group = [&](const std::string& a, const std::string& b) {
    auto ia = group_of.find(FoldAscii(a));
    auto ib = group_of.find(FoldAscii(b));
    return ia != group_of.end() && ib != group_of.end() && ia->second == ib->second;
  };
  CHECK(same_group("糖尿病", "diabetes mellitus"));
  CHECK(same_group("がん", "悪性新生物"));
  CHECK(same_group("癌", "malignant neoplasm"));
  CHECK(same_group("NDB", "匿名医療保険等関連情報データベース"));
  CHECK(same_group("ナショナルデータベース", "レセプト情報・特定健診等情報データベース"));
  CHECK(same_group("HbA1c", "グリコヘモグロビン"));
  CHECK(same_group("心筋梗塞", "AMI"));
  CHECK(same_group("脳卒中", "stroke"));
  CHECK(same_group("再入院", "readmission"));
  CHECK_FALSE(same_group("入院", "再入院"));
  CHECK_FALSE(same_group("糖尿病", "2型糖尿病"));
}
