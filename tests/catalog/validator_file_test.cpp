// The path `hdcat validate` takes: files on disk, limits, kind detection,
// feeds, and the text and JSON renderings.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "catalog/validation/document_check.h"
#include "catalog/validation/report_output.h"
#include "tests/catalog/validator_test_helpers.h"

namespace hdcat::catalog::validation {
namespace {

using testing::MustParse;

constexpr const char* kDatasetSchema = R"({
  "type": "object", "additionalProperties": false,
  "required": ["identifier", "title"],
  "x-recommended": ["statistics"],
  "properties": {
    "identifier": {"type": "string"},
    "holder": {"type": "string"},
    "title": {"type": "object", "x-weight": 10},
    "issued": {"type": "string", "format": "date", "x-weight": 5},
    "statistics": {"type": "object", "x-weight": 5}
  }
})";

constexpr const char* kHolderSchema = R"({
  "type": "object", "additionalProperties": false, "required": ["identifier", "holder_type"],
  "properties": {"identifier": {"type": "string"}, "holder_type": {"enum": ["ministry", "hospital"]}}
})";

std::shared_ptr<const Validator> TestValidator() {
  return testing::MustValidator({{"dataset.schema.json", kDatasetSchema}, {"holder.schema.json", kHolderSchema}});
}

// A scratch directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("hdcat-validate-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    auto file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out << bytes;
    return file.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST_CASE("files that cannot be read or parsed give one clear error", "[validator][file]") {
  auto validator = TestValidator();
  TempDir dir;
  struct BadFile {
    const char* name;
    std::string bytes;
    ErrorKind kind;
    const char* message;
  };
  const BadFile cases[] = {
      {"big.json", std::string(8 * 1024 * 1024 + 1, ' '), ErrorKind::kTooLarge, "the limit is 8388608 bytes (8 MiB)"},
      {"latin1.json", "{\"title\": {\"ja\": \"caf\xE9\"}}", ErrorKind::kInvalidInput,
       "document is not valid UTF-8 (first bad byte at offset 21)"},
      {"broken.json", "{\"identifier\": \"x\",}", ErrorKind::kInvalidInput, "malformed JSON at byte"},
      {"deep.json", std::string(100, '[') + std::string(100, ']'), ErrorKind::kInvalidInput, "nests deeper"},
      {"empty.json", "", ErrorKind::kInvalidInput, "malformed JSON"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto report = ValidateFile(*validator, dir.Write(c.name, c.bytes), KindChoice::kAuto);
    REQUIRE(report.failure.has_value());
    CHECK(report.failure->kind == c.kind);
    CHECK_THAT(report.failure->message, Catch::Contains(c.message));
    CHECK_FALSE(report.ok());
    CHECK_THAT(RenderText(report), Catch::StartsWith(report.file + ": error: "));
  }
  auto missing = ValidateFile(*validator, dir.path() + "/nope.json", KindChoice::kAuto);
  REQUIRE(missing.failure.has_value());
  CHECK(missing.failure->kind == ErrorKind::kNotFound);
  auto directory = ValidateFile(*validator, dir.path(), KindChoice::kAuto);
  REQUIRE(directory.failure.has_value());
  CHECK(directory.failure->message == "not a regular file");
}

TEST_CASE("kinds are detected from the document", "[validator][file]") {
  CHECK(DetectKind(MustParse(R"({"identifier": "mhlw", "holder_type": "ministry"})")) == DocumentKind::kHolder);
  CHECK(DetectKind(MustParse(R"({"identifier": "ndb", "holder": "mhlw"})")) == DocumentKind::kDataset);
  CHECK(DetectKind(MustParse(R"({"identifier": "x", "holder": "h", "holder_type": "ministry"})")) ==
        DocumentKind::kDataset);
  CHECK(DetectKind(MustParse(R"([])")) == DocumentKind::kDataset);
  CHECK(ParseKindChoice("holder") == KindChoice::kHolder);
  CHECK(ParseKindChoice("dataset") == KindChoice::kDataset);
  CHECK(ParseKindChoice("auto") == KindChoice::kAuto);
  CHECK_FALSE(ParseKindChoice("feed").has_value());
}

TEST_CASE("a feed is validated item by item with full pointers", "[validator][file]") {
  auto validator = TestValidator();
  auto report = ValidateBytes(*validator, "feed.json", R"({
      "holder": {"identifier": "mhlw", "holder_type": "ministri"},
      "datasets": [
        {"identifier": "a", "title": {"ja": "A"}, "statistics": {"n": 1}, "issued": "2024-01-01"},
        {"identifier": "b", "titel": {"ja": "B"}}
      ]})",
                              KindChoice::kAuto);
  REQUIRE_FALSE(report.failure.has_value());
  REQUIRE(report.documents.size() == 4);
  CHECK(report.documents[0].feed_envelope);
  CHECK(report.documents[0].report.ok());
  CHECK(report.documents[1].pointer == "/holder");
  CHECK(report.documents[1].kind == DocumentKind::kHolder);
  REQUIRE(report.documents[1].report.errors.size() == 1);
  CHECK(report.documents[1].report.errors[0].pointer == "/holder/holder_type");
  CHECK(report.documents[1].report.errors[0].suggestion == "ministry");
  CHECK(report.documents[2].report.ok());
  CHECK(report.documents[2].report.completeness == Approx(100));
  const auto& second = report.documents[3].report;
  REQUIRE(second.errors.size() == 2);
  CHECK(second.errors[0].pointer == "/datasets/1/titel");
  CHECK(second.errors[1].pointer == "/datasets/1/title");
  CHECK(second.items[0].field.starts_with("/datasets/1/"));
  CHECK_FALSE(report.ok());
  // The feed page itself gets no completeness line.
  std::string text = RenderText(report);
  CHECK(text.find("feed.json: completeness") == std::string::npos);
  CHECK(text.find("feed.json: /datasets/1: completeness") != std::string::npos);
}

TEST_CASE("the kind option overrides detection", "[validator][file]") {
  auto validator = TestValidator();
  const char* holder = R"({"identifier": "mhlw", "holder_type": "ministry"})";
  CHECK(ValidateBytes(*validator, "h.json", holder, KindChoice::kAuto).ok());
  auto forced = ValidateBytes(*validator, "h.json", holder, KindChoice::kDataset);
  REQUIRE(forced.documents.size() == 1);
  CHECK(forced.documents[0].kind == DocumentKind::kDataset);
  CHECK_FALSE(forced.ok());
}

TEST_CASE("text output: errors, warnings, then completeness", "[validator][file]") {
  auto validator = TestValidator();
  TempDir dir;
  std::string path = dir.Write("ndb.json", R"({"identifier": "ndb", "titel": {"ja": "NDB"}, "issued": "2024-13-01"})");
  auto report = ValidateFile(*validator, path, KindChoice::kAuto);
  CHECK_FALSE(report.ok());
  std::string expected =
      path + ": error at /issued: '2024-13-01' is not a valid date (expected a date YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03-31)\n" +
      path + ": error at /titel: unknown property 'titel' — did you mean 'title'? (expected one of the known properties: "
             "holder, identifier, issued, statistics, title)\n" +
      path + ": error at /title: missing required property 'title' (expected an object)\n" +
      path + ": warning at /statistics: missing recommended property 'statistics' (expected an object)\n" +
      path + ": completeness 25/100 (grade D); missing: /statistics (weight 5), /title (weight 10)\n";
  CHECK(RenderText(report) == expected);
}

TEST_CASE("json output is machine-readable", "[validator][file]") {
  auto validator = TestValidator();
  std::vector<FileReport> reports;
  reports.push_back(ValidateBytes(*validator, "good.json", R"({"identifier": "a", "title": {"ja": "A"}})",
                                  KindChoice::kAuto));
  reports.push_back(ValidateBytes(*validator, "bad.json", "{", KindChoice::kAuto));
  Json out = RenderJson(reports);
  CHECK(out["ok"] == false);
  REQUIRE(out["files"].size() == 2);
  const Json& good = out["files"][0];
  CHECK(good["ok"] == true);
  CHECK(good["documents"][0]["kind"] == "dataset");
  CHECK(good["documents"][0]["grade"] == "C");
  CHECK(good["documents"][0]["completeness"] == Approx(50));
  CHECK(good["documents"][0]["warnings"][0]["pointer"] == "/statistics");
  CHECK(good["documents"][0]["items"].size() == 3);
  const Json& bad = out["files"][1];
  CHECK(bad["ok"] == false);
  CHECK(bad["error"]["kind"] == "invalid_input");
  CHECK(bad["documents"].empty());
}

}  // namespace
}  // namespace hdcat::catalog::validation
