// Code queries: exact and hierarchical code terms per coding system, and the
// explanation of which variable carries the code.
#include <algorithm>

#include <catch2/catch.hpp>

#include "tests/search/test_corpus.h"

namespace hdcat::search::testing {
namespace {

std::vector<std::string> Sorted(std::vector<std::string> refs) {
  std::sort(refs.begin(), refs.end());
  return refs;
}

struct CodeCase {
  const char* query;
  std::vector<std::string> expected;  // exactly these datasets
};

TEST_CASE("code prefixes find longer codes of hierarchical systems", "[search][codes]") {
  static TestIndex index(MakeCorpus());
  const CodeCase cases[] = {
      {"E11", {"jmdc/claims", "mhlw/ndb"}},           // E11 itself and E11.9 below it
      {"e11", {"jmdc/claims", "mhlw/ndb"}},
      {"Ｅ１１", {"jmdc/claims", "mhlw/ndb"}},
      {"E11.9", {"mhlw/ndb"}},                        // more specific than jmdc's E11
      {"E119", {"mhlw/ndb"}},
      {"I50", {"mhlw/ndb"}},
      {"3D046", {"mhlw/ndb"}},                        // JLAC10 analyte prefix
      {"3D0", {"mhlw/ndb"}},
      {"3D046000001906202", {"mhlw/ndb"}},
      {"3D045", {}},                                  // the JDS scale is another code
      {"C50", {"ncc/cancer-registry"}},
      {"E12", {}},
  };
  for (const CodeCase& c : cases) {
    INFO("query: " << c.query);
    CHECK(Sorted(index.Refs(c.query)) == Sorted(c.expected));
  }
}

TEST_CASE("a code hit says which variable and system carry the code", "[search][codes]") {
  static TestIndex index(MakeCorpus());
  SearchResponse response = index.Search("E11");
  bool explained_ndb = false;
  bool explained_jmdc = false;
  for (const SearchHit& hit : response.hits) {
    for (const std::string& reason : hit.matched_because) {
      if (hit.ref == "mhlw/ndb" && reason.find("code E11 in variable disease_code") != std::string::npos &&
          reason.find("(icd10)") != std::string::npos) {
        explained_ndb = true;
      }
      if (hit.ref == "jmdc/claims" && reason.find("code E11") != std::string::npos &&
          reason.find("(icd10)") != std::string::npos) {
        explained_jmdc = true;
      }
    }
  }
  CHECK(explained_ndb);
  CHECK(explained_jmdc);
}

TEST_CASE("a code and words combine", "[search][codes]") {
  static TestIndex index(MakeCorpus());
  CHECK(index.Refs("E11 HbA1c 経年変化") == std::vector<std::string>{"jmdc/claims"});
  CHECK(index.Refs("レセプト 3D046") == std::vector<std::string>{"mhlw/ndb"});
}

TEST_CASE("variable search returns the variable and its dataset", "[search][codes][variables]") {
  static TestIndex index(MakeCorpus());
  SearchRequest request;
  request.target = SearchTarget::kVariables;
  request.query = "傷病名";
  SearchResponse response = index.Search(request);
  REQUIRE(response.hits.size() == 1);
  CHECK(response.hits[0].ref == "mhlw/ndb");
  CHECK(response.hits[0].variable == "disease_code");
  CHECK(response.hits[0].table == "receipt");
  request.query = "3D046";
  response = index.Search(request);
  REQUIRE(response.hits.size() == 1);
  CHECK(response.hits[0].variable == "hba1c");
}

}  // namespace
}  // namespace hdcat::search::testing
