#include <catch2/catch.hpp>

#include "harvesters/adapters/record_stream.h"
#include "harvesters/mapping/csv_dictionary.h"
#include "harvesters/mapping/csv_reader.h"
#include "harvesters/mapping/text_encoding.h"
#include "tests/harvesters/adapter_test_util.h"
#include "tests/support/fault_server.h"

using namespace hdcat::harvesters;
using namespace hdcat::harvesters::mapping;
using hdcat::Json;
using hdcat::testing::Drain;
using hdcat::testing::FaultResponse;
using hdcat::testing::FaultServer;

TEST_CASE("RFC 4180 parsing", "[csv]") {
  struct Row {
    const char* name;
    std::string text;
    std::vector<CsvRow> expected;
  };
  const Row rows[] = {
      {"plain LF", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}},
      {"CRLF without final break", "a,b\r\n1,2", {{"a", "b"}, {"1", "2"}}},
      {"BOM", "\xEF\xBB\xBF" "a\n1\n", {{"a"}, {"1"}}},
      {"quotes, commas, escaped quotes and line breaks", "a,b\n\"x,y\",\"say \"\"hi\"\"\nnext\"\n",
       {{"a", "b"}, {"x,y", "say \"hi\"\nnext"}}},
      {"empty fields and blank lines", "a,,c\n\n,,\n", {{"a", "", "c"}, {"", "", ""}}},
  };
  for (const auto& row : rows) {
    SECTION(row.name) {
      auto table = ParseCsv(row.text);
      REQUIRE(table.ok());
      CHECK(table->rows == row.expected);
    }
  }
  auto unclosed = ParseCsv("a\n\"open\n");
  REQUIRE_FALSE(unclosed.ok());
  CHECK_THAT(unclosed.error().message, Catch::Contains("line 2"));
  CHECK_FALSE(ParseCsv("a\nx\"y\n").ok());
  CHECK_FALSE(ParseCsv("a\n\"x\"y\n").ok());
}

TEST_CASE("a Japanese data dictionary maps to variables tables", "[csv][mapping]") {
  std::string csv =
      "テーブル,変数名,項目名称,英語名,説明,型,単位,コード体系,コード例,充足率,メモ\r\n"
      "検査,hba1c,HbA1c,HbA1c,ヘモグロビンA1c,数値,%,JLAC10,3D046000001920402,85%,x\r\n"
      "検査,sex,性別,Sex,,コード,,,\"1、2\",1,\r\n"
      "患者,birth_date,生年月日,Date of birth,,日付,,,,0.5,\r\n"
      ",,名前なし,,,,,,,,\r\n"
      "患者,odd,変な型,,,hologram,,NOPE,,150,\r\n";
  auto dictionary = MapCsvDictionary(csv);
  REQUIRE(dictionary.ok());
  const Json& tables = dictionary->tables;
  REQUIRE(tables.size() == 2);
  CHECK(tables[0]["name"] == "検査");
  CHECK(tables[0]["variables"][0] == Json::parse(R"({
      "name": "hba1c", "title": {"ja": "HbA1c", "en": "HbA1c"}, "description": {"ja": "ヘモグロビンA1c"},
      "value_type": "decimal", "unit": "%", "coding_system": "jlac10",
      "example_codes": ["3D046000001920402"], "completeness": 0.85})"));
  CHECK(tables[0]["variables"][1]["example_codes"] == Json::array({"1", "2"}));
  CHECK(tables[0]["variables"][1]["value_type"] == "code");
  CHECK(tables[0]["variables"][1]["completeness"] == 1.0);
  CHECK(tables[1]["variables"][0]["value_type"] == "date");
  CHECK(tables[1]["variables"].size() == 2);
  const auto& unmapped = dictionary->unmapped;
  for (const char* expected : {"column メモ", "row 5 (no variable name; row skipped)",
                               "row 6/value_type (unknown value type: hologram)",
                               "row 6/coding_system (not in the coding-system vocabulary: NOPE)"}) {
    INFO(expected);
    CHECK(std::find(unmapped.begin(), unmapped.end(), expected) != unmapped.end());
  }
  CHECK(tables[1]["variables"][1].contains("completeness") == false);
}

TEST_CASE("English headers and a missing name column", "[csv][mapping]") {
  auto english = MapCsvDictionary("Name,Title EN,Description,Value-Type\nage,Age,Age in years,integer\n");
  REQUIRE(english.ok());
  CHECK(english->tables[0]["name"] == "variables");
  CHECK(english->tables[0]["variables"][0] ==
        Json::parse(R"({"name": "age", "title": {"en": "Age"}, "description": {"ja": "Age in years"}, "value_type": "integer"})"));
  auto nameless = MapCsvDictionary("title,type\nx,string\n");
  REQUIRE_FALSE(nameless.ok());
  CHECK_THAT(nameless.error().expected, Catch::Contains("変数名"));
}

TEST_CASE("Shift_JIS is converted, other bytes are refused with a suggestion", "[csv][encoding]") {
  std::string sjis = "\x95\xcf\x90\x94\x96\xbc,\x8c^\r\nage,integer\r\n";  // 変数名,型 in CP932
  auto decoded = ToUtf8(sjis, true);
  REQUIRE(decoded.ok());
  CHECK(decoded->converted_from_cp932);
  CHECK(decoded->utf8.rfind("変数名,型", 0) == 0);
  CHECK_FALSE(ToUtf8(sjis, false).ok());
  auto garbage = ToUtf8("name\n\x80\xff\xfe\n", true);
  REQUIRE_FALSE(garbage.ok());
  CHECK_THAT(garbage.error().suggestion, Catch::Contains("UTF-8"));
  CHECK(ToUtf8("plain", true)->converted_from_cp932 == false);
}

TEST_CASE("the CSV dictionary adapter yields one variables record", "[csv][adapter]") {
  FaultServer server;
  server.Route("/dict.csv", FaultResponse::Ok("text/csv", "\x95\xcf\x90\x94\x96\xbc,\x8c^\r\nage,\x90\xae\x90\x94\r\n"));
  server.Route("/bad.csv", FaultResponse::Ok("text/csv", "name\n\x80\xff\n"));
  SourceConfig config;
  config.holder = "h";
  config.endpoint = server.Url("/dict.csv");
  config.format = SourceFormat::kCsvDictionary;
  config.options["dataset"] = "NDB";
  auto drained = Drain(config);
  CHECK(drained.status.complete);
  REQUIRE(drained.records.size() == 1);
  const SourceRecord& record = drained.records[0];
  CHECK(record.kind == RecordKind::kVariables);
  CHECK(record.record_identifier == "variables:NDB");
  CHECK(record.document["identifier"] == "ndb");
  CHECK(record.document["variables"][0]["variables"][0] == Json::parse(R"({"name": "age", "value_type": "integer"})"));
  CHECK(record.notes == std::vector<std::string>{"converted from Shift_JIS (CP932) to UTF-8"});

  config.endpoint = server.Url("/bad.csv");
  auto bad = Drain(config);
  CHECK_FALSE(bad.status.complete);
  CHECK_THAT(bad.status.error->message, Catch::Contains("neither UTF-8 nor Shift_JIS"));
  CHECK_THAT(bad.status.error->suggestion, Catch::Contains("UTF-8"));

  config.options.erase("dataset");
  auto no_dataset = Drain(config);
  CHECK_THAT(no_dataset.status.error->message, Catch::Contains("\"dataset\""));
}
