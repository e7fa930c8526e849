// package_search's q and fq: the Lucene subset parsed, translated to an index
// query (web/ckan/index_query.h) and run on a real index of one dataset.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "base/json.h"
#include "catalog/store/dataset_ref.h"
#include "search/document_builder.h"
#include "search/index_schema.h"
#include "search/index_writer.h"
#include "search/search_vocabulary.h"
#include "search/searcher.h"
#include "tests/support/paths.h"
#include "web/ckan/index_query.h"
#include "web/ckan/lucene_query.h"

namespace hdcat::testing {
namespace {

Json SampleDataset() {
  return Json{
      {"identifier", "diabetes-registry"},
      {"holder", "ncgm"},
      {"title", {{"ja", "全国糖尿病レジストリ"}, {"en", "National Diabetes Registry"}}},
      {"description", {{"ja", "2型糖尿病の患者を追跡する"}, {"en", "Follows patients with type 2 diabetes"}}},
      {"keywords", {{"ja", Json::array({"糖尿病"})}, {"en", Json::array({"diabetes", "registry"})}}},
      {"access_rights", "NON_PUBLIC"},
      {"access", {{"routes", Json::array({{{"type", "remote_analysis"}}})}}},
      {"distributions", Json::array({{{"format", "CSV"}}, {{"format", "PDF"}}})}};
}

// One dataset stored at 2024-05-02T10:00:00Z (first version at 2024-01-10).
class OneDatasetIndex {
 public:
  OneDatasetIndex()
      : path_(BinaryPath("tests/web/ckan-query-index-" + std::to_string(::getpid()))),
        database_(Removed(path_), Xapian::DB_CREATE_OR_OVERWRITE) {
    auto vocabulary = search::SearchVocabulary::LoadEmbedded();
    REQUIRE(vocabulary.ok());
    search::DocumentBuilder builder((*vocabulary)->coding_systems);
    search::BuildOptions options;
    options.stored_at = "2024-05-02T10:00:00Z";
    options.first_stored_at = "2024-01-10T08:00:00Z";
    auto built = builder.Build(SampleDataset(), Json{{"identifier", "ncgm"}, {"name", {{"ja", "国立国際医療研究センター"}}}},
                               options);
    REQUIRE(built.ok());
    search::IndexWriter writer(database_);
    Status upserted = writer.Upsert(*built);
    INFO((upserted.ok() ? std::string() : upserted.error().ToString()));
    REQUIRE(upserted.ok());
    database_.set_metadata(std::string(search::schema::kMetaSchemaVersion), std::string(search::schema::kSchemaVersion));
    database_.commit();
    searcher_ = std::make_unique<search::Searcher>(database_, *vocabulary);
  }

  ~OneDatasetIndex() {
    searcher_.reset();
    database_.close();
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  // The number of datasets the query matches, or the error of parsing or translating it.
  Result<std::int64_t> Count(std::string_view text) {
    auto query = web::ckan::LuceneQuery::Parse(text);
    if (!query.ok()) return query.error();
    auto translated = web::ckan::IndexQueryOf(
        query->root(), [this](std::string_view words) { return searcher_->TextQuery(words); });
    if (!translated.ok()) return translated.error();
    search::MatchRequest request;
    request.query = *translated;
    auto response = searcher_->Match(request);
    if (!response.ok()) return response.error();
    return response->total;
  }

 private:
  static const std::string& Removed(const std::string& path) {
    std::filesystem::remove_all(path);
    return path;
  }

  std::string path_;
  Xapian::WritableDatabase database_;
  std::unique_ptr<search::Searcher> searcher_;
};

}  // namespace

TEST_CASE("Lucene subset selects on the index as Solr would for CKAN fields", "[ckan][query]") {
  OneDatasetIndex index;
  const std::string public_id = catalog::DatasetPublicId("ncgm", "diabetes-registry");
  const std::pair<std::string, bool> cases[] = {
      {"", true},
      {"*:*", true},
      {"diabetes", true},
      {"糖尿病", true},
      {"ＤＩＡＢＥＴＥＳ", true},  // full-width folds to ASCII
      {"\"type 2 diabetes\"", true},
      {"diabetes asthma", false},  // q.op=AND
      {"diabetes OR asthma", true},
      {"diabetes AND NOT asthma", true},
      {"diabetes -registry", false},
      {"NOT (diabetes OR asthma)", false},
      {"(diabetes OR asthma) AND organization:ncgm", true},
      {"organization:ncgm", true},
      {"owner_org:ncgm", true},
      {"organization:ncc", false},
      {"-organization:ncc", true},
      {"+organization:ncgm +tags:registry", true},
      {"organization:(ncc OR ncgm)", true},
      {"organization:ncc OR organization:ncgm", true},
      {"tags:diabetes AND res_format:CSV", true},
      {"tags:糖尿病", true},
      {"res_format:HTML", true},  // the access route
      {"res_format:XLSX", false},
      {"res_format:*", true},
      {"groups:*", false},
      {"name:" + public_id, true},
      {"id:" + public_id.substr(0, 6) + "*", true},
      {"name:ds-0000000000000000", false},
      {"access_rights:NON_PUBLIC", true},
      {"license_id:other-closed", true},
      {"license_id:notspecified", false},
      {"state:active", true},
      {"type:dataset", true},
      {"metadata_modified:[2024-01-01T00:00:00Z TO *]", true},
      {"metadata_modified:[2024-06-01T00:00:00Z TO *]", false},
      {"metadata_modified:[* TO 2024-05-02T10:00:00Z]", true},
      {"metadata_modified:{2024-05-02T10:00:00.000000 TO *]", false},
      {"metadata_modified:[NOW-1DAY TO NOW]", false},
      {"metadata_modified:[2024-05-02 TO 2024-05-02T10:00:00.0Z]", true},
      {"metadata_modified:{* TO 2024-05-02T10:00:00}", false},
      {"metadata_created:[* TO 2024-02-01]", true},
      {"metadata_created:[2024-02-01 TO *]", false},
      {"num_resources:[3 TO 10]", true},  // one route and two distributions
      {"num_resources:[4 TO 10]", false},
      {"num_tags:3", true},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    auto count = index.Count(text);
    INFO((count.ok() ? std::string() : count.error().ToString()));
    REQUIRE(count.ok());
    CHECK(*count == (expected ? 1 : 0));
  }
}

TEST_CASE("Lucene subset refuses what it cannot read or the index cannot answer", "[ckan][query]") {
  OneDatasetIndex index;
  for (const char* text : {"(diabetes", "organization:", "\"open phrase", "{!lucene}x", "metadata_modified:[2024 TO",
                           "metadata_modified:[2024 2025]", "a AND", "x:[NOW-3WEEKS TO *]", "\\",
                           "title:レジストリ", "extras_access_rights:NON_PUBLIC", "metadata_modified:[soon TO *]",
                           "num_resources:[two TO 3]", "organization:[a TO b]"}) {
    INFO(text);
    auto count = index.Count(text);
    CHECK_FALSE(count.ok());
    if (!count.ok()) CHECK(count.error().kind == ErrorKind::kInvalidInput);
  }
}

}  // namespace hdcat::testing
