// The semantic rules JSON Schema cannot express.
#include <catch2/catch.hpp>

#include "catalog/validation/rules.h"
#include "tests/catalog/validator_test_helpers.h"

namespace hdcat::catalog::validation {
namespace {

using testing::MustParse;
using testing::MustVocabulary;

struct RuleCase {
  const char* rule;
  const char* document;
  const char* error_pointer;    // "" = no error expected
  const char* warning_pointer;  // "" = no warning expected
  const char* message;          // a part of the finding's message
};

const RuleCase kCases[] = {
    {"structured data needs variables", R"({"has_structured_data": true})", "/variables", "",
     "has_structured_data is true"},
    {"structured data needs variables", R"({"has_structured_data": true, "variables": []})", "/variables", "",
     "at least one table"},
    {"structured data needs variables", R"({"has_structured_data": true, "variables": [{"name": "t"}]})", "", "", ""},
    {"structured data needs variables", R"({"has_structured_data": false})", "", "", ""},
    {"temporal in order", R"({"temporal": {"start": "2020-04-01", "end": "2019-03-31"}})", "/temporal/end", "",
     "temporal ends (2019-03-31) before it starts (2020-04-01)"},
    {"temporal in order", R"({"temporal": {"start": "2020-04", "end": "2020"}})", "", "", ""},  // same year
    {"temporal in order", R"({"temporal": {"start": "2020-04-15", "end": "2020-04"}})", "", "", ""},
    {"temporal in order", R"({"temporal": {"start": "2021", "end": "2020-12-31"}})", "/temporal/end", "", "before"},
    {"temporal in order", R"({"temporal": {"start": "2020"}})", "", "", ""},  // ongoing
    {"temporal in order", R"({"temporal": {"start": "bad", "end": "2019"}})", "", "", ""},  // format's job
    {"retention in order", R"({"retention_period": {"start": "2030", "end": "2025"}})", "/retention_period/end", "",
     "retention_period ends"},
    {"ages in order", R"({"population": {"min_typical_age": 40, "max_typical_age": 18}})",
     "/population/max_typical_age", "", "max_typical_age 18 is below min_typical_age 40"},
    {"ages in order", R"({"population": {"min_typical_age": 18, "max_typical_age": 18}})", "", "", ""},
    {"declared coding systems",
     R"({"coding_systems": ["icd10"], "variables": [{"variables": [{"name": "a", "coding_system": "icd10"},
        {"name": "b", "coding_system": "jlac10"}]}]})",
     "", "/variables/0/variables/1/coding_system", "coding system 'jlac10' is used here but not listed"},
    {"declared coding systems",
     R"({"coding_systems": ["icd10", "jlac10"], "variables": [{"variables": [{"name": "b", "coding_system": "jlac10"}]}]})",
     "", "", ""},
    {"declared coding systems", R"({"code_values": [{"system": "yj", "code": "1234"}]})", "", "/code_values/0/system",
     "'yj'"},
    {"code pattern", R"({"coding_systems": ["icd10"], "variables": [{"variables": [{"name": "dx",
        "coding_system": "icd10", "example_codes": ["E11", "K35.8", "e11.9"]}]}]})",
     "/variables/0/variables/0/example_codes/2", "", "'e11.9' is not a valid ICD-10 (icd10) code"},
    {"code pattern", R"({"coding_systems": ["jlac10"], "code_values": [{"system": "jlac10", "code": "3D0100000002327"}]})",
     "/code_values/0/code", "", "is not a valid JLAC10 (jlac10) code"},
    {"code pattern", R"({"coding_systems": ["jlac10"], "code_values": [{"system": "jlac10", "code": "3D010000000232701"}]})",
     "", "", ""},
    {"code pattern", R"({"coding_systems": ["icd10"], "statistics": {"codes": [{"system": "icd10", "code": "E1"}]}})",
     "/statistics/codes/0/code", "", "ICD-10"},
    {"code pattern", R"({"coding_systems": ["yj"], "code_values": [{"system": "yj", "code": "anything"}]})", "", "",
     ""},  // no code_pattern: not checked
    {"statistics counts", R"({"statistics": {"number_of_records": -1}})", "/statistics/number_of_records", "",
     "a count cannot be negative (-1)"},
    {"statistics counts", R"({"statistics": {"age_sex": [{"age_band": "40-49", "sex": "male", "count": 10},
        {"age_band": "50-59", "sex": "male", "count": -5}]}})",
     "/statistics/age_sex/1/count", "", "negative"},
    {"statistics counts", R"({"statistics": {"per_year": [{"year": 2020, "count": 0}]}})", "", "", ""},
    {"fees", R"({"access": {"fees": [{"component": "base", "amount_jpy": 10000}, {"amount_jpy": -1}]}})",
     "/access/fees/1/amount_jpy", "", "a fee cannot be negative"},
    {"quality checks", R"({"quality": {"checks": [{"name": "completeness", "value": 0.8, "threshold": 0.95,
        "passed": true}]}})",
     "", "/quality/checks/0/passed", "is marked as passed but its value 0.8 is below the threshold 0.95"},
    {"quality checks", R"({"quality": {"checks": [{"name": "c", "value": 0.99, "threshold": 0.95, "passed": false}]}})",
     "", "/quality/checks/0/passed", "marked as failed"},
    {"quality checks", R"({"quality": {"checks": [{"name": "c", "value": 0.99, "threshold": 0.95, "passed": true}]}})",
     "", "", ""},
    {"wrong shapes are skipped", R"({"temporal": 3, "population": [], "statistics": "x", "access": {"fees": {}},
        "variables": {"a": 1}, "quality": {"checks": [1]}})",
     "", "", ""},
};

TEST_CASE("semantic rules", "[validator][rules]") {
  auto context = RuleContext::Build(MustVocabulary("coding-systems", testing::kCodingSystems));
  REQUIRE(context.ok());
  for (const auto& c : kCases) {
    INFO(c.rule << ": " << c.document);
    Findings findings;
    ApplyRules(DocumentKind::kDataset, MustParse(c.document), *context, findings);
    INFO(testing::Dump(findings));
    std::string error_pointer = findings.errors().empty() ? "" : findings.errors()[0].pointer;
    std::string warning_pointer = findings.warnings().empty() ? "" : findings.warnings()[0].pointer;
    CHECK(findings.errors().size() <= 1);
    CHECK(error_pointer == c.error_pointer);
    CHECK(warning_pointer == c.warning_pointer);
    if (!findings.errors().empty()) CHECK_THAT(findings.errors()[0].message, Catch::Contains(c.message));
    if (!findings.warnings().empty()) CHECK_THAT(findings.warnings()[0].message, Catch::Contains(c.message));
  }
}

TEST_CASE("an undeclared coding system comes with the fix", "[validator][rules]") {
  auto context = RuleContext::Build(MustVocabulary("coding-systems", testing::kCodingSystems));
  REQUIRE(context.ok());
  Findings findings;
  ApplyRules(DocumentKind::kDataset, MustParse(R"({"variables": [{"variables": [
      {"name": "a", "coding_system": "jlac10"}, {"name": "b", "coding_system": "jlac10"}]}]})"),
             *context, findings);
  REQUIRE(findings.warnings().size() == 1);  // one warning per system, not per variable
  CHECK(findings.warnings()[0].suggestion == "add \"jlac10\" to /coding_systems");
}

TEST_CASE("a code pattern error says what the codes look like", "[validator][rules]") {
  auto context = RuleContext::Build(MustVocabulary("coding-systems", testing::kCodingSystems));
  REQUIRE(context.ok());
  Findings findings;
  ApplyRules(DocumentKind::kDataset,
             MustParse(R"({"code_values": [{"system": "icd10", "code": "diabetes"}], "coding_systems": ["icd10"]})"),
             *context, findings);
  REQUIRE(findings.errors().size() == 1);
  CHECK_THAT(findings.errors()[0].expected, Catch::Contains("^[A-Z][0-9]{2}"));
  CHECK_THAT(findings.errors()[0].expected, Catch::Contains("e.g. E11"));
}

TEST_CASE("rules do not repeat an error the schema already reported", "[validator][rules]") {
  auto context = RuleContext::Build(nullptr);
  REQUIRE(context.ok());
  Findings findings;
  findings.AddError({"/statistics/number_of_records", "-1 is less than the minimum 0", "at least 0", ""});
  ApplyRules(DocumentKind::kDataset, MustParse(R"({"statistics": {"number_of_records": -1}})"), *context, findings);
  CHECK(findings.errors().size() == 1);
}

TEST_CASE("a broken code_pattern is refused when loading", "[validator][rules]") {
  auto context = RuleContext::Build(MustVocabulary("coding-systems", R"({"concepts": [{"code": "x", "code_pattern": "(["}]})"));
  REQUIRE_FALSE(context.ok());
  CHECK_THAT(context.error().message, Catch::Contains("coding system 'x'"));
}

TEST_CASE("holder documents are not checked by dataset rules", "[validator][rules]") {
  auto context = RuleContext::Build(nullptr);
  REQUIRE(context.ok());
  Findings findings;
  ApplyRules(DocumentKind::kHolder, MustParse(R"({"has_structured_data": true})"), *context, findings);
  CHECK(findings.errors().empty());
  for (const auto& rule : ListRules()) CHECK_FALSE(rule.name.empty());
}

}  // namespace
}  // namespace hdcat::catalog::validation
