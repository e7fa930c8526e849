// The embedded metadata schemas, vocabularies and examples, checked end to
// end: the examples pass, and targeted breakages give specific findings.
#include <catch2/catch.hpp>

#include <functional>

#include "catalog/validation/document_check.h"
#include "catalog/validator.h"
#include "schemas/resources.h"

namespace hdcat::catalog {
namespace {

std::shared_ptr<const Validator> Embedded() {
  static const auto validator = [] {
    auto loaded = Validator::Load();
    INFO((loaded.ok() ? std::string() : loaded.error().ToString()));
    REQUIRE(loaded.ok());
    return *loaded;
  }();
  return validator;
}

Json Example(std::string_view path) {
  auto bytes = schemas::Resource(path);
  INFO(path);
  REQUIRE(bytes.has_value());
  auto json = ParseJson(*bytes);
  REQUIRE(json.ok());
  return *json;
}

std::string Describe(const ValidationReport& report) {
  std::string out;
  for (const auto& e : report.errors) {
    out += "error " + e.pointer + ": " + e.message + " | expected " + e.expected + " | " + e.suggestion + "\n";
  }
  for (const auto& w : report.warnings) out += "warning " + w.pointer + ": " + w.message + "\n";
  return out;
}

const Finding* ErrorAt(const ValidationReport& report, std::string_view pointer) {
  for (const auto& error : report.errors) {
    if (error.pointer == pointer) return &error;
  }
  return nullptr;
}

TEST_CASE("the embedded examples pass", "[validator][real]") {
  auto validator = Embedded();
  for (const auto& file : schemas::Resources("examples/")) {
    INFO(file.path);
    auto document = ParseJson(file.bytes);
    REQUIRE(document.ok());
    auto reports = validation::ValidateDocument(*validator, *document, validation::KindChoice::kAuto);
    REQUIRE_FALSE(reports.empty());
    for (const auto& entry : reports) {
      INFO(Describe(entry.report));
      CHECK(entry.report.ok());
      CHECK(entry.report.completeness >= 85);
    }
  }
}

TEST_CASE("the examples are detected as the right kind", "[validator][real]") {
  CHECK(validation::DetectKind(Example("examples/dataset-example.json")) == DocumentKind::kDataset);
  CHECK(validation::DetectKind(Example("examples/holder-example.json")) == DocumentKind::kHolder);
}

struct Breakage {
  const char* what;
  std::function<void(Json&)> apply;
  const char* pointer;
  const char* message;     // exact
  const char* suggestion;  // exact; "" = none
};

TEST_CASE("targeted breakages of the dataset example", "[validator][real]") {
  const Breakage breakages[] = {
      {"wrong type", [](Json& d) { d["has_structured_data"] = "yes"; }, "/has_structured_data",
       "expected a boolean but found a string", ""},
      {"unknown coding system", [](Json& d) { d["coding_systems"][9] = "JLAC-10"; }, "/coding_systems/9",
       "unknown code 'JLAC-10' in vocabulary 'coding-systems' — did you mean 'jlac10'?", "jlac10"},
      {"coding system by its notation", [](Json& d) { d["code_values"][0]["system"] = "ICD-10"; },
       "/code_values/0/system", "unknown code 'ICD-10' in vocabulary 'coding-systems' — did you mean 'icd10'?",
       "icd10"},
      {"bad date", [](Json& d) { d["temporal"]["start"] = "2008-13"; }, "/temporal/start",
       "'2008-13' is not a valid date", ""},
      {"missing title", [](Json& d) { d.erase("title"); }, "/title", "missing required property 'title'", ""},
      {"misspelt property", [](Json& d) { d["titel"] = d["title"]; }, "/titel",
       "unknown property 'titel' — did you mean 'title'?", "title"},
      {"unknown access right", [](Json& d) { d["access_rights"] = "PUBLIK"; }, "/access_rights",
       "unknown code 'PUBLIK' in vocabulary 'access-rights' — did you mean 'PUBLIC'?", "PUBLIC"},
      {"structured data without variables", [](Json& d) { d.erase("variables"); }, "/variables", nullptr, ""},
      {"example code of the wrong shape", [](Json& d) { d["code_values"][0]["code"] = "diabetes"; },
       "/code_values/0/code", "'diabetes' is not a valid ICD-10 (icd10) code", ""},
  };
  auto validator = Embedded();
  const Json example = Example("examples/dataset-example.json");
  for (const auto& breakage : breakages) {
    INFO(breakage.what);
    Json document = example;
    breakage.apply(document);
    auto report = validator->Validate(DocumentKind::kDataset, document);
    INFO(Describe(report));
    CHECK_FALSE(report.ok());
    const Finding* error = ErrorAt(report, breakage.pointer);
    REQUIRE(error != nullptr);
    if (breakage.message != nullptr) CHECK(error->message == breakage.message);
    CHECK(error->suggestion == breakage.suggestion);
    // One mistake, one finding at that place: nothing is reported twice.
    int at_pointer = 0;
    for (const auto& e : report.errors) at_pointer += e.pointer == breakage.pointer ? 1 : 0;
    CHECK(at_pointer == 1);
  }
}

TEST_CASE("removing a weighted field lowers the example's score", "[validator][real]") {
  auto validator = Embedded();
  Json document = Example("examples/dataset-example.json");
  double full = validator->Validate(DocumentKind::kDataset, document).completeness;
  document.erase("statistics");
  auto report = validator->Validate(DocumentKind::kDataset, document);
  CHECK(report.completeness < full);
  bool listed = false;
  for (const auto& item : report.items) {
    if (item.field == "/statistics") listed = !item.present;
  }
  CHECK(listed);
}

TEST_CASE("a holder with a misspelt type gets the closest type", "[validator][real]") {
  Json holder = Example("examples/holder-example.json");
  holder["holder_type"] = "Ministry";
  auto report = Embedded()->Validate(DocumentKind::kHolder, holder);
  INFO(Describe(report));
  const Finding* error = ErrorAt(report, "/holder_type");
  REQUIRE(error != nullptr);
  CHECK(error->suggestion == "ministry");
}

TEST_CASE("a wrong access right lists the three allowed codes", "[validator][real]") {
  Json document = Example("examples/dataset-example.json");
  document["access_rights"] = "OPEN";
  auto report = Embedded()->Validate(DocumentKind::kDataset, document);
  const Finding* error = ErrorAt(report, "/access_rights");
  REQUIRE(error != nullptr);
  CHECK(error->expected == "one of PUBLIC, RESTRICTED, NON_PUBLIC");
}

TEST_CASE("a feed page is checked as a page and item by item", "[validator][real]") {
  Json feed = {{"datasets", Json::array({Example("examples/dataset-example.json"), Json::object()})},
               {"holder", Example("examples/holder-example.json")},
               {"nxt", nullptr}};
  auto reports = validation::ValidateDocument(*Embedded(), feed, validation::KindChoice::kAuto);
  REQUIRE(reports.size() == 4);
  const auto& envelope = reports[0];
  CHECK(envelope.feed_envelope);
  INFO(Describe(envelope.report));
  REQUIRE(envelope.report.errors.size() == 2);
  CHECK(envelope.report.errors[0].pointer == "/nxt");
  CHECK(envelope.report.errors[0].suggestion == "next");
  CHECK(envelope.report.errors[1].pointer == "/next");
  CHECK(reports[1].pointer == "/holder");
  CHECK(reports[1].report.ok());
  CHECK(reports[2].report.ok());
  // The empty item's missing identifier is reported once, by the dataset check.
  const Finding* missing = ErrorAt(reports[3].report, "/datasets/1/identifier");
  REQUIRE(missing != nullptr);
  CHECK(missing->message == "missing required property 'identifier'");
}

}  // namespace
}  // namespace hdcat::catalog
