// Match explanations over the samples: a variable is credited only for words
// that are in its own name, title or aliases.
#include <catch2/catch.hpp>

#include "search/catalog_sync.h"
#include "search/directory_source.h"
#include "tests/search/test_corpus.h"
#include "tests/support/paths.h"

namespace hdcat::search::testing {
namespace {

class SampleIndex {
 public:
  SampleIndex() : manager_(dir_.path() + "/index") {
    auto source = DirectorySource::Open(hdcat::testing::SourcePath("samples"));
    REQUIRE(source.ok());
    DocumentBuilder builder(Vocabulary()->coding_systems);
    auto rebuilt = RebuildIndex(*source, builder, manager_);
    if (!rebuilt.ok()) FAIL(rebuilt.error().ToString());
    auto searcher = Searcher::Open(manager_, Vocabulary());
    REQUIRE(searcher.ok());
    searcher_ = std::move(*searcher);
  }

  // The reasons given for `ref` among the hits of `query`.
  std::vector<std::string> Reasons(const std::string& query, const std::string& ref) {
    SearchRequest request;
    request.query = query;
    request.limit = 100;
    auto response = searcher_->Search(request);
    REQUIRE(response.ok());
    for (const SearchHit& hit : response->hits) {
      if (hit.ref == ref) return hit.matched_because;
    }
    FAIL(ref + " is not among the hits of " + query);
    return {};
  }

 private:
  TempDir dir_;
  IndexManager manager_;
  std::unique_ptr<Searcher> searcher_;
};

bool Mentions(const std::vector<std::string>& reasons, const std::string& text) {
  for (const std::string& reason : reasons) {
    if (reason.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("search explanations credit a variable only with words in its own name, title or aliases",
          "[search][explain]") {
  SampleIndex index;
  // disease_group mentions 糖尿病 only in its description; the dataset's
  // variable-field match is a code value's label.
  auto pediatric = index.Reasons("糖尿病", "mhlw/pediatric-chronic-disease-db");
  INFO(Catch::Detail::stringify(pediatric));
  CHECK_FALSE(Mentions(pediatric, "disease_group"));
  CHECK_FALSE(pediatric.empty());
  // nyha (NYHA心機能分類) says 心不全 only in its description.
  auto dpc = index.Reasons("心不全", "mhlw/dpc-db");
  INFO(Catch::Detail::stringify(dpc));
  CHECK_FALSE(Mentions(dpc, "variable nyha"));
  // The synonym DM -> diabetes is not pinned on a variable with neither word.
  auto by_synonym = index.Reasons("DM", "mhlw/pediatric-chronic-disease-db");
  INFO(Catch::Detail::stringify(by_synonym));
  CHECK_FALSE(Mentions(by_synonym, "disease_group"));

  // A variable that carries the words is still named.
  CHECK(Mentions(index.Reasons("糖尿病", "ncd/ncd-surgical"), "variable diabetes (糖尿病): 糖尿病"));
  CHECK(Mentions(index.Reasons("心不全", "jcs/jroad"), "variable hf_admissions"));
  CHECK(Mentions(index.Reasons("DM", "moe/jecs-main-study"), "variable gdm"));
}

}  // namespace
}  // namespace hdcat::search::testing
