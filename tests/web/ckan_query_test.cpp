// The Lucene subset of package_search's q and fq, over one fixed package dict.
#include <catch2/catch.hpp>

#include "base/json.h"
#include "web/ckan/ckan_fields.h"
#include "web/ckan/lucene_query.h"

namespace hdcat::testing {
namespace {

Json SamplePackage() {
  return Json{
      {"id", "ds-0123456789abcdef"},
      {"name", "ds-0123456789abcdef"},
      {"title", "全国糖尿病レジストリ"},
      {"title_translated", {{"ja", "全国糖尿病レジストリ"}, {"en", "National Diabetes Registry"}}},
      {"notes", "2型糖尿病の患者を追跡する"},
      {"notes_translated", {{"ja", "2型糖尿病の患者を追跡する"}, {"en", "Follows patients with type 2 diabetes"}}},
      {"license_id", "notspecified"},
      {"state", "active"},
      {"type", "dataset"},
      {"metadata_modified", "2024-05-02T10:00:00.000000"},
      {"num_resources", 2},
      {"organization", {{"name", "ncgm"}, {"title", "国立国際医療研究センター"}}},
      {"tags", Json::array({{{"name", "diabetes"}}, {{"name", "registry"}}})},
      {"resources", Json::array({{{"format", "CSV"}, {"name", "codebook"}}, {{"format", "PDF"}}})},
      {"extras", Json::array({{{"key", "access_rights"}, {"value", "NON_PUBLIC"}}})}};
}

}  // namespace

TEST_CASE("Lucene subset matches as Solr would for CKAN fields", "[ckan][query]") {
  const web::ckan::CkanFields fields = web::ckan::FieldsOfPackage(SamplePackage());
  const std::pair<const char*, bool> cases[] = {
      {"", true},
      {"*:*", true},
      {"diabetes", true},
      {"糖尿病", true},
      {"ＤＩＡＢＥＴＥＳ", true},  // full-width folds to ASCII
      {"\"type 2 diabetes\"", true},
      {"\"type 3 diabetes\"", false},
      {"diabetes asthma", false},  // q.op=AND
      {"diabetes OR asthma", true},
      {"diabetes AND NOT asthma", true},
      {"diabetes -registry", false},
      {"organization:ncgm", true},
      {"organization:ncc", false},
      {"-organization:ncc", true},
      {"+organization:ncgm +tags:registry", true},
      {"organization:(ncc OR ncgm)", true},
      {"organization:ncc OR organization:ncgm", true},
      {"tags:diabetes AND res_format:csv", true},
      {"res_format:XLSX", false},
      {"res_format:*", true},
      {"version:*", false},
      {"name:ds-0123*", true},
      {"title:レジストリ", true},
      {"notes:\"patients with\"", true},
      {"access_rights:NON_PUBLIC", true},
      {"extras_access_rights:non_public", true},
      {"metadata_modified:[2024-01-01T00:00:00Z TO *]", true},
      {"metadata_modified:[2024-06-01T00:00:00Z TO *]", false},
      {"metadata_modified:[* TO 2024-05-02T10:00:00Z]", true},
      {"metadata_modified:{2024-05-02T10:00:00.000000 TO *]", false},
      {"metadata_modified:[NOW-1DAY TO NOW]", false},
      {"metadata_modified:[2024-05-02 TO 2024-05-02T10:00:00.0Z]", true},
      {"metadata_modified:{* TO 2024-05-02T10:00:00}", false},
      {"num_resources:[2 TO 10]", true},
      {"num_resources:[3 TO 10]", false},
      {"(diabetes OR asthma) AND organization:ncgm", true},
      {"NOT (diabetes OR asthma)", false},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    auto query = web::ckan::LuceneQuery::Parse(text);
    REQUIRE(query.ok());
    CHECK(query->Matches(fields) == expected);
  }
}

TEST_CASE("Lucene subset refuses what it cannot read", "[ckan][query]") {
  for (const char* text : {"(diabetes", "organization:", "\"open phrase", "{!lucene}x", "metadata_modified:[2024 TO",
                           "metadata_modified:[2024 2025]", "a AND", "x:[NOW-3WEEKS TO *]", "\\"}) {
    INFO(text);
    auto query = web::ckan::LuceneQuery::Parse(text);
    CHECK_FALSE(query.ok());
    if (!query.ok()) CHECK(query.error().kind == ErrorKind::kInvalidInput);
  }
}

TEST_CASE("score ranks title and name matches above text-only matches", "[ckan][query]") {
  const web::ckan::CkanFields fields = web::ckan::FieldsOfPackage(SamplePackage());
  auto title_word = web::ckan::LuceneQuery::Parse("レジストリ");
  auto notes_word = web::ckan::LuceneQuery::Parse("追跡");
  REQUIRE(title_word.ok());
  REQUIRE(notes_word.ok());
  CHECK(title_word->Score(fields) > notes_word->Score(fields));
  CHECK(notes_word->Score(fields) > 0);
}

}  // namespace hdcat::testing
