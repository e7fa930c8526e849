// Completeness: the weighted share of recommended fields that are filled in.
#include <catch2/catch.hpp>

#include "catalog/validation/completeness.h"
#include "tests/catalog/validator_test_helpers.h"

namespace hdcat::catalog::validation {
namespace {

using testing::MustCompile;
using testing::MustParse;

constexpr const char* kWeightedSchema = R"({
  "$defs": {"LangText": {"type": "object"}, "Update": {"type": "object", "properties": {
      "frequency": {"type": "string", "x-weight": 2}}}},
  "type": "object",
  "properties": {
    "title": {"$ref": "#/$defs/LangText", "x-weight": 10},
    "keywords": {"type": "object", "x-weight": 5},
    "statistics": {"type": "object", "x-weight": 5},
    "update": {"$ref": "#/$defs/Update"},
    "identifier": {"type": "string"}
  },
  "allOf": [{"properties": {"landing_page": {"type": "string", "x-weight": 3}}}]
})";

TEST_CASE("weighted fields are found through properties, $ref and allOf", "[validator][completeness]") {
  auto schema = MustCompile(kWeightedSchema);
  std::map<std::string, double> fields;
  for (const auto& field : schema.weighted_fields()) fields[field.pointer] = field.weight;
  CHECK(fields == std::map<std::string, double>{{"/title", 10},
                                                {"/keywords", 5},
                                                {"/statistics", 5},
                                                {"/update/frequency", 2},
                                                {"/landing_page", 3}});
}

TEST_CASE("the score is the weighted share present", "[validator][completeness]") {
  auto schema = MustCompile(kWeightedSchema);
  auto none = ScoreCompleteness(schema.weighted_fields(), MustParse(R"({"identifier": "x"})"));
  CHECK(none.score == Approx(0));
  CHECK(none.grade == "D");
  auto some = ScoreCompleteness(schema.weighted_fields(),
                                MustParse(R"({"title": {"ja": "NDB"}, "keywords": {}, "update": {"frequency": "ANNUAL"}})"));
  CHECK(some.score == Approx(100.0 * 12 / 25));  // title 10 + frequency 2; empty keywords do not count
  auto all = ScoreCompleteness(schema.weighted_fields(),
                               MustParse(R"({"title": {"ja": "NDB"}, "keywords": {"ja": ["レセプト"]},
                                             "statistics": {"number_of_records": 0}, "update": {"frequency": "ANNUAL"},
                                             "landing_page": "https://example.jp"})"));
  CHECK(all.score == Approx(100));
  CHECK(all.grade == "A");
  REQUIRE(all.items.size() == 5);
  for (const auto& item : all.items) CHECK(item.present);
}

TEST_CASE("adding a recommended field never lowers the score", "[validator][completeness]") {
  auto schema = MustCompile(kWeightedSchema);
  Json document = MustParse(R"({"identifier": "x"})");
  const std::pair<const char*, const char*> additions[] = {
      {"keywords", R"({"en": ["claims"]})"},
      {"landing_page", R"("https://example.jp")"},
      {"update", R"({"frequency": "MONTHLY"})"},
      {"title", R"({"ja": "NDB"})"},
      {"statistics", R"({"as_of": "2024"})"},
  };
  double previous = ScoreCompleteness(schema.weighted_fields(), document).score;
  for (const auto& [field, value] : additions) {
    document[field] = MustParse(value);
    double now = ScoreCompleteness(schema.weighted_fields(), document).score;
    INFO(field);
    CHECK(now > previous);
    previous = now;
  }
  CHECK(previous == Approx(100));
}

TEST_CASE("empty values do not count as present", "[validator][completeness]") {
  CHECK_FALSE(IsPresent(Json()));
  CHECK_FALSE(IsPresent(Json("")));
  CHECK_FALSE(IsPresent(Json::array()));
  CHECK_FALSE(IsPresent(Json::object()));
  CHECK_FALSE(IsPresent(MustParse(R"({"ja": "", "en": null})")));
  CHECK_FALSE(IsPresent(MustParse(R"([[], {}])")));
  CHECK(IsPresent(Json(0)));
  CHECK(IsPresent(Json(false)));
  CHECK(IsPresent(MustParse(R"({"ja": "", "en": "x"})")));
}

TEST_CASE("grades", "[validator][completeness]") {
  const std::pair<double, const char*> cases[] = {{100, "A"}, {85, "A"}, {84.9, "B"}, {70, "B"},
                                                  {69.9, "C"}, {50, "C"},  {49.9, "D"}, {0, "D"}};
  for (const auto& [score, grade] : cases) {
    INFO(score);
    CHECK(GradeFor(score) == grade);
  }
}

TEST_CASE("Validator reports list each scored field", "[validator][completeness]") {
  auto validator = testing::MustValidator({{"dataset.schema.json", kWeightedSchema}, {"holder.schema.json", "{}"}});
  auto report = validator->Validate(DocumentKind::kDataset, MustParse(R"({"title": {"en": "NDB"}})"));
  CHECK(report.ok());
  CHECK(report.completeness == Approx(40));
  CHECK(report.grade == "D");
  REQUIRE(report.items.size() == 5);
  int present = 0;
  for (const auto& item : report.items) present += item.present ? 1 : 0;
  CHECK(present == 1);
  auto holder = validator->Validate(DocumentKind::kHolder, MustParse(R"({})"));
  CHECK(holder.completeness == Approx(100));  // nothing weighted
}

}  // namespace
}  // namespace hdcat::catalog::validation
